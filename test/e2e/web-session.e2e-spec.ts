import Database from 'better-sqlite3';
import { SqliteReadModelDatabase } from '@accord/projections';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { signInLinkCommand } from '../../apps/api/src/auth/sign-in-link.command';
import { SignInLinks } from '../../apps/api/src/auth/sign-in-links';
import { launchWithPartners } from '../support/fixtures';
import { FOOD_BANK, TestApp } from '../support/test-app';

const INITIATIVES = '{ initiatives { totalCount edges { node { initiativeId } } } }';

/** The code inside a printed link: /sign-in#code=… */
const codeOf = (link: string) => new URL(link).hash.replace('#code=', '');

const PAGE = '<!doctype html><head><title>workspace</title></head>';

describe('sign-in links and the web session', () => {
  let app: TestApp;
  let webDir: string;
  const server = () => app.app.getHttpServer();

  beforeAll(async () => {
    webDir = mkdtempSync(join(tmpdir(), 'accord-web-fixture-'));
    mkdirSync(join(webDir, 'assets'));
    writeFileSync(join(webDir, 'index.html'), PAGE);
    writeFileSync(join(webDir, 'assets', 'app-1234.js'), 'console.log(1)');
    app = await TestApp.start({ env: { ACCORD_WEB_DIR: webDir } });
    await launchWithPartners(app, 'web-session');
  });

  afterAll(async () => {
    await app.stop();
    rmSync(webDir, { recursive: true, force: true });
  });

  async function link(): Promise<string> {
    return signInLinkCommand(
      ['--person', FOOD_BANK.personId, '--partner', FOOD_BANK.partnerId, '--url', 'http://x.test'],
      app.config,
    );
  }

  it('prints a link to /sign-in carrying the code in the fragment, never sent to a server', async () => {
    const printed = await link();
    expect(printed).toMatch(/^http:\/\/x\.test\/sign-in#code=[A-Za-z0-9_-]{43}$/);
  });

  it('exchanges a code once for an HttpOnly, SameSite=Strict cookie that GraphQL accepts', async () => {
    const code = codeOf(await link());
    const signIn = await request(server()).post('/auth/sign-in').send({ code });
    expect(signIn.status).toBe(200);
    expect(signIn.body).toMatchObject({ personId: 'bo', partnerId: 'food-bank' });
    const cookie = signIn.headers['set-cookie']![0]!;
    expect(cookie).toMatch(/^accord_session=[A-Za-z0-9_-]{43};/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/Path=\//);
    const session = cookie.split(';')[0]!;

    const read = await request(server())
      .post('/graphql')
      .set('cookie', session)
      .send({ query: INITIATIVES });
    expect(read.body.errors).toBeUndefined();
    expect(read.body.data.initiatives.totalCount).toBe(1);
    const who = await request(server()).get('/auth/session').set('cookie', session);
    expect(who.body).toEqual({ signedIn: true, personId: 'bo', partnerId: 'food-bank' });

    const again = await request(server()).post('/auth/sign-in').send({ code });
    expect(again.status).toBe(401);
    expect(again.headers['set-cookie']).toBeUndefined();
  });

  it('signing out ends the session on the server, so a kept copy of the cookie stops working', async () => {
    const signIn = await request(server())
      .post('/auth/sign-in')
      .send({ code: codeOf(await link()) });
    const session = signIn.headers['set-cookie']![0]!.split(';')[0]!;
    const out = await request(server()).post('/auth/sign-out').set('cookie', session);
    expect(out.status).toBe(204);
    expect(out.headers['set-cookie']![0]).toMatch(/^accord_session=;/);
    const read = await request(server())
      .post('/graphql')
      .set('cookie', session)
      .send({ query: INITIATIVES });
    expect(read.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    const who = await request(server()).get('/auth/session').set('cookie', session);
    expect(who.body).toEqual({ signedIn: false });
  });

  it('refuses unknown codes and requests from another site', async () => {
    const unknown = await request(server())
      .post('/auth/sign-in')
      .send({ code: 'x'.repeat(43) });
    expect(unknown.status).toBe(401);
    const crossSite = await request(server())
      .post('/auth/sign-in')
      .set('origin', 'https://evil.test')
      .send({ code: codeOf(await link()) });
    expect(crossSite.status).toBe(403);
    const forged = await request(server())
      .post('/graphql')
      .set('cookie', 'accord_session=forged')
      .send({ query: INITIATIVES });
    expect(forged.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('a request a form on another site could send (text/plain POST, GET) is refused even with the cookie', async () => {
    const signIn = await request(server())
      .post('/auth/sign-in')
      .send({ code: codeOf(await link()) });
    const session = signIn.headers['set-cookie']![0]!.split(';')[0]!;
    const plain = await request(server())
      .post('/graphql')
      .set('cookie', session)
      .set('content-type', 'text/plain')
      .send(JSON.stringify({ query: INITIATIVES }));
    expect(plain.body.data).toBeUndefined();
    const get = await request(server())
      .get('/graphql')
      .query({ query: INITIATIVES })
      .set('cookie', session);
    expect(get.body.data).toBeUndefined();
    expect(get.status).toBe(400);
  });

  it('a code expires after 15 minutes unused', async () => {
    const db = new Database(':memory:');
    let now = new Date('2026-03-12T18:00:00.000Z');
    const links = new SignInLinks(new SqliteReadModelDatabase(db), () => now);
    const fresh = await links.createCode(FOOD_BANK);
    const stale = await links.createCode(FOOD_BANK);
    now = new Date('2026-03-12T18:14:59.000Z');
    await expect(links.redeem(fresh)).resolves.toMatchObject({ actor: FOOD_BANK });
    now = new Date('2026-03-12T18:15:00.000Z');
    await expect(links.redeem(stale)).rejects.toThrow('unknown, used or expired');
    db.close();
  });

  it('writes who is signed in into the page it serves them, and nothing once signed out', async () => {
    const signIn = await request(server())
      .post('/auth/sign-in')
      .send({ code: codeOf(await link()) });
    const session = signIn.headers['set-cookie']![0]!.split(';')[0]!;
    const html = 'text/html,application/xhtml+xml';
    const page = await request(server())
      .get('/initiatives/web-session')
      .set('accept', html)
      .set('cookie', session);
    const meta = /<meta name="accord-session" content="([^"]*)" \/>/.exec(page.text);
    expect(JSON.parse(decodeURIComponent(meta![1]!))).toEqual({
      personId: 'bo',
      partnerId: 'food-bank',
    });
    expect(page.headers['cache-control']).toBe('no-cache, private');
    await request(server()).post('/auth/sign-out').set('cookie', session);
    const after = await request(server())
      .get('/initiatives/web-session')
      .set('accept', html)
      .set('cookie', session);
    expect(after.text).toBe(PAGE);
  });

  it('serves the workspace at / and its routes, leaving /graphql, /health and missing assets alone', async () => {
    const html = 'text/html,application/xhtml+xml';
    for (const path of ['/', '/initiatives/web-session/decisions/x', '/sign-in']) {
      const page = await request(server()).get(path).set('accept', html);
      expect({ path, status: page.status, body: page.text }).toEqual({
        path,
        status: 200,
        body: PAGE,
      });
      expect(page.headers['content-security-policy']).toContain("default-src 'self'");
    }
    const asset = await request(server()).get('/assets/app-1234.js');
    expect(asset.status).toBe(200);
    expect(asset.headers['cache-control']).toContain('immutable');
    expect((await request(server()).get('/assets/missing.js').set('accept', html)).status).toBe(
      404,
    );
    expect((await request(server()).get('/health')).body.status).toBe('ok');
    const graphiql = await request(server()).get('/graphql').set('accept', html);
    expect(graphiql.text).not.toContain('<title>workspace</title>');
    // A scraper or a script (Accept: */*) gets what the server answers, never the page.
    const metrics = await request(server()).get('/metrics').set('accept', '*/*');
    expect(metrics.text).toMatch(/^# HELP /m);
    for (const path of ['/checkpoint/directory', '/proof/directory/consistency?fromSize=1']) {
      for (const accept of ['*/*', html]) {
        const answer = await request(server()).get(path).set('accept', accept);
        expect({ path, accept, page: answer.text.includes('<title>workspace</title>') }).toEqual({
          path,
          accept,
          page: false,
        });
      }
    }
    const unknown = await request(server()).get('/no-such-page').set('accept', '*/*');
    expect(unknown.text).not.toContain('<title>workspace</title>');
  });
});
