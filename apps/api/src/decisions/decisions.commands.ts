import {
  decisionDecider,
  type DecisionState,
  initiativeDecider,
  toRulesDecision,
} from '@accord/domain';
import { inInitiative, inInitiativeOf } from '../auth/subject';
import { commandsOf } from '../ledger/command-table';
import { type FoldedStreams } from '../ledger/folded-streams';
import { decisionStream, initiativeStream } from '../ledger/streams';

const decision = commandsOf(decisionDecider, (data: { decisionId: string }) =>
  decisionStream(data.decisionId),
);
const initiative = commandsOf(initiativeDecider, (data: { initiativeId: string }) =>
  initiativeStream(data.initiativeId),
);
const inItsInitiative = { subject: (state: DecisionState) => inInitiativeOf(state) };
/** A vote is judged against the roster of the decision's initiative. */
const byItsRoster = {
  ...inItsInitiative,
  needs: async (streams: FoldedStreams, _: unknown, state: DecisionState) => ({
    roster: await streams.rosterOf(state),
  }),
};

export const DECISION_COMMANDS = [
  decision('ProposeDecision', {
    subject: (_, data) => inInitiative(data.initiativeId),
    needs: async (streams, data) => ({
      initiative: await streams.initiative(data.initiativeId),
      meeting: await streams.meeting(data.meetingId),
    }),
  }),
  decision('CastVote', byItsRoster),
  decision('ChangeVote', byItsRoster),
  decision('DeclareConflictOfInterest', inItsInitiative),
  decision('CloseDecision', {
    ...inItsInitiative,
    needs: async (streams, _, state) => ({
      roster: await streams.rosterOf(state),
      initiative: await streams.initiativeOf(state),
    }),
  }),
  decision('SupersedeDecision', {
    ...inItsInitiative,
    needs: async (streams, data, state) => ({
      by: await streams.decision(data.byDecisionId),
      initiative: await streams.initiativeOf(state),
    }),
  }),
  // Written on the initiative stream; the decision's stream is folded for its outcome.
  initiative('ApplyGovernanceRules', {
    subject: (_, data) => inInitiative(data.initiativeId),
    needs: async (streams, data) => ({
      decision: toRulesDecision(await streams.decision(data.decisionId), data.decisionId),
    }),
  }),
];
