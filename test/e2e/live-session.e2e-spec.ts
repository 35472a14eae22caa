import type { Actor } from '@accord/domain';
import type { Client } from 'graphql-ws';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { signInLinkCommand } from '../../apps/api/src/auth/sign-in-link.command';
import { expectNoErrors, launchWithPartners } from '../support/fixtures';
import { AMEND } from '../support/operations';
import { OUTSIDER } from '../support/outsider.fixtures';
import { CITY_HALL, FOOD_BANK, TestApp } from '../support/test-app';
import { handshakeWsClient, Subscriber } from '../support/ws-subscriber';

/**
 * The web workspace subscribes with its HttpOnly session cookie (a page cannot read it to put
 * it in connection_init): the handshake's cookie counts, from a page of this server only.
 */
describe('live ledger events with the web session cookie', () => {
  let app: TestApp;
  let port: number;
  let initiativeId: string;
  const clients: Client[] = [];

  beforeAll(async () => {
    app = await TestApp.start();
    await app.app.listen(0, '127.0.0.1');
    port = (app.app.getHttpServer().address() as AddressInfo).port;
    initiativeId = await launchWithPartners(app);
  });
  afterAll(async () => {
    for (const client of clients) void client.dispose();
    await app.stop();
  });

  const sameOrigin = () => `http://127.0.0.1:${port}`;

  async function sessionCookie(actor: Actor): Promise<string> {
    const link = await signInLinkCommand(
      ['--person', actor.personId, '--partner', actor.partnerId, '--url', sameOrigin()],
      app.config,
    );
    const code = new URL(link).hash.replace('#code=', '');
    const signIn = await request(app.app.getHttpServer()).post('/auth/sign-in').send({ code });
    expect(signIn.status).toBe(200);
    return signIn.headers['set-cookie']![0]!.split(';')[0]!;
  }

  const subscribe = (headers: Record<string, string>) => {
    const client = handshakeWsClient(`ws://127.0.0.1:${port}/graphql`, headers);
    clients.push(client);
    return new Subscriber(client, { initiativeId });
  };

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

  it('a valid session cookie from a page of this server gets the events, as its person', async () => {
    const subscriber = subscribe({ cookie: await sessionCookie(FOOD_BANK), origin: sameOrigin() });
    await subscriber.live(probe);
    const marker = await probe();
    await subscriber.until(() => subscriber.events.some((e) => e.position === marker), 'marker');
    subscriber.close();
    expect(subscriber.errors).toEqual([]);
    expect(subscriber.events.at(-1)).toMatchObject({ type: 'AgendaAmended.v1', actor: CITY_HALL });
  });

  it('refuses a socket with no cookie, an unknown cookie or an ended session (4401)', async () => {
    const ended = await sessionCookie(FOOD_BANK);
    await request(app.app.getHttpServer()).post('/auth/sign-out').set('cookie', ended);
    for (const cookie of [undefined, 'accord_session=forged', ended]) {
      const subscriber = subscribe({ origin: sameOrigin(), ...(cookie ? { cookie } : {}) });
      await expect(subscriber.ended).rejects.toMatchObject({ code: 4401 });
      expect(subscriber.events).toEqual([]);
    }
  });

  it('refuses a valid session cookie sent from another site, or with no Origin (4403)', async () => {
    const cookie = await sessionCookie(FOOD_BANK);
    for (const origin of ['https://evil.test', `http://localhost:${port + 1}`, undefined]) {
      const subscriber = subscribe({ cookie, ...(origin ? { origin } : {}) });
      await expect(subscriber.ended).rejects.toMatchObject({ code: 4403 });
    }
  });

  it('applies the same visibility rules as HTTP: an outsider is told the initiative does not exist', async () => {
    const subscriber = subscribe({ cookie: await sessionCookie(OUTSIDER), origin: sameOrigin() });
    await subscriber.until(() => subscriber.errors.length > 0, 'an error');
    expect(JSON.stringify(subscriber.errors)).toContain('NOT_FOUND');
    expect(subscriber.events).toEqual([]);
  });
});
