import { type Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';

export const LEDGER_EVENTS = `subscription($initiativeId: ID!, $types: [String!]) {
  ledgerEvents(initiativeId: $initiativeId, types: $types) {
    position stream revision type initiativeId actor { personId partnerId } occurredAt recordedAt data hash
  }
}`;

/** A graphql-ws client over a real WebSocket, that does not reconnect. */
export function wsClient(url: string, authorization?: string): Client {
  return createClient({
    url,
    webSocketImpl: WebSocket,
    lazy: true,
    retryAttempts: 0,
    connectionParams: authorization ? { authorization } : {},
  });
}

/** A subscription over a real WebSocket, collecting what arrives until it is stopped. */
export class Subscriber {
  readonly events: any[] = [];
  readonly errors: unknown[] = [];
  /** The extensions of each message that had any. */
  readonly extensions: Record<string, unknown>[] = [];
  readonly ended: Promise<void>;
  private stop!: () => void;

  constructor(client: Client, variables: Record<string, unknown>) {
    this.ended = new Promise<void>((resolve, reject) => {
      this.stop = client.subscribe(
        { query: LEDGER_EVENTS, variables },
        {
          next: (message) => {
            if (message.extensions) this.extensions.push({ ...message.extensions });
            if (message.errors) this.errors.push(...message.errors);
            else this.events.push((message.data as any).ledgerEvents);
          },
          // A closed socket arrives as a CloseEvent: keep its code and reason.
          error: (error: any) =>
            reject(Object.assign(new Error(String(error?.reason ?? error)), { code: error?.code })),
          complete: () => resolve(),
        },
      );
    });
    this.ended.catch(() => undefined);
  }

  async until(condition: () => boolean, what: string): Promise<void> {
    for (let waited = 0; !condition(); waited += 20) {
      if (waited > 15_000) throw new Error(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  /** Writes probe events until one arrives: from then on the subscription is certainly live. */
  async live(probe: () => Promise<void>): Promise<void> {
    while (this.events.length === 0 && this.errors.length === 0) {
      await probe();
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
    this.events.length = 0;
  }

  close(): void {
    this.stop();
  }
}
