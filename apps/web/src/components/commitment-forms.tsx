import { useHref } from '../context';
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
import { CommandForm } from './command-form';

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
  return (
    <CommandForm
      id="make"
      heading="Make a commitment"
      intro={<p>For {partnerName}.</p>}
      fields={[
        {
          name: 'description',
          id: 'make-description',
          label: 'What you commit to',
          kind: 'multiline',
        },
        { name: 'dueDate', id: 'make-due', label: 'Due by', kind: 'date' },
        {
          name: 'hours',
          id: 'make-hours',
          label: 'Hours you put in (optional)',
          inputMode: 'decimal',
        },
      ]}
      check={(v) => {
        const hours = v.text('hours').trim();
        return {
          dueDate: v.text('dueDate') ? null : 'Give the date it is due by.',
          hours: hours === '' || Number(hours) > 0 ? null : 'Give the hours as a number above 0.',
        };
      }}
      document={MakeCommitmentDocument}
      input={(v) => {
        const hours = v.text('hours').trim();
        return {
          initiativeId,
          partnerId,
          description: v.text('description').trim(),
          dueDate: v.text('dueDate'),
          ...(hours !== '' ? { resources: { hours: Number(hours) } } : {}),
        };
      }}
      submit="Make the commitment"
      onRecorded={(answer) => {
        const commitmentId = answer.makeCommitment.commitment?.commitmentId;
        if (commitmentId)
          navigate(href(pathOf('initiatives', initiativeId, 'commitments', commitmentId)));
      }}
    />
  );
}

interface OnCommitment {
  commitment: CommitmentDetailFragment;
  onRecorded: () => void;
}

/** What every form on a commitment's page shares: its revision, and a reload when it changed. */
function onCommitment({ commitment, onRecorded }: OnCommitment) {
  return {
    revision: commitment.revision,
    stale: 'commitment',
    onStale: onRecorded,
    onRecorded,
  };
}

/**
 * Report progress on what the page shows: the report carries the commitment's revision, so a
 * report someone else made meanwhile is never silently overtaken.
 */
export function ReportProgressForm(props: OnCommitment) {
  const { commitment } = props;
  return (
    <CommandForm
      id="report"
      heading="Report progress"
      {...onCommitment(props)}
      staleDetail={() => (
        <p>
          It is now {commitment.percent}% done
          {commitment.lastProgressNote ? `: “${commitment.lastProgressNote}”` : ''}.
        </p>
      )}
      fields={[
        { name: 'percent', id: 'report-percent', label: 'Percent done', inputMode: 'numeric' },
        { name: 'note', id: 'report-note', label: 'What was done (evidence)', kind: 'multiline' },
      ]}
      check={(v) => {
        const value = wholeNumber(v.text('percent'));
        return {
          percent:
            value === null || value < 0 || value > 100
              ? 'Give a whole number from 0 to 100.'
              : null,
        };
      }}
      document={ReportProgressDocument}
      input={(v) => ({
        commitmentId: commitment.commitmentId,
        percent: Number(v.text('percent').trim()),
        note: v.text('note').trim(),
      })}
      submit="Report progress"
    />
  );
}

/** Record that the commitment was delivered, on the revision shown. */
export function FulfilForm(props: OnCommitment) {
  return (
    <CommandForm
      id="fulfil"
      heading="Mark as fulfilled"
      {...onCommitment(props)}
      fields={[
        {
          name: 'note',
          id: 'fulfil-note',
          label: 'How it was delivered (optional)',
          kind: 'multiline',
        },
      ]}
      document={FulfilCommitmentDocument}
      input={(v) => ({
        commitmentId: props.commitment.commitmentId,
        ...(v.text('note').trim() ? { note: v.text('note').trim() } : {}),
      })}
      submit="Mark as fulfilled"
    />
  );
}

/** A steering member accepts the commitment for the initiative, on the revision shown. */
export function AcceptForm(props: OnCommitment) {
  return (
    <CommandForm
      id="accept"
      heading="Accept for the initiative"
      {...onCommitment(props)}
      intro={<p>As a steering member, you record that the initiative counts on this commitment.</p>}
      document={AcceptCommitmentDocument}
      input={() => ({ commitmentId: props.commitment.commitmentId })}
      submit="Accept the commitment"
    />
  );
}

/** The partner changes the due date or the scope, saying why; the earlier terms stay listed. */
export function ReviseForm(props: OnCommitment) {
  return (
    <CommandForm
      id="revise"
      heading="Revise the commitment"
      {...onCommitment(props)}
      fields={[
        { name: 'dueDate', id: 'revise-due', label: 'New due date (optional)', kind: 'date' },
        {
          name: 'description',
          id: 'revise-description',
          label: 'New scope (optional)',
          kind: 'multiline',
        },
        { name: 'reason', id: 'revise-reason', label: 'Why it changes', kind: 'multiline' },
      ]}
      check={(v) => ({
        dueDate:
          !v.text('dueDate') && !v.text('description').trim()
            ? 'Give a new due date, a new scope, or both.'
            : null,
      })}
      document={ReviseCommitmentDocument}
      input={(v) => ({
        commitmentId: props.commitment.commitmentId,
        reason: v.text('reason').trim(),
        ...(v.text('dueDate') ? { dueDate: v.text('dueDate') } : {}),
        ...(v.text('description').trim() ? { description: v.text('description').trim() } : {}),
      })}
      submit="Revise"
    />
  );
}

/** The partner withdraws the commitment, saying why. */
export function WithdrawForm(props: OnCommitment) {
  return (
    <CommandForm
      id="withdraw"
      heading="Withdraw the commitment"
      {...onCommitment(props)}
      fields={[
        { name: 'reason', id: 'withdraw-reason', label: 'Why you withdraw it', kind: 'multiline' },
      ]}
      document={WithdrawCommitmentDocument}
      input={(v) => ({
        commitmentId: props.commitment.commitmentId,
        reason: v.text('reason').trim(),
      })}
      submit="Withdraw"
      secondary
    />
  );
}
