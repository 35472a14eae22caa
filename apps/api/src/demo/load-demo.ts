import { type EventStore } from '@accord/event-store';
import { type INestApplication } from '@nestjs/common';
import { TokenService } from '../auth/token.service';
import { type AccordConfig } from '../config/accord-config';
import { EVENT_STORE } from '../ledger/ledger.tokens';
import { DemoClient } from './demo-client';
import { type DemoSummary, loadDemoInitiative } from './demo-initiative';

/** The demo goes only into an empty ledger: it never mixes with real records. */
export class LedgerNotEmptyError extends Error {}

/** Loads the demo initiative through the API of `app`, which must be listening. */
export async function loadDemo(
  app: INestApplication,
  config: AccordConfig,
  seed: number,
): Promise<DemoSummary> {
  const head = await app.get<EventStore>(EVENT_STORE).headPosition();
  if (head > 0) {
    throw new LedgerNotEmptyError(
      `the ledger already holds ${head} events: the demo is loaded only into an empty ledger (point ACCORD_DB_FILE at a new file)`,
    );
  }
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  const client = new DemoClient(url, new TokenService(config.jwt, config.oidc));
  return loadDemoInitiative(client, { now: new Date(), seed });
}

export const describeDemo = (summary: DemoSummary) =>
  `the demo initiative "${summary.initiativeId}": ${summary.partners} partners, ${summary.people} people, ${summary.commands} commands`;
