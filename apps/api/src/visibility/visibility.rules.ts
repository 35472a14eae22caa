/**
 * How each root field of the schema is kept to the initiatives its reader may see. Every
 * Query and Subscription field must be listed: the schema does not build otherwise, so a new
 * query cannot forget it.
 * - `initiative`: the initiative its argument names must be visible, else NOT_FOUND;
 * - `result`: the initiative of what it returns must be visible, else NOT_FOUND, worded as for
 *   an id that does not exist (`entity`, named by argument `idArg`);
 * - `resolver`: it lists across initiatives, and its resolver keeps to the visible ones;
 * - `ledger`: about the ledger as a whole, naming no initiative's content.
 */
export type RootRule =
  | { kind: 'initiative'; arg: 'initiativeId' }
  | { kind: 'result'; entity: string; idArg: string }
  | { kind: 'resolver' }
  | { kind: 'ledger' };

const initiative: RootRule = { kind: 'initiative', arg: 'initiativeId' };
const result = (entity: string, idArg = 'id'): RootRule => ({ kind: 'result', entity, idArg });

export const ROOT_RULES: Readonly<Record<string, RootRule>> = {
  initiative: result('initiative'),
  initiatives: { kind: 'resolver' },
  commitment: result('commitment'),
  commitments: { kind: 'resolver' },
  decision: result('decision'),
  decisions: initiative,
  meeting: result('meeting'),
  meetings: initiative,
  agreement: result('agreement'),
  agreements: initiative,
  indicator: result('indicator'),
  indicators: initiative,
  risk: result('risk'),
  riskRegister: initiative,
  benefitPool: result('benefit pool'),
  benefitPools: initiative,
  roster: initiative,
  roleAssignments: initiative,
  roleAssignment: result('role assignment'),
  accountability: initiative,
  changes: initiative,
  history: result('entity', 'entityId'),
  person: { kind: 'resolver' },
  people: { kind: 'resolver' },
  projections: { kind: 'ledger' },
  // The whole log only for the roles that may verify it; one stream as the stream is seen.
  verifyLedger: { kind: 'resolver' },
  ledgerEvents: initiative,
  // Their resolvers check the initiative first (transparency/tree-access.ts).
  logCheckpoint: { kind: 'resolver' },
  inclusionProof: { kind: 'resolver' },
  consistencyProof: { kind: 'resolver' },
  witnessCoverage: { kind: 'resolver' },
};

/** Whose data a confidential value is: that partner's own people may always read it. */
type Owners = (source: Record<string, unknown>) => string[];

const partnerOf: Owners = (source) =>
  typeof source.partnerId === 'string' ? [source.partnerId] : [];
const riskOwners: Owners = (source) => [
  ...(typeof source.ownerPartnerId === 'string' ? [source.ownerPartnerId] : []),
  ...((source.shares as { partnerId: string }[] | undefined) ?? []).map((share) => share.partnerId),
];

/**
 * Fields shown only to the roles an initiative's data-sharing agreements in force name, and to
 * the partners whose data they are; anyone else reads null, with the reason in the response's
 * `extensions.redacted`.
 */
export const CONFIDENTIAL_FIELDS: Readonly<Record<string, Owners>> = {
  'Commitment.resources': partnerOf,
  'Risk.description': riskOwners,
  'Risk.mitigations': riskOwners,
  'Risk.materialisation': riskOwners,
};

/** The same values where events carry them: the keys of `data` withheld in history and live updates. */
export const CONFIDENTIAL_EVENT_DATA: Readonly<Record<string, readonly string[]>> = {
  'CommitmentMade.v1': ['resources'],
  'RiskIdentified.v1': ['description'],
  'MitigationPlanned.v1': ['description'],
  'RiskMaterialised.v1': ['description'],
};

/** The partners an event's data belongs to, as far as the event names them. */
export const eventDataOwners: Owners = (data) => [...partnerOf(data), ...riskOwners(data)];
