import { deterministicEventId } from '@accord/event-store';

export const initiativeStream = (initiativeId: string) => `initiative-${initiativeId}`;
export const commitmentStream = (commitmentId: string) => `commitment-${commitmentId}`;
/** Every role assignment of an initiative lives in one stream, so single seats are checked atomically. */
export const rosterStream = (initiativeId: string) => `roster-${initiativeId}`;
export const decisionStream = (decisionId: string) => `decision-${decisionId}`;
export const meetingStream = (meetingId: string) => `meeting-${meetingId}`;
export const agreementStream = (agreementId: string) => `agreement-${agreementId}`;
export const indicatorStream = (indicatorId: string) => `indicator-${indicatorId}`;
export const riskStream = (riskId: string) => `risk-${riskId}`;
export const benefitPoolStream = (poolId: string) => `benefit-pool-${poolId}`;
/** One person of the people directory; their personal fields are sealed with their own key. */
export const personStream = (personId: string) => `person-${personId}`;

/** The id of an entity a command creates, derived from the command id so a retry targets the same stream. */
export const deriveEntityId = (commandId: string, kind: string) =>
  deterministicEventId(`${kind}:${commandId}`, 0);
