import { AGREEMENT_COMMANDS } from '../agreements/agreements.commands';
import { BENEFIT_POOL_COMMANDS } from '../benefit-pools/benefit-pools.commands';
import { COMMITMENT_COMMANDS } from '../commitments/commitments.commands';
import { DECISION_COMMANDS } from '../decisions/decisions.commands';
import { INDICATOR_COMMANDS } from '../indicators/indicators.commands';
import { INITIATIVE_COMMANDS } from '../initiatives/initiatives.commands';
import { MEETING_COMMANDS } from '../meetings/meetings.commands';
import { peopleCommands } from '../people/people.commands';
import { type PersonKeyStore } from '../people/keys/person-key-store';
import { RISK_COMMANDS } from '../risks/risks.commands';
import { ROSTER_COMMANDS } from '../roster/roster.commands';
import { type CommandRow } from './command-table';

/** What an area's command rows may be built with. */
export interface AreaNeeds {
  keys: PersonKeyStore;
}

/**
 * Every area's command table, in one list: each module adds its own area's rows to the
 * application's CommandTable, and the command path spec (no Nest) adds them all, so a new area
 * cannot be left out of the spec.
 */
export const AREA_TABLES = {
  initiatives: () => INITIATIVE_COMMANDS,
  roster: () => ROSTER_COMMANDS,
  commitments: () => COMMITMENT_COMMANDS,
  decisions: () => DECISION_COMMANDS,
  meetings: () => MEETING_COMMANDS,
  indicators: () => INDICATOR_COMMANDS,
  agreements: () => AGREEMENT_COMMANDS,
  risks: () => RISK_COMMANDS,
  benefitPools: () => BENEFIT_POOL_COMMANDS,
  people: ({ keys }: AreaNeeds) => peopleCommands(keys),
} satisfies Record<string, (needs: AreaNeeds) => readonly CommandRow[]>;
