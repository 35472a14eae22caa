import { useState } from 'preact/hooks';
import { request } from '../graphql/client';
import {
  CloseDecisionDocument,
  DeclareConflictDocument,
  type DecisionDetailFragment,
} from '../graphql/generated';
import { Field, FormError, StaleNotice, useCommand } from './command';

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
  const command = useCommand();
  const needed = quorumNeeded(votingMembers, decision.quorumFraction);
  const reached = votingMembers > 0 && participants >= needed;
  const submit = async (event: Event) => {
    event.preventDefault();
    const answer = await command.run(
      (commandId) =>
        request(CloseDecisionDocument, {
          input: {
            decisionId: decision.decisionId,
            commandId,
            expectedRevision: decision.revision,
          },
        }),
      onStale,
    );
    if (answer?.closeDecision.decision) onRecorded(answer.closeDecision.decision);
  };
  return (
    <form onSubmit={(event) => void submit(event)} aria-labelledby="close-heading" noValidate>
      <h2 id="close-heading">Close the vote</h2>
      <p id="close-quorum">
        {participants} of {votingMembers} voting members have taken part; the quorum needs {needed}.{' '}
        {reached
          ? 'The quorum is reached: closing now computes the outcome from the votes.'
          : 'The quorum is not reached: closing now records the motion as failed for that reason.'}
      </p>
      {command.stale && <StaleNotice what="decision" />}
      <FormError message={command.general} />
      <button type="submit" disabled={command.sending} aria-describedby="close-quorum">
        {command.sending ? 'Closing…' : 'Close the vote'}
      </button>
    </form>
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
  const command = useCommand(['reason']);
  const [reason, setReason] = useState('');
  const submit = async (event: Event) => {
    event.preventDefault();
    const answer = await command.run((commandId) =>
      request(DeclareConflictDocument, {
        input: { decisionId: decision.decisionId, commandId, reason: reason.trim() },
      }),
    );
    if (answer?.declareConflictOfInterest.decision)
      onRecorded(answer.declareConflictOfInterest.decision);
  };
  return (
    <form onSubmit={(event) => void submit(event)} aria-labelledby="recuse-heading" noValidate>
      <h2 id="recuse-heading">Step aside from this vote</h2>
      <p>
        If you have a conflict of interest, say so: you are recused, and a vote you cast stops
        counting.
      </p>
      <Field
        id="recuse-reason"
        label="Your conflict of interest"
        value={reason}
        onInput={setReason}
        error={command.fieldError('reason')}
        multiline
      />
      <FormError message={command.general} />
      <button type="submit" class="secondary" disabled={command.sending}>
        {command.sending ? 'Recording…' : 'Declare a conflict of interest'}
      </button>
    </form>
  );
}
