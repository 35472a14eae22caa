import { Module } from '@nestjs/common';
import { InitiativesModule } from '../initiatives/initiatives.module';
import { ApplyGovernanceRulesHandler } from './commands/apply-governance-rules/apply-governance-rules.handler';
import { ApplyGovernanceRulesResolver } from './commands/apply-governance-rules/apply-governance-rules.resolver';
import { CastVoteHandler } from './commands/cast-vote/cast-vote.handler';
import { CastVoteResolver } from './commands/cast-vote/cast-vote.resolver';
import { ChangeVoteHandler } from './commands/change-vote/change-vote.handler';
import { ChangeVoteResolver } from './commands/change-vote/change-vote.resolver';
import { CloseDecisionHandler } from './commands/close-decision/close-decision.handler';
import { CloseDecisionResolver } from './commands/close-decision/close-decision.resolver';
import { DeclareConflictOfInterestHandler } from './commands/declare-conflict-of-interest/declare-conflict-of-interest.handler';
import { DeclareConflictOfInterestResolver } from './commands/declare-conflict-of-interest/declare-conflict-of-interest.resolver';
import { ProposeDecisionHandler } from './commands/propose-decision/propose-decision.handler';
import { ProposeDecisionResolver } from './commands/propose-decision/propose-decision.resolver';
import { SupersedeDecisionHandler } from './commands/supersede-decision/supersede-decision.handler';
import { SupersedeDecisionResolver } from './commands/supersede-decision/supersede-decision.resolver';
import { DecisionQueries } from './queries/decision.queries';
import { DecisionResolver, InitiativeDecisionsResolver } from './queries/decision.resolver';

@Module({
  imports: [InitiativesModule],
  providers: [
    DecisionQueries,
    DecisionResolver,
    InitiativeDecisionsResolver,
    ProposeDecisionHandler,
    ProposeDecisionResolver,
    DeclareConflictOfInterestHandler,
    DeclareConflictOfInterestResolver,
    CastVoteHandler,
    CastVoteResolver,
    ChangeVoteHandler,
    ChangeVoteResolver,
    CloseDecisionHandler,
    CloseDecisionResolver,
    SupersedeDecisionHandler,
    SupersedeDecisionResolver,
    ApplyGovernanceRulesHandler,
    ApplyGovernanceRulesResolver,
  ],
  exports: [DecisionQueries],
})
export class DecisionsModule {}
