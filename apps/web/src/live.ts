import { type Client, createClient } from 'graphql-ws';
import { useEffect, useRef } from 'preact/hooks';
import type { QueryState } from './data';
import { InitiativeEventsDocument, type InitiativeEventsSubscription } from './graphql/generated';

export type LiveEvent = InitiativeEventsSubscription['ledgerEvents'];

let client: Client | undefined;

/**
 * One graphql-ws connection for the page, on the same origin as the page: the browser sends the
 * HttpOnly session cookie with the handshake, which the server accepts from its own pages only,
 * so no token is ever put in reach of scripts. It opens with the first subscription and closes
 * a moment after the last.
 */
function liveClient(): Client {
  client ??= createClient({
    url: `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`,
    lazy: true,
    lazyCloseTimeout: 3_000,
    retryAttempts: 20,
  });
  return client;
}

/**
 * Calls `onEvent` for every event recorded in the initiative while the screen is open, when
 * `enabled` (a screen showing the past has nothing to follow). A lost connection is retried by
 * graphql-ws; the screen keeps what it shows meanwhile.
 */
export function useLiveEvents(
  initiativeId: string,
  enabled: boolean,
  onEvent: (event: LiveEvent) => void,
): void {
  const handler = useRef(onEvent);
  handler.current = onEvent;
  useEffect(() => {
    if (!enabled) return;
    return liveClient().subscribe<InitiativeEventsSubscription>(
      { query: InitiativeEventsDocument.toString(), variables: { initiativeId } },
      {
        next: (message) => {
          if (message.data) handler.current(message.data.ledgerEvents);
        },
        // Refused or closed for good: the screen stays as loaded, as if nothing were live.
        error: () => undefined,
        complete: () => undefined,
      },
    );
  }, [initiativeId, enabled]);
}

/**
 * A `reload` run at most once per burst of events: a command often records several at once,
 * and one fresh answer covers them all.
 */
export function useLiveReload(
  initiativeId: string,
  enabled: boolean,
  reload: () => void,
  concerns: (event: LiveEvent) => boolean = () => true,
): void {
  const pending = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(pending.current), []);
  useLiveEvents(initiativeId, enabled, (event) => {
    if (!concerns(event) || pending.current !== undefined) return;
    pending.current = setTimeout(() => {
      pending.current = undefined;
      reload();
    }, 100);
  });
}

/**
 * The answer shown while a live refresh of the same screen (`screen` unchanged) loads: the last
 * one, so the page does not blank out and lose the reader's place; another screen or time
 * point never shows it.
 */
export function useKeptWhileRefreshing<Result>(
  state: QueryState<Result>,
  screen: string,
): QueryState<Result> {
  const last = useRef<{ screen: string; data: Result } | undefined>(undefined);
  if (state.data !== undefined) last.current = { screen, data: state.data };
  if (state.data !== undefined || state.error || last.current?.screen !== screen) return state;
  return { ...state, data: last.current.data };
}
