import { RECEIPT } from './operations';

export const PERSON_FIELDS = `personId name email phone status erased registeredIn registeredAt updatedAt
  forgottenAt forgottenReason forgottenBy { personId partnerId }`;

export const REGISTER_PERSON = `mutation Register($input: RegisterPersonInput!) {
  registerPerson(input: $input) { ${RECEIPT} person { ${PERSON_FIELDS} } }
}`;

export const UPDATE_PERSON_CONTACT = `mutation Update($input: UpdatePersonContactInput!) {
  updatePersonContact(input: $input) { ${RECEIPT} person { ${PERSON_FIELDS} } }
}`;

export const FORGET_PERSON = `mutation Forget($input: ForgetPersonInput!) {
  forgetPerson(input: $input) { ${RECEIPT} person { ${PERSON_FIELDS} } }
}`;

export const PERSON = `query Person($personId: ID!) { person(personId: $personId) { ${PERSON_FIELDS} } }`;

export const PEOPLE = `query People($initiativeId: ID) { people(initiativeId: $initiativeId) { ${PERSON_FIELDS} } }`;

const NAME = 'person { personId name status erased }';

export const ROSTER_WITH_PEOPLE = `query Roster($initiativeId: ID!) {
  roster(initiativeId: $initiativeId) { assignmentId personId role ${NAME} }
  roleAssignments(initiativeId: $initiativeId) { assignmentId personId ${NAME} }
  initiative(id: $initiativeId) { roster { personId ${NAME} } partners { partnerId roles { personId ${NAME} } } }
}`;

export const HISTORY_WITH_PEOPLE = `query History($entityId: ID!) {
  history(entityId: $entityId) { type stream data actor { personId partnerId ${NAME} } }
}`;

export const CHANGES_WITH_PEOPLE = `query Changes($initiativeId: ID!, $from: DateTime!, $to: DateTime!, $first: Int = 100) {
  changes(initiativeId: $initiativeId, from: $from, to: $to, timeline: RECORDED, first: $first) {
    commitments { events { type data actor { personId ${NAME} } } }
    roles { events { type data actor { personId ${NAME} } } }
  }
}`;

export const VERIFY_LEDGER = `query { verifyLedger { ok checked firstMismatch { stream revision reason } } }`;

export const LEDGER_EVENTS_WITH_PEOPLE = `subscription($initiativeId: ID!) {
  ledgerEvents(initiativeId: $initiativeId) { type stream data actor { personId ${NAME} } }
}`;

export const MEETING_WITH_PEOPLE = `query Meeting($id: ID!) {
  meeting(id: $id) { attendees { personId ${NAME} } recordedBy { personId ${NAME} } }
}`;
