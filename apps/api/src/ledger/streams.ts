import { deterministicEventId } from '@accord/event-store';

export const initiativeStream = (initiativeId: string) => `initiative-${initiativeId}`;
export const commitmentStream = (commitmentId: string) => `commitment-${commitmentId}`;

/** The id of an entity a command creates, derived from the command id so a retry targets the same stream. */
export const deriveEntityId = (commandId: string, kind: string) =>
  deterministicEventId(`${kind}:${commandId}`, 0);
export const agreementStream = (agreementId: string) => `agreement-${agreementId}`;
export const rosterStream = (initiativeId: string) => `roster-${initiativeId}`;
