import {
  CloseDecisionDocument,
  DeclareConflictDocument,
  type DecisionDetailFragment,
} from '../graphql/generated';
import { CommandForm } from './command-form';

/** The fewest participants that reach the quorum (part / whole >= fraction, in integers). */
export function quorumNeeded(
  votingMembers: number,
  fraction: DecisionDetailFragment['quorumFraction'],
) {
  return Math.ceil((fraction.numerator * votingMembers) / fraction.denominator);
}

/**
 * The chair closes the vote on what they see: participation against the quorum, before they
 * press. The close carries the revision shown, so a vote cast meanwhile is not closed on
 * unseen; the page then shows the new state and the chair closes again.
 */
export function CloseDecisionForm({
  decision,
  votingMembers,
  participants,
  onRecorded,
  onStale,
}: {
  decision: DecisionDetailFragment;
  votingMembers: number;
  participants: number;
  onRecorded: (decision: DecisionDetailFragment) => void;
  onStale: () => void;
}) {
  const needed = quorumNeeded(votingMembers, decision.quorumFraction);
  const reached = votingMembers > 0 && participants >= needed;
  return (
    <CommandForm
      id="close"
      heading="Close the vote"
      revision={decision.revision}
      stale="decision"
      onStale={onStale}
      intro={
        <p id="close-quorum">
          {participants} of {votingMembers} voting members have taken part; the quorum needs{' '}
          {needed}.{' '}
          {reached
            ? 'The quorum is reached: closing now computes the outcome from the votes.'
            : 'The quorum is not reached: closing now records the motion as failed for that reason.'}
        </p>
      }
      document={CloseDecisionDocument}
      input={() => ({ decisionId: decision.decisionId })}
      submit="Close the vote"
      sending="Closing…"
      describedBy="close-quorum"
      onRecorded={(answer) => {
        if (answer.closeDecision.decision) onRecorded(answer.closeDecision.decision);
      }}
    />
  );
}

/** A voting member declares a conflict of interest: recused, their vote stops counting. */
export function RecuseForm({
  decision,
  onRecorded,
}: {
  decision: DecisionDetailFragment;
  onRecorded: (decision: DecisionDetailFragment) => void;
}) {
  return (
    <CommandForm
      id="recuse"
      heading="Step aside from this vote"
      intro={
        <p>
          If you have a conflict of interest, say so: you are recused, and a vote you cast stops
          counting.
        </p>
      }
      fields={[
        {
          name: 'reason',
          id: 'recuse-reason',
          label: 'Your conflict of interest',
          kind: 'multiline',
        },
      ]}
      document={DeclareConflictDocument}
      input={(v) => ({ decisionId: decision.decisionId, reason: v.text('reason').trim() })}
      submit="Declare a conflict of interest"
      secondary
      onRecorded={(answer) => {
        if (answer.declareConflictOfInterest.decision)
          onRecorded(answer.declareConflictOfInterest.decision);
      }}
    />
  );
}
