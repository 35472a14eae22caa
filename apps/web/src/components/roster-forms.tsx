import { useState } from 'preact/hooks';
import { words } from '../format';
import { request } from '../graphql/client';
import { AssignRoleDocument, RevokeRoleDocument, type Role } from '../graphql/generated';
import { Field, FormError, useCommand } from './command';
import { SelectField } from './select-field';

const ROLES: readonly Role[] = [
  'STEERING_MEMBER',
  'PARTNER_REPRESENTATIVE',
  'SIGNATORY',
  'DATA_STEWARD',
  'WORKING_GROUP_LEAD',
  'BACKBONE_STAFF',
  'CHAIR',
  'CO_CHAIR',
  'EVALUATOR',
  'OBSERVER',
];

/** Those who run the initiative give a person of a member partner a role for a term. */
export function AssignRoleForm({
  initiativeId,
  partners,
  onRecorded,
}: {
  initiativeId: string;
  partners: readonly { partnerId: string; organisationName: string }[];
  onRecorded: () => void;
}) {
  const command = useCommand(['personId', 'partnerId', 'role', 'termStart', 'termEnd']);
  const [personId, setPersonId] = useState('');
  const [partnerId, setPartnerId] = useState(partners[0]?.partnerId ?? '');
  const [role, setRole] = useState<string>('STEERING_MEMBER');
  const [termStart, setTermStart] = useState('');
  const [termEnd, setTermEnd] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const submit = async (event: Event) => {
    event.preventDefault();
    const found = termStart ? null : 'Give the first day of the term.';
    setProblem(found);
    if (found) return;
    const answer = await command.run((commandId) =>
      request(AssignRoleDocument, {
        input: {
          commandId,
          initiativeId,
          personId: personId.trim(),
          partnerId,
          role: role as Role,
          termStart,
          ...(termEnd ? { termEnd } : {}),
        },
      }),
    );
    if (answer) {
      setPersonId('');
      setTermStart('');
      setTermEnd('');
      onRecorded();
    }
  };
  return (
    <form onSubmit={(event) => void submit(event)} aria-labelledby="assign-heading" noValidate>
      <h2 id="assign-heading">Assign a role</h2>
      <Field
        id="assign-person"
        label="Person (their id)"
        value={personId}
        onInput={setPersonId}
        error={command.fieldError('personId')}
      />
      <SelectField
        id="assign-partner"
        label="For the partner"
        value={partnerId}
        onChange={setPartnerId}
        options={partners.map((p) => ({ value: p.partnerId, label: p.organisationName }))}
        error={command.fieldError('partnerId')}
      />
      <SelectField
        id="assign-role"
        label="Role"
        value={role}
        onChange={setRole}
        options={ROLES.map((value) => ({ value, label: words(value) }))}
        error={command.fieldError('role')}
      />
      <Field
        id="assign-start"
        label="Term starts"
        type="date"
        value={termStart}
        onInput={setTermStart}
        error={problem ?? command.fieldError('termStart')}
      />
      <Field
        id="assign-end"
        label="Term ends (optional)"
        type="date"
        value={termEnd}
        onInput={setTermEnd}
        error={command.fieldError('termEnd')}
      />
      <FormError message={command.general} />
      <button type="submit" disabled={command.sending}>
        {command.sending ? 'Recording…' : 'Assign the role'}
      </button>
    </form>
  );
}

/** Those who run the initiative end someone's role before its term, saying why. */
export function RevokeRoleForm({
  initiativeId,
  seats,
  onRecorded,
}: {
  initiativeId: string;
  seats: readonly { assignmentId: string; label: string }[];
  onRecorded: () => void;
}) {
  const command = useCommand(['assignmentId', 'reason']);
  const [assignmentId, setAssignmentId] = useState(seats[0]?.assignmentId ?? '');
  const [reason, setReason] = useState('');
  const submit = async (event: Event) => {
    event.preventDefault();
    const answer = await command.run((commandId) =>
      request(RevokeRoleDocument, {
        input: { commandId, initiativeId, assignmentId, reason: reason.trim() },
      }),
    );
    if (answer) {
      setReason('');
      onRecorded();
    }
  };
  return (
    <form onSubmit={(event) => void submit(event)} aria-labelledby="revoke-heading" noValidate>
      <h2 id="revoke-heading">Revoke a role</h2>
      <SelectField
        id="revoke-seat"
        label="Role held"
        value={assignmentId}
        onChange={setAssignmentId}
        options={seats.map((s) => ({ value: s.assignmentId, label: s.label }))}
        error={command.fieldError('assignmentId')}
      />
      <Field
        id="revoke-reason"
        label="Why it ends"
        value={reason}
        onInput={setReason}
        error={command.fieldError('reason')}
        multiline
      />
      <FormError message={command.general} />
      <button type="submit" class="secondary" disabled={command.sending}>
        {command.sending ? 'Recording…' : 'Revoke the role'}
      </button>
    </form>
  );
}
