/** GraphQL documents shared by the end-to-end tests. */
export const RECEIPT = 'receipt { commandId stream revision position hash duplicate }';

export const LAUNCH = `mutation Launch($input: LaunchInitiativeInput!) {
  launchInitiative(input: $input) { ${RECEIPT} initiative { initiativeId name problemStatement commonAgenda revision launchedAt } }
}`;

export const AMEND = `mutation Amend($input: AmendAgendaInput!) {
  amendAgenda(input: $input) { ${RECEIPT} initiative { commonAgenda agendaAmendedAt revision } }
}`;

export const JOIN = `mutation Join($input: JoinInitiativeInput!) {
  joinInitiative(input: $input) { ${RECEIPT} initiative { revision partners { partnerId organisationName sector status } } }
}`;

export const LEAVE = `mutation Leave($input: LeaveInitiativeInput!) {
  leaveInitiative(input: $input) { ${RECEIPT} initiative { revision partners { partnerId status leftAt } } }
}`;

const COMMITMENT_FIELDS = `commitmentId initiativeId partnerId description dueDate status percent overdue
  lastProgressNote closingNote revision resources { money { amount amountMinor currency } inKind hours }`;

export const MAKE = `mutation Make($input: MakeCommitmentInput!) {
  makeCommitment(input: $input) { ${RECEIPT} commitment { ${COMMITMENT_FIELDS} } }
}`;

export const REPORT = `mutation Report($input: ReportProgressInput!) {
  reportProgress(input: $input) { ${RECEIPT} commitment { ${COMMITMENT_FIELDS} } }
}`;

export const FULFIL = `mutation Fulfil($input: FulfilCommitmentInput!) {
  fulfilCommitment(input: $input) { ${RECEIPT} commitment { ${COMMITMENT_FIELDS} } }
}`;

export const WITHDRAW = `mutation Withdraw($input: WithdrawCommitmentInput!) {
  withdrawCommitment(input: $input) { ${RECEIPT} commitment { ${COMMITMENT_FIELDS} } }
}`;

export const COMMITMENTS = `query Commitments($filter: CommitmentFilter, $first: Int, $after: String) {
  commitments(filter: $filter, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { cursor node { ${COMMITMENT_FIELDS} } }
  }
}`;

export const INITIATIVE = `query Initiative($id: ID!) {
  initiative(id: $id) {
    initiativeId name commonAgenda revision
    partners { partnerId organisationName sector status commitments { totalCount edges { node { commitmentId status overdue } } } }
  }
}`;
