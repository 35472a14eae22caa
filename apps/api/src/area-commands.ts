import { type PersonKeyStore } from '@accord/personal-data';
import { AGREEMENT_COMMANDS } from './agreements/agreements.commands';
import { BENEFIT_POOL_COMMANDS } from './benefit-pools/benefit-pools.commands';
import { COMMITMENT_COMMANDS } from './commitments/commitments.commands';
import { DECISION_COMMANDS } from './decisions/decisions.commands';
import { INDICATOR_COMMANDS } from './indicators/indicators.commands';
import { INITIATIVE_COMMANDS } from './initiatives/initiatives.commands';
import { MEETING_COMMANDS } from './meetings/meetings.commands';
import { peopleCommands } from './people/people.commands';
import { RISK_COMMANDS } from './risks/risks.commands';
import { ROSTER_COMMANDS } from './roster/roster.commands';

/** Every area's command rows; the people's seal personal data with the person keys. */
export const areaCommands = (keys: PersonKeyStore) => [
  INITIATIVE_COMMANDS,
  ROSTER_COMMANDS,
  COMMITMENT_COMMANDS,
  DECISION_COMMANDS,
  MEETING_COMMANDS,
  INDICATOR_COMMANDS,
  AGREEMENT_COMMANDS,
  RISK_COMMANDS,
  BENEFIT_POOL_COMMANDS,
  peopleCommands(keys),
];
