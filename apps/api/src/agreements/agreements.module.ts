import { Module } from '@nestjs/common';
import { CommandTable } from '../ledger/ledger-command';
import { AGREEMENT_COMMANDS } from './agreements.commands';
import { AgreementsMutations } from './agreements.mutations';
import { AgreementQueries } from './queries/agreement.queries';
import { AgreementResolver, PartnerAgreementsResolver } from './queries/agreement.resolver';

@Module({
  providers: [AgreementsMutations, AgreementQueries, AgreementResolver, PartnerAgreementsResolver],
})
export class AgreementsModule {
  constructor(table: CommandTable) {
    table.add(AGREEMENT_COMMANDS);
  }
}
