import { useState } from 'preact/hooks';
import { GraphqlRequestError, request } from '../graphql/client';
import {
  CastVoteDocument,
  ChangeVoteDocument,
  type DecisionDetailFragment,
  type VoteChoice,
} from '../graphql/generated';

const CHOICES: Record<DecisionDetailFragment['method'], VoteChoice[]> = {
  CONSENSUS: ['FOR', 'AGAINST', 'ABSTAIN', 'BLOCK'],
  CONSENT: ['FOR', 'AGAINST', 'ABSTAIN', 'OBJECTION'],
  SIMPLE_MAJORITY: ['FOR', 'AGAINST', 'ABSTAIN'],
  SUPERMAJORITY: ['FOR', 'AGAINST', 'ABSTAIN'],
};

/**
 * Cast (or change) my vote with a reason. The command id is made once per form, so a double
 * click or a retry after a lost answer records one vote; the server's field errors show
 * beside their field.
 */
export function VoteForm({
  decision,
  current,
  onRecorded,
}: {
  decision: DecisionDetailFragment;
  current?: VoteChoice;
  onRecorded: (decision: DecisionDetailFragment) => void;
}) {
  const [commandId] = useState(() => crypto.randomUUID());
  const [choice, setChoice] = useState<VoteChoice | ''>('');
  const [reason, setReason] = useState('');
  const [sending, setSending] = useState(false);
  const [failure, setFailure] = useState<GraphqlRequestError | Error | null>(null);
  const [missingChoice, setMissingChoice] = useState(false);
  const fieldError = (name: string) =>
    failure instanceof GraphqlRequestError ? failure.fieldMessage(name) : undefined;

  const submit = async (event: Event) => {
    event.preventDefault();
    if (sending) return;
    setMissingChoice(choice === '');
    if (choice === '') return;
    setSending(true);
    setFailure(null);
    try {
      const base = { decisionId: decision.decisionId, choice, commandId };
      const recorded = current
        ? // A change of vote must say why: the server says so next to the field if it is empty.
          (await request(ChangeVoteDocument, { input: { ...base, reason: reason.trim() } }))
            .changeVote.decision
        : (
            await request(CastVoteDocument, {
              input: { ...base, ...(reason.trim() ? { reason: reason.trim() } : {}) },
            })
          ).castVote.decision;
      // Null only if the vote was recorded but the reader may no longer see the decision.
      if (!recorded)
        throw new Error('Your vote was recorded; this decision is no longer shown to you.');
      onRecorded(recorded);
    } catch (error) {
      setFailure(error instanceof Error ? error : new Error(String(error)));
      setSending(false);
    }
  };

  const choiceError = missingChoice ? 'Choose how you vote.' : fieldError('choice');
  const reasonError = fieldError('reason');
  const general = failure && !choiceError && !reasonError ? failure.message : null;
  return (
    <form onSubmit={(event) => void submit(event)} aria-labelledby="vote-heading" noValidate>
      <h2 id="vote-heading">{current ? 'Change your vote' : 'Your vote'}</h2>
      {current && <p>You voted {current.toLowerCase()}.</p>}
      <fieldset class="field" aria-describedby={choiceError ? 'choice-error' : undefined}>
        <legend>
          <strong>Choice</strong>
        </legend>
        {CHOICES[decision.method].map((value) => (
          <label class="radio" key={value} style={{ fontWeight: 400 }}>
            <input
              type="radio"
              name="choice"
              value={value}
              checked={choice === value}
              onChange={() => {
                setChoice(value);
                setMissingChoice(false);
              }}
            />{' '}
            {value.toLowerCase()}
          </label>
        ))}
        {choiceError && (
          <span id="choice-error" class="field-error">
            {choiceError}
          </span>
        )}
      </fieldset>
      <div class="field">
        <label for="vote-reason">Reason</label>
        <textarea
          id="vote-reason"
          rows={3}
          value={reason}
          aria-invalid={reasonError ? 'true' : undefined}
          aria-describedby={reasonError ? 'reason-error' : 'reason-hint'}
          onInput={(event) => setReason((event.target as HTMLTextAreaElement).value)}
        />
        <span id="reason-hint" class="muted">
          Recorded with your vote for everyone to read; needed to block or object.
        </span>
        {reasonError && (
          <span id="reason-error" class="field-error">
            {reasonError}
          </span>
        )}
      </div>
      {general && (
        <p class="form-error" role="alert">
          {general}
        </p>
      )}
      <button type="submit" disabled={sending}>
        {sending ? 'Recording…' : current ? 'Change vote' : 'Cast vote'}
      </button>
    </form>
  );
}
