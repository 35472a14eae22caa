import { type Client } from 'graphql-ws';
import type { AddressInfo } from 'node:net';
import { expectNoErrors, launchWithPartners, ONE_YEAR_AHEAD } from '../support/fixtures';
import { AMEND, MAKE, REPORT } from '../support/operations';
import { CITY_HALL, FOOD_BANK, ALL_STORES, TestApp } from '../support/test-app';
import { Subscriber, wsClient } from '../support/ws-subscriber';

describe.each(ALL_STORES)('Live ledger events over graphql-ws on %s', (store) => {
  let app: TestApp;
  let url: string;
  let initiativeId: string;
  const clients: Client[] = [];

  beforeAll(async () => {
    app = await TestApp.start({ store });
    await app.app.listen(0, '127.0.0.1');
    const { port } = app.app.getHttpServer().address() as AddressInfo;
    url = `ws://127.0.0.1:${port}/graphql`;
    initiativeId = await launchWithPartners(app);
  });
  afterAll(async () => {
    for (const client of clients) void client.dispose();
    await app.stop();
  });

  const connect = (authorization?: string) => {
    const client = wsClient(url, authorization);
    clients.push(client);
    return client;
  };
  const bearer = async () => `Bearer ${await app.token(CITY_HALL)}`;

  let probes = 0;
  const probe = async () => {
    const res = await app.gql(
      AMEND,
      { input: { initiativeId, commonAgenda: `probe ${++probes}` } },
      CITY_HALL,
    );
    expectNoErrors(res);
    return res.data.amendAgenda.receipt.position as string;
  };
  const make = async (commitmentId: string) =>
    expectNoErrors(
      await app.gql(
        MAKE,
        {
          input: {
            commitmentId,
            initiativeId,
            partnerId: 'food-bank',
            description: commitmentId,
            dueDate: ONE_YEAR_AHEAD,
          },
        },
        FOOD_BANK,
      ),
    );
  const report = async (commitmentId: string) =>
    expectNoErrors(
      await app.gql(REPORT, { input: { commitmentId, percent: 50, note: 'half' } }, FOOD_BANK),
    );

  it('delivers every event of the initiative committed after subscribing, in order', async () => {
    const subscriber = new Subscriber(connect(await bearer()), { initiativeId });
    await subscriber.live(probe);
    await launchWithPartners(app, 'another-initiative');
    for (let i = 0; i < 2; i++) {
      await make(`live-${i}`);
      await report(`live-${i}`);
    }
    await subscriber.until(() => subscriber.events.length >= 4, 'four events');
    subscriber.close();
    expect(subscriber.errors).toEqual([]);
    expect(subscriber.events.map((e) => [e.type, e.stream])).toEqual([
      ['CommitmentMade.v1', 'commitment-live-0'],
      ['ProgressReported.v1', 'commitment-live-0'],
      ['CommitmentMade.v1', 'commitment-live-1'],
      ['ProgressReported.v1', 'commitment-live-1'],
    ]);
    const positions = subscriber.events.map((e) => Number(e.position));
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    const stored = (await app.rawEvents()).find((e) => e.stream === 'commitment-live-0');
    expect(subscriber.events[0]).toMatchObject({
      initiativeId,
      actor: FOOD_BANK,
      hash: stored?.hash,
      position: String(stored?.position),
    });
    expect(JSON.parse(subscriber.events[0].data)).toMatchObject({ commitmentId: 'live-0' });
  });

  it('filters by event type', async () => {
    const types = ['ProgressReported.v1', 'AgendaAmended.v1'];
    const subscriber = new Subscriber(connect(await bearer()), { initiativeId, types });
    await subscriber.live(probe);
    await make('live-typed');
    await report('live-typed');
    // A marker of a type it asked for, written last: once it arrived, anything else would have too.
    const marker = await probe();
    await subscriber.until(
      () => subscriber.events.some((e) => e.position === marker),
      'the marker',
    );
    subscriber.close();
    expect(subscriber.events.map((e) => [e.type, e.stream])).toEqual([
      ['ProgressReported.v1', 'commitment-live-typed'],
      ['AgendaAmended.v1', `initiative-${initiativeId}`],
    ]);
  });

  it('closes a connection without a valid token', async () => {
    for (const authorization of [undefined, 'Bearer not-a-token']) {
      const subscriber = new Subscriber(connect(authorization), { initiativeId });
      await expect(subscriber.ended).rejects.toMatchObject({ code: 4401 });
    }
  });

  it('refuses a malformed event type, naming the field', async () => {
    const subscriber = new Subscriber(connect(await bearer()), {
      initiativeId,
      types: ['drop table'],
    });
    await subscriber.until(() => subscriber.errors.length > 0, 'an error');
    expect(JSON.stringify(subscriber.errors)).toContain('BAD_USER_INPUT');
  });

  it('applies the query limits to subscriptions too', async () => {
    const client = connect(await bearer());
    const aliases = Array.from({ length: 20 }, (_, i) => `a${i}: position`).join(' ');
    const errors: unknown[] = [];
    await new Promise<void>((resolve) => {
      client.subscribe(
        { query: `subscription { ledgerEvents(initiativeId: "${initiativeId}") { ${aliases} } }` },
        {
          next: () => undefined,
          error: (error) => {
            errors.push(error);
            resolve();
          },
          complete: () => resolve(),
        },
      );
    });
    expect(JSON.stringify(errors)).toMatch(/alias/i);
  });
});
