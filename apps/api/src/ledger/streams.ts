import { deterministicEventId } from '@accord/event-store';

export const initiativeStream = (initiativeId: string) => `initiative-${initiativeId}`;
export const commitmentStream = (commitmentId: string) => `commitment-${commitmentId}`;
export const riskStream = (riskId: string) => `risk-${riskId}`;
export const benefitPoolStream = (poolId: string) => `benefit-pool-${poolId}`;

/** The id of an entity a command creates, derived from the command id so a retry targets the same stream. */
export const deriveEntityId = (commandId: string, kind: string) =>
  deterministicEventId(`${kind}:${commandId}`, 0);
