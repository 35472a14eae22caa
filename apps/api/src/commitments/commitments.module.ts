import { Module } from '@nestjs/common';
import { CommandTable } from '../ledger/ledger-command';
import { COMMITMENT_COMMANDS } from './commitments.commands';
import { CommitmentsMutations } from './commitments.mutations';
import { CommitmentQueries } from './queries/commitment.queries';
import {
  CommitmentResolver,
  InitiativeCommitmentsResolver,
  PartnerCommitmentsResolver,
} from './queries/commitment.resolver';

@Module({
  providers: [
    CommitmentQueries,
    CommitmentResolver,
    PartnerCommitmentsResolver,
    InitiativeCommitmentsResolver,
    CommitmentsMutations,
  ],
})
export class CommitmentsModule {
  constructor(table: CommandTable) {
    table.add(COMMITMENT_COMMANDS);
  }
}
