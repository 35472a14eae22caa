import { useState } from 'preact/hooks';
import { useHref } from '../context';
import { request } from '../graphql/client';
import {
  AcceptCommitmentDocument,
  type CommitmentDetailFragment,
  FulfilCommitmentDocument,
  MakeCommitmentDocument,
  ReportProgressDocument,
  ReviseCommitmentDocument,
  WithdrawCommitmentDocument,
} from '../graphql/generated';
import { navigate, pathOf } from '../router';
import { Field, FormError, StaleNotice, useCommand } from './command';

/** A whole number from what was typed, or null. */
function wholeNumber(text: string): number | null {
  const value = Number(text.trim());
  return text.trim() !== '' && Number.isInteger(value) ? value : null;
}

/** The partner's representative commits the partner to something, by a date. */
export function MakeCommitmentForm({
  initiativeId,
  partnerId,
  partnerName,
}: {
  initiativeId: string;
  partnerId: string;
  partnerName: string;
}) {
  const href = useHref();
  const command = useCommand(['description', 'dueDate', 'hours']);
  const [description, setDescription] = useState('');
  const [dueDate, setDueDate] = useState('');
  const [hours, setHours] = useState('');
  const [problems, setProblems] = useState<Record<string, string>>({});
  const submit = async (event: Event) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!dueDate) found.dueDate = 'Give the date it is due by.';
    const hoursValue = hours.trim() === '' ? null : Number(hours.trim());
    if (hoursValue !== null && !(hoursValue > 0))
      found.hours = 'Give the hours as a number above 0.';
    setProblems(found);
    if (Object.keys(found).length) return;
    const answer = await command.run((commandId) =>
      request(MakeCommitmentDocument, {
        input: {
          commandId,
          initiativeId,
          partnerId,
          description: description.trim(),
          dueDate,
          ...(hoursValue !== null ? { resources: { hours: hoursValue } } : {}),
        },
      }),
    );
    const commitmentId = answer?.makeCommitment.commitment?.commitmentId;
    if (commitmentId)
      navigate(href(pathOf('initiatives', initiativeId, 'commitments', commitmentId)));
  };
  return (
    <form onSubmit={(event) => void submit(event)} aria-labelledby="make-heading" noValidate>
      <h2 id="make-heading">Make a commitment</h2>
      <p>For {partnerName}.</p>
      <Field
        id="make-description"
        label="What you commit to"
        value={description}
        onInput={setDescription}
        error={command.fieldError('description')}
        multiline
      />
      <Field
        id="make-due"
        label="Due by"
        type="date"
        value={dueDate}
        onInput={setDueDate}
        error={problems.dueDate ?? command.fieldError('dueDate')}
      />
      <Field
        id="make-hours"
        label="Hours you put in (optional)"
        inputMode="decimal"
        value={hours}
        onInput={setHours}
        error={problems.hours ?? command.fieldError('hours')}
      />
      <FormError message={command.general} />
      <button type="submit" disabled={command.sending}>
        {command.sending ? 'Recording…' : 'Make the commitment'}
      </button>
    </form>
  );
}

/**
 * Report progress on what the page shows: the report carries the commitment's revision, so a
 * report someone else made meanwhile is never silently overtaken.
 */
export function ReportProgressForm({
  commitment,
  onRecorded,
}: {
  commitment: CommitmentDetailFragment;
  onRecorded: () => void;
}) {
  const command = useCommand(['percent', 'note']);
  const [percent, setPercent] = useState('');
  const [note, setNote] = useState('');
  const [percentProblem, setPercentProblem] = useState<string | null>(null);
  const submit = async (event: Event) => {
    event.preventDefault();
    const value = wholeNumber(percent);
    const problem =
      value === null || value < 0 || value > 100 ? 'Give a whole number from 0 to 100.' : null;
    setPercentProblem(problem);
    if (problem || value === null) return;
    const answer = await command.run(
      (commandId) =>
        request(ReportProgressDocument, {
          input: {
            commandId,
            commitmentId: commitment.commitmentId,
            percent: value,
            note: note.trim(),
            expectedRevision: commitment.revision,
          },
        }),
      onRecorded,
    );
    if (answer) {
      setPercent('');
      setNote('');
      onRecorded();
    }
  };
  return (
    <form onSubmit={(event) => void submit(event)} aria-labelledby="report-heading" noValidate>
      <h2 id="report-heading">Report progress</h2>
      {command.stale && (
        <StaleNotice what="commitment">
          <p>
            It is now {commitment.percent}% done
            {commitment.lastProgressNote ? `: “${commitment.lastProgressNote}”` : ''}.
          </p>
        </StaleNotice>
      )}
      <Field
        id="report-percent"
        label="Percent done"
        inputMode="numeric"
        value={percent}
        onInput={setPercent}
        error={percentProblem ?? command.fieldError('percent')}
      />
      <Field
        id="report-note"
        label="What was done (evidence)"
        value={note}
        onInput={setNote}
        error={command.fieldError('note')}
        multiline
      />
      <FormError message={command.general} />
      <button type="submit" disabled={command.sending}>
        {command.sending ? 'Recording…' : 'Report progress'}
      </button>
    </form>
  );
}

/** Record that the commitment was delivered, on the revision shown. */
export function FulfilForm({
  commitment,
  onRecorded,
}: {
  commitment: CommitmentDetailFragment;
  onRecorded: () => void;
}) {
  const command = useCommand(['note']);
  const [note, setNote] = useState('');
  const submit = async (event: Event) => {
    event.preventDefault();
    const answer = await command.run(
      (commandId) =>
        request(FulfilCommitmentDocument, {
          input: {
            commandId,
            commitmentId: commitment.commitmentId,
            expectedRevision: commitment.revision,
            ...(note.trim() ? { note: note.trim() } : {}),
          },
        }),
      onRecorded,
    );
    if (answer) onRecorded();
  };
  return (
    <form onSubmit={(event) => void submit(event)} aria-labelledby="fulfil-heading" noValidate>
      <h2 id="fulfil-heading">Mark as fulfilled</h2>
      {command.stale && <StaleNotice what="commitment" />}
      <Field
        id="fulfil-note"
        label="How it was delivered (optional)"
        value={note}
        onInput={setNote}
        error={command.fieldError('note')}
        multiline
      />
      <FormError message={command.general} />
      <button type="submit" disabled={command.sending}>
        {command.sending ? 'Recording…' : 'Mark as fulfilled'}
      </button>
    </form>
  );
}

/** A steering member accepts the commitment for the initiative, on the revision shown. */
export function AcceptForm({
  commitment,
  onRecorded,
}: {
  commitment: CommitmentDetailFragment;
  onRecorded: () => void;
}) {
  const command = useCommand();
  const submit = async (event: Event) => {
    event.preventDefault();
    const answer = await command.run(
      (commandId) =>
        request(AcceptCommitmentDocument, {
          input: {
            commandId,
            commitmentId: commitment.commitmentId,
            expectedRevision: commitment.revision,
          },
        }),
      onRecorded,
    );
    if (answer) onRecorded();
  };
  return (
    <form onSubmit={(event) => void submit(event)} aria-labelledby="accept-heading" noValidate>
      <h2 id="accept-heading">Accept for the initiative</h2>
      {command.stale && <StaleNotice what="commitment" />}
      <p>As a steering member, you record that the initiative counts on this commitment.</p>
      <FormError message={command.general} />
      <button type="submit" disabled={command.sending}>
        {command.sending ? 'Recording…' : 'Accept the commitment'}
      </button>
    </form>
  );
}

/** The partner changes the due date or the scope, saying why; the earlier terms stay listed. */
export function ReviseForm({
  commitment,
  onRecorded,
}: {
  commitment: CommitmentDetailFragment;
  onRecorded: () => void;
}) {
  const command = useCommand(['dueDate', 'description', 'reason']);
  const [dueDate, setDueDate] = useState('');
  const [description, setDescription] = useState('');
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const submit = async (event: Event) => {
    event.preventDefault();
    const found =
      !dueDate && !description.trim() ? 'Give a new due date, a new scope, or both.' : null;
    setProblem(found);
    if (found) return;
    const answer = await command.run(
      (commandId) =>
        request(ReviseCommitmentDocument, {
          input: {
            commandId,
            commitmentId: commitment.commitmentId,
            expectedRevision: commitment.revision,
            reason: reason.trim(),
            ...(dueDate ? { dueDate } : {}),
            ...(description.trim() ? { description: description.trim() } : {}),
          },
        }),
      onRecorded,
    );
    if (answer) {
      setDueDate('');
      setDescription('');
      setReason('');
      onRecorded();
    }
  };
  return (
    <form onSubmit={(event) => void submit(event)} aria-labelledby="revise-heading" noValidate>
      <h2 id="revise-heading">Revise the commitment</h2>
      {command.stale && <StaleNotice what="commitment" />}
      <Field
        id="revise-due"
        label="New due date (optional)"
        type="date"
        value={dueDate}
        onInput={setDueDate}
        error={problem ?? command.fieldError('dueDate')}
      />
      <Field
        id="revise-description"
        label="New scope (optional)"
        value={description}
        onInput={setDescription}
        error={command.fieldError('description')}
        multiline
      />
      <Field
        id="revise-reason"
        label="Why it changes"
        value={reason}
        onInput={setReason}
        error={command.fieldError('reason')}
        multiline
      />
      <FormError message={command.general} />
      <button type="submit" disabled={command.sending}>
        {command.sending ? 'Recording…' : 'Revise'}
      </button>
    </form>
  );
}

/** The partner withdraws the commitment, saying why. */
export function WithdrawForm({
  commitment,
  onRecorded,
}: {
  commitment: CommitmentDetailFragment;
  onRecorded: () => void;
}) {
  const command = useCommand(['reason']);
  const [reason, setReason] = useState('');
  const submit = async (event: Event) => {
    event.preventDefault();
    const answer = await command.run(
      (commandId) =>
        request(WithdrawCommitmentDocument, {
          input: {
            commandId,
            commitmentId: commitment.commitmentId,
            expectedRevision: commitment.revision,
            reason: reason.trim(),
          },
        }),
      onRecorded,
    );
    if (answer) onRecorded();
  };
  return (
    <form onSubmit={(event) => void submit(event)} aria-labelledby="withdraw-heading" noValidate>
      <h2 id="withdraw-heading">Withdraw the commitment</h2>
      {command.stale && <StaleNotice what="commitment" />}
      <Field
        id="withdraw-reason"
        label="Why you withdraw it"
        value={reason}
        onInput={setReason}
        error={command.fieldError('reason')}
        multiline
      />
      <FormError message={command.general} />
      <button type="submit" class="secondary" disabled={command.sending}>
        {command.sending ? 'Recording…' : 'Withdraw'}
      </button>
    </form>
  );
}
