import type { StoredEvent } from '@accord/event-store';

/**
 * Stored events are the domain's `{ type, data }` plus storage fields. The store does not
 * know the domain's types, so this is the one place the app says so; event types are
 * versioned (`.v1`), so a reader never meets a shape it does not know.
 */
export function asDomainEvents<Event>(stored: readonly StoredEvent[]): Event[] {
  return stored as unknown as Event[];
}
