import { words } from '../format';
import { AssignRoleDocument, RevokeRoleDocument, type Role } from '../graphql/generated';
import { CommandForm } from './command-form';

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
  return (
    <CommandForm
      id="assign"
      heading="Assign a role"
      fields={[
        { name: 'personId', id: 'assign-person', label: 'Person (their id)' },
        {
          name: 'partnerId',
          id: 'assign-partner',
          label: 'For the partner',
          kind: 'select',
          options: partners.map((p) => ({ value: p.partnerId, label: p.organisationName })),
          keep: true,
        },
        {
          name: 'role',
          id: 'assign-role',
          label: 'Role',
          kind: 'select',
          options: ROLES.map((value) => ({ value, label: words(value) })),
          keep: true,
        },
        { name: 'termStart', id: 'assign-start', label: 'Term starts', kind: 'date' },
        { name: 'termEnd', id: 'assign-end', label: 'Term ends (optional)', kind: 'date' },
      ]}
      check={(v) => ({ termStart: v.text('termStart') ? null : 'Give the first day of the term.' })}
      document={AssignRoleDocument}
      input={(v) => ({
        initiativeId,
        personId: v.text('personId').trim(),
        partnerId: v.text('partnerId'),
        role: v.text('role') as Role,
        termStart: v.text('termStart'),
        ...(v.text('termEnd') ? { termEnd: v.text('termEnd') } : {}),
      })}
      submit="Assign the role"
      onRecorded={onRecorded}
    />
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
  return (
    <CommandForm
      id="revoke"
      heading="Revoke a role"
      fields={[
        {
          name: 'assignmentId',
          id: 'revoke-seat',
          label: 'Role held',
          kind: 'select',
          options: seats.map((s) => ({ value: s.assignmentId, label: s.label })),
          keep: true,
        },
        { name: 'reason', id: 'revoke-reason', label: 'Why it ends', kind: 'multiline' },
      ]}
      document={RevokeRoleDocument}
      input={(v) => ({
        initiativeId,
        assignmentId: v.text('assignmentId'),
        reason: v.text('reason').trim(),
      })}
      submit="Revoke the role"
      secondary
      onRecorded={onRecorded}
    />
  );
}
