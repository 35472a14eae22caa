import { Module } from '@nestjs/common';
import { CommandTable } from '../ledger/ledger-command';
import { RISK_COMMANDS } from './risks.commands';
import { RisksMutations } from './risks.mutations';
import { RiskQueries } from './queries/risk.queries';
import { RiskResolver } from './queries/risk.resolver';

@Module({
  providers: [RisksMutations, RiskQueries, RiskResolver],
})
export class RisksModule {
  constructor(table: CommandTable) {
    table.add(RISK_COMMANDS);
  }
}
