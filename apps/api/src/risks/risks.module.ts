import { Module } from '@nestjs/common';
import { CloseRiskHandler } from './commands/close-risk/close-risk.handler';
import { CloseRiskResolver } from './commands/close-risk/close-risk.resolver';
import { IdentifyRiskHandler } from './commands/identify-risk/identify-risk.handler';
import { IdentifyRiskResolver } from './commands/identify-risk/identify-risk.resolver';
import { MaterialiseRiskHandler } from './commands/materialise-risk/materialise-risk.handler';
import { MaterialiseRiskResolver } from './commands/materialise-risk/materialise-risk.resolver';
import { PlanMitigationHandler } from './commands/plan-mitigation/plan-mitigation.handler';
import { PlanMitigationResolver } from './commands/plan-mitigation/plan-mitigation.resolver';
import { ReassessRiskHandler } from './commands/reassess-risk/reassess-risk.handler';
import { ReassessRiskResolver } from './commands/reassess-risk/reassess-risk.resolver';
import { ShareRiskOwnershipHandler } from './commands/share-risk-ownership/share-risk-ownership.handler';
import { ShareRiskOwnershipResolver } from './commands/share-risk-ownership/share-risk-ownership.resolver';
import { RiskQueries } from './queries/risk.queries';
import { RiskResolver } from './queries/risk.resolver';

@Module({
  providers: [
    RiskQueries,
    RiskResolver,
    IdentifyRiskHandler,
    IdentifyRiskResolver,
    ReassessRiskHandler,
    ReassessRiskResolver,
    ShareRiskOwnershipHandler,
    ShareRiskOwnershipResolver,
    PlanMitigationHandler,
    PlanMitigationResolver,
    MaterialiseRiskHandler,
    MaterialiseRiskResolver,
    CloseRiskHandler,
    CloseRiskResolver,
  ],
})
export class RisksModule {}
