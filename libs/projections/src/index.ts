export * from './runtime/projection';
export * from './runtime/read-model-tables';
export * from './runtime/projection-runner';
export * from './runtime/rebuild';
export * from './runtime/log-behind';
export * from './runtime/read-model-database';
export * from './runtime/sqlite-read-model-database';
export * from './runtime/postgres-read-model-database';
export * from './runtime/cursor';
export * from './runtime/temporal/time-travel';
export type { ReadView } from './runtime/temporal/read-views';
export * from './initiative-overview/initiative-overview.projection';
export * from './initiative-overview/initiative-overview.reader';
export * from './commitments-register/commitments-register.projection';
export * from './commitments-register/commitments-register.reader';
export * from './decision-register/decision-register.projection';
export * from './decision-register/decision-register.reader';
export * from './meetings/meetings.projection';
export * from './meetings/meetings.reader';
export * from './indicators/indicators.projection';
export * from './indicators/indicators.reader';
export * from './journal/journal.projection';
export * from './journal/journal.reader';
export * from './roster/roster.projection';
export * from './roster/roster.reader';
export * from './agreements-register/agreements-register.projection';
export * from './agreements-register/agreements-register.reader';
export * from './risk-register/risk-register.projection';
export * from './risk-register/risk-register.reader';
export * from './benefit-pools/benefit-pools.projection';
export * from './benefit-pools/benefit-pools.reader';
export * from './people/people.projection';
export * from './people/people.reader';

import { agreementsRegisterProjection } from './agreements-register/agreements-register.projection';
import { benefitPoolsProjection } from './benefit-pools/benefit-pools.projection';
import { commitmentsRegisterProjection } from './commitments-register/commitments-register.projection';
import { decisionRegisterProjection } from './decision-register/decision-register.projection';
import { indicatorsProjection } from './indicators/indicators.projection';
import { riskRegisterProjection } from './risk-register/risk-register.projection';
import { initiativeOverviewProjection } from './initiative-overview/initiative-overview.projection';
import { meetingsProjection } from './meetings/meetings.projection';
import { journalProjection } from './journal/journal.projection';
import { rosterProjection } from './roster/roster.projection';
import { peopleProjection } from './people/people.projection';

/** Every read model the API serves, in the order they are started. */
export const ALL_PROJECTIONS = [
  initiativeOverviewProjection,
  commitmentsRegisterProjection,
  decisionRegisterProjection,
  meetingsProjection,
  rosterProjection,
  agreementsRegisterProjection,
  indicatorsProjection,
  riskRegisterProjection,
  benefitPoolsProjection,
  journalProjection,
  peopleProjection,
] as const;
