export const ROLES = [
  'chair',
  'co_chair',
  'steering_member',
  'backbone_staff',
  'data_steward',
  'working_group_lead',
  'evaluator',
  'signatory',
  'partner_representative',
  'observer',
  'custom',
] as const;
export type Role = (typeof ROLES)[number];

/** Roles only one person holds at a time. */
export const SINGLE_SEAT_ROLES: ReadonlySet<Role> = new Set<Role>(['chair']);

export type RoleAssigned = {
  type: 'RoleAssigned.v1';
  data: {
    assignmentId: string;
    initiativeId: string;
    personId: string;
    partnerId: string;
    role: Role;
    /** The name of a custom role; null for the named roles. */
    customRole: string | null;
    /** Calendar days, YYYY-MM-DD; termEnd null is open-ended. */
    termStart: string;
    termEnd: string | null;
    assignedAt: string;
  };
};

export type RoleRelinquished = {
  type: 'RoleRelinquished.v1';
  data: {
    assignmentId: string;
    initiativeId: string;
    personId: string;
    reason: string | null;
    relinquishedAt: string;
  };
};

export type RoleRevoked = {
  type: 'RoleRevoked.v1';
  data: {
    assignmentId: string;
    initiativeId: string;
    personId: string;
    reason: string;
    revokedAt: string;
  };
};

export type RosterEvent = RoleAssigned | RoleRelinquished | RoleRevoked;

export const ROSTER_EVENT_TYPES: readonly RosterEvent['type'][] = [
  'RoleAssigned.v1',
  'RoleRelinquished.v1',
  'RoleRevoked.v1',
];
