import type { AppendResult, ExpectedRevision, NewEvent } from './event-store.port';

/** An append waiting for the next group commit, with how to answer its caller. */
export interface QueuedAppend {
  stream: string;
  events: readonly NewEvent[];
  expectedRevision: ExpectedRevision;
  resolve(result: AppendResult): void;
  reject(error: Error): void;
}

/** What one append of a group came to: each fails or succeeds on its own. */
export type AppendOutcome = { result: AppendResult } | { error: Error };

export const asError = (error: unknown): Error =>
  error instanceof Error ? error : new Error(String(error));
