import { Module } from '@nestjs/common';
import { AcceptCommitmentHandler } from './commands/accept-commitment/accept-commitment.handler';
import { AcceptCommitmentResolver } from './commands/accept-commitment/accept-commitment.resolver';
import { ReviseCommitmentHandler } from './commands/revise-commitment/revise-commitment.handler';
import { ReviseCommitmentResolver } from './commands/revise-commitment/revise-commitment.resolver';
import { MissCommitmentHandler } from './commands/miss-commitment/miss-commitment.handler';
import { MissCommitmentResolver } from './commands/miss-commitment/miss-commitment.resolver';
import { LinkCommitmentHandler } from './commands/link-commitment/link-commitment.handler';
import { LinkCommitmentResolver } from './commands/link-commitment/link-commitment.resolver';
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
    AcceptCommitmentHandler,
    AcceptCommitmentResolver,
    ReviseCommitmentHandler,
    ReviseCommitmentResolver,
    MissCommitmentHandler,
    MissCommitmentResolver,
    LinkCommitmentHandler,
    LinkCommitmentResolver,
  ],
})
export class CommitmentsModule {}
