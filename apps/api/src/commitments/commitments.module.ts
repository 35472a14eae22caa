import { Module } from '@nestjs/common';
import { FulfilCommitmentHandler } from './commands/fulfil-commitment/fulfil-commitment.handler';
import { FulfilCommitmentResolver } from './commands/fulfil-commitment/fulfil-commitment.resolver';
import { MakeCommitmentHandler } from './commands/make-commitment/make-commitment.handler';
import { MakeCommitmentResolver } from './commands/make-commitment/make-commitment.resolver';
import { ReportProgressHandler } from './commands/report-progress/report-progress.handler';
import { ReportProgressResolver } from './commands/report-progress/report-progress.resolver';
import { WithdrawCommitmentHandler } from './commands/withdraw-commitment/withdraw-commitment.handler';
import { WithdrawCommitmentResolver } from './commands/withdraw-commitment/withdraw-commitment.resolver';
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
    MakeCommitmentHandler,
    MakeCommitmentResolver,
    ReportProgressHandler,
    ReportProgressResolver,
    FulfilCommitmentHandler,
    FulfilCommitmentResolver,
    WithdrawCommitmentHandler,
    WithdrawCommitmentResolver,
  ],
})
export class CommitmentsModule {}
