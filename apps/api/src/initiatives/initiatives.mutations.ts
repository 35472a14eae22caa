import { InitiativePayload } from './initiative.model';
import { InitiativeQueries } from './queries/initiative.queries';
import {
  AmendAgendaInput,
  JoinInitiativeInput,
  LaunchInitiativeInput,
  LeaveInitiativeInput,
} from './initiatives.inputs';
import { deriveEntityId } from '../ledger/streams';
import { toDomainRules } from './governance-rules.model';
import { mutationsOf, mutationsResolver } from '../graphql/mutation-table';

const initiative = mutationsOf(
  InitiativePayload,
  InitiativeQueries,
  async (read, data: { initiativeId: string }) => ({
    initiative: await read.byId(data.initiativeId),
  }),
);

export const InitiativesMutations = mutationsResolver('InitiativesMutations', [
  initiative(
    'AmendAgenda',
    AmendAgendaInput,
    'Replace the common agenda; the earlier one stays in the history.',
  ),
  initiative('JoinInitiative', JoinInitiativeInput, 'A partner organisation joins the initiative.'),
  initiative(
    'LaunchInitiative',
    LaunchInitiativeInput,
    'Launch an initiative with its problem statement and common agenda.',
    (input, envelope) => {
      const initiativeId = input.initiativeId ?? deriveEntityId(envelope.commandId, 'initiative');
      const { name, problemStatement, commonAgenda, governanceRules } = input;
      return {
        initiativeId,
        name,
        problemStatement,
        commonAgenda,
        ...(governanceRules ? { governanceRules: toDomainRules(governanceRules) } : {}),
      };
    },
  ),
  initiative(
    'LeaveInitiative',
    LeaveInitiativeInput,
    'A partner leaves; its history and commitments stay.',
  ),
]);
