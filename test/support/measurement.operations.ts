import type { Actor } from '@accord/domain';
import { proposeDecision } from './decisions.operations';
import { expectNoErrors } from './fixtures';
import { RECEIPT } from './operations';
import { CITY_HALL, type TestApp } from './test-app';

const MEASUREMENT_FIELDS = `measurementId value originalValue corrected periodStart periodEnd
  sourcePartnerId method recordedAt corrections { value reason correctedAt }`;
export const INDICATOR_FIELDS = `indicatorId initiativeId name unit direction
  baseline { value date } target { value date } dataSteward { personId partnerId }
  definedAt revision measurements { ${MEASUREMENT_FIELDS} }`;

export const DEFINE_INDICATOR = `mutation Define($input: DefineIndicatorInput!) {
  defineIndicator(input: $input) { ${RECEIPT} indicator { ${INDICATOR_FIELDS} } }
}`;

export const RECORD_MEASUREMENT = `mutation Record($input: RecordMeasurementInput!) {
  recordMeasurement(input: $input) {
    ${RECEIPT} indicator { ${INDICATOR_FIELDS} } measurement { ${MEASUREMENT_FIELDS} }
  }
}`;

export const CORRECT_MEASUREMENT = `mutation Correct($input: CorrectMeasurementInput!) {
  correctMeasurement(input: $input) {
    ${RECEIPT} indicator { ${INDICATOR_FIELDS} } measurement { ${MEASUREMENT_FIELDS} }
  }
}`;

export const INDICATOR = `query Indicator($id: ID!) { indicator(id: $id) { ${INDICATOR_FIELDS} } }`;

export const INDICATORS = `query Indicators($initiativeId: ID!, $first: Int, $after: String) {
  indicators(initiativeId: $initiativeId, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { cursor node { ${INDICATOR_FIELDS} } }
  }
}`;

export const COMMITMENT_FIELDS = `commitmentId partnerId description dueDate status overdue
  closedAt closingNote acceptedBy acceptedAt indicatorId decisionId revision
  revisions { revision dueDate description previousDueDate previousDescription reason revisedAt }`;

export const ACCEPT_COMMITMENT = `mutation Accept($input: AcceptCommitmentInput!) {
  acceptCommitment(input: $input) { ${RECEIPT} commitment { ${COMMITMENT_FIELDS} } }
}`;

export const REVISE_COMMITMENT = `mutation Revise($input: ReviseCommitmentInput!) {
  reviseCommitment(input: $input) { ${RECEIPT} commitment { ${COMMITMENT_FIELDS} } }
}`;

export const MISS_COMMITMENT = `mutation Miss($input: MissCommitmentInput!) {
  missCommitment(input: $input) { ${RECEIPT} commitment { ${COMMITMENT_FIELDS} } }
}`;

export const LINK_COMMITMENT = `mutation Link($input: LinkCommitmentInput!) {
  linkCommitment(input: $input) { ${RECEIPT} commitment { ${COMMITMENT_FIELDS} } }
}`;

export const COMMITMENT = `query Commitment($id: ID!) { commitment(id: $id) { ${COMMITMENT_FIELDS} } }`;

export const MAKE_COMMITMENT = `mutation Make($input: MakeCommitmentInput!) {
  makeCommitment(input: $input) { ${RECEIPT} commitment { ${COMMITMENT_FIELDS} } }
}`;

/** A reading indicator of the initiative, stewarded by the school district. */
export async function defineIndicator(
  app: TestApp,
  input: Record<string, unknown> & { initiativeId: string },
  actor: Actor = CITY_HALL,
): Promise<string> {
  const res = await app.gql(
    DEFINE_INDICATOR,
    {
      input: {
        name: 'Third graders reading at grade level',
        unit: 'percent',
        direction: 'UP',
        baseline: { value: '41.5', date: '2025-09-01' },
        target: { value: '72.25', date: '2028-06-30' },
        dataSteward: { personId: 'chen', partnerId: 'school-district' },
        ...input,
      },
    },
    actor,
  );
  expectNoErrors(res);
  return res.data.defineIndicator.indicator.indicatorId as string;
}

/** A commitment of the actor's partner; returns its id. */
export async function makeCommitment(
  app: TestApp,
  actor: Actor,
  input: Record<string, unknown> & { initiativeId: string; dueDate: string },
): Promise<string> {
  const res = await app.gql(
    MAKE_COMMITMENT,
    {
      input: {
        partnerId: actor.partnerId,
        description: 'Run 40 weekend meal drops',
        ...input,
      },
    },
    actor,
  );
  expectNoErrors(res);
  return res.data.makeCommitment.commitment.commitmentId as string;
}

/** A decision proposed in the initiative, for a commitment to link to. */
export async function standInDecision(
  app: TestApp,
  decisionId: string,
  initiativeId: string,
): Promise<void> {
  await proposeDecision(app, { decisionId, initiativeId });
}
