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

/**
 * A graphql-ws client that sends no token, only these handshake headers, as a browser page does
 * (its cookie and its Origin).
 */
export function handshakeWsClient(url: string, headers: Record<string, string>): Client {
  class WithHeaders extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols, { headers });
    }
  }
  return createClient({ url, webSocketImpl: WithHeaders, lazy: true, retryAttempts: 0 });
}

/** How long a probe may take to arrive before another is written (a retry, not a wait for sync). */
const PROBE_RETRY_MS = 1_000;
/** How long `until` waits before it fails the test. */
const UNTIL_TIMEOUT_MS = 15_000;

/** A subscription over a real WebSocket, collecting what arrives until it is stopped. */
export class Subscriber {
  readonly events: any[] = [];
  readonly errors: unknown[] = [];
  /** The extensions of each message that had any. */
  readonly extensions: Record<string, unknown>[] = [];
  readonly ended: Promise<void>;
  private stop!: () => void;
  /** Called after every message and at the end: waits look again at what arrived. */
  private readonly watchers = new Set<() => void>();

  constructor(client: Client, variables: Record<string, unknown>) {
    this.ended = new Promise<void>((resolve, reject) => {
      this.stop = client.subscribe(
        { query: LEDGER_EVENTS, variables },
        {
          next: (message) => {
            if (message.extensions) this.extensions.push({ ...message.extensions });
            if (message.errors) this.errors.push(...message.errors);
            else this.events.push((message.data as any).ledgerEvents);
            this.notify();
          },
          // A closed socket arrives as a CloseEvent: keep its code and reason.
          error: (error: any) => {
            reject(Object.assign(new Error(String(error?.reason ?? error)), { code: error?.code }));
            this.notify();
          },
          complete: () => {
            resolve();
            this.notify();
          },
        },
      );
    });
    this.ended.catch(() => undefined);
  }

  /** Resolves as soon as what arrived satisfies `condition`; fails after UNTIL_TIMEOUT_MS. */
  until(condition: () => boolean, what: string): Promise<void> {
    return this.watch(
      condition,
      UNTIL_TIMEOUT_MS,
      () => new Error(`timed out waiting for ${what}`),
    );
  }

  /**
   * Writes probe events until one arrives: from then on the subscription is certainly live.
   * `probe` answers the position of the event it wrote. Probes written before the one that
   * arrived may still be on their way; the last one written is the marker: once it arrived,
   * nothing of theirs can follow (events arrive in log order), and all of them are dropped.
   */
  async live(probe: () => Promise<number | string>): Promise<void> {
    let last = 0;
    while (this.events.length === 0 && this.errors.length === 0) {
      last = Number(await probe());
      await this.watch(() => this.events.length > 0 || this.errors.length > 0, PROBE_RETRY_MS);
    }
    await this.until(
      () => this.errors.length > 0 || this.events.some((e) => Number(e.position) >= last),
      'the last probe',
    );
    this.events.length = 0;
  }

  close(): void {
    this.stop();
  }

  private notify(): void {
    for (const watcher of [...this.watchers]) watcher();
  }

  /** Resolves once `condition` holds, checked at every message; after `ms`, fails (or resolves). */
  private watch(condition: () => boolean, ms: number, timedOut?: () => Error): Promise<void> {
    if (condition()) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      const done = (error?: Error) => {
        clearTimeout(timer);
        this.watchers.delete(check);
        if (error) reject(error);
        else resolve();
      };
      const check = () => condition() && done();
      const timer = setTimeout(() => done(timedOut?.()), ms);
      this.watchers.add(check);
    });
  }
}
