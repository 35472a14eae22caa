import type { Actor } from '@accord/domain';

/** What the API adds to every command: who, when, and the ids that make it traceable and retryable. */
export interface CommandEnvelope {
  commandId: string;
  correlationId: string;
  actor: Actor;
  /** Business time (ISO 8601): when the act happened, given by the client or now. */
  occurredAt: string;
  /** Optimistic concurrency: the stream revision the client last saw, if it named one. */
  expectedRevision?: number;
  /**
   * SHA-256 of the command's input in canonical form, without the envelope's own fields: a
   * retried commandId must come with the same input. Absent for commands the API issues itself.
   */
  payloadHash?: string;
}
