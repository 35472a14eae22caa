/**
 * A partner's witness (`accord witness`) run as its own process against the API as its own
 * process: it cosigns each checkpoint that extends the last one it cosigned, the ledger serves
 * its cosignature with the checkpoint, and a log that shows another root for a size already
 * cosigned is refused with the evidence kept.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Actor } from '@accord/domain';
import {
  COSIGNATURE_V1,
  formatCheckpoint,
  generateSignerKey,
  openCheckpoint,
  parseNote,
  parseSignerKey,
  parseVerifierKey,
  signatureLine,
  signNote,
} from '@accord/transparency';
import request from 'supertest';
import { TokenService } from '../../apps/api/src/auth/token.service';
import { LogKey } from '@accord/transparency-log';
import { ApiProcess } from '../support/api-process';
import { runCli } from '../support/cli';
import { expectNoErrors, launchWithPartners } from '../support/fixtures';
import { AMEND } from '../support/operations';
import { CITY_HALL, FOOD_BANK, TEST_SECRET, type TestApp } from '../support/test-app';

const ORIGIN = 'accord.test/initiative/reading-by-9';
const LOG_SEED = randomBytes(32).toString('hex');
const CHECKPOINT = `query Checkpoint($initiativeId: ID) {
  logCheckpoint(initiativeId: $initiativeId) { size note logKey }
}`;
const tokens = new TokenService({
  secret: new TextEncoder().encode(TEST_SECRET),
  issuer: 'accord-local',
  audience: 'accord',
});

describe('a partner witness, as its own process', () => {
  let dir: string;
  let api: ApiProcess;
  let ledger: TestApp;
  let partnerToken: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'accord-witness-'));
    api = await ApiProcess.start({
      ACCORD_DB_FILE: join(dir, 'accord.db'),
      ACCORD_CHECKPOINT_EVERY_EVENTS: '1',
      ACCORD_LOG_ORIGIN: 'accord.test',
      ACCORD_LOG_KEY: LOG_SEED,
    });
    // launchWithPartners speaks through a TestApp; this one speaks to the API process.
    ledger = {
      gql: async (query: string, variables: Record<string, unknown>, actor: Actor = CITY_HALL) =>
        api.gql(await tokens.issue(actor), query, variables),
    } as unknown as TestApp;
    await launchWithPartners(ledger);
    partnerToken = await tokens.issue(FOOD_BANK);
  }, 120_000);

  afterAll(async () => {
    await api?.terminate();
    rmSync(dir, { recursive: true, force: true });
  });

  async function served() {
    const res = await api.gql(partnerToken, CHECKPOINT, { initiativeId: 'reading-by-9' });
    expectNoErrors(res);
    return res.data.logCheckpoint as { size: number; note: string; logKey: string };
  }

  const witness = (logKey: string) =>
    runCli(
      [
        'witness',
        '--url',
        api.url,
        '--initiative',
        'reading-by-9',
        '--log-key',
        logKey,
        '--key-file',
        join(dir, 'witness', 'witness.key'),
        '--name',
        'food-bank.example/witness',
        '--state',
        join(dir, 'witness', 'state'),
      ],
      { ACCORD_TOKEN: partnerToken },
    );

  it('cosigns, checks consistency before cosigning again, and refuses a forked log with evidence', async () => {
    const { logKey, size: firstSize } = await served();
    const logVerifier = parseVerifierKey(logKey);

    const first = await witness(logKey);
    expect({ code: first.code, stderr: first.stderr }).toEqual({ code: 0, stderr: '' });
    const [keyLine, didLine] = first.stdout.trim().split('\n');
    expect(didLine).toBe(`cosigned ${ORIGIN} at size ${firstSize} (first sight of ${ORIGIN})`);
    const witnessKey = /verifier key: (\S+)$/.exec(keyLine!)![1]!;
    expect(statSync(join(dir, 'witness', 'witness.key')).mode & 0o777).toBe(0o600);
    const trust = { origin: ORIGIN, logKeys: [logVerifier] };
    const witnesses = [parseVerifierKey(witnessKey)];
    const cosigned = await served();
    expect(openCheckpoint(cosigned.note, { ...trust, witnesses, quorum: 1 }).cosignedBy).toEqual([
      'food-bank.example/witness',
    ]);

    const amended = await api.gql(await tokens.issue(CITY_HALL), AMEND, {
      input: {
        initiativeId: 'reading-by-9',
        commonAgenda: 'Every child reads by nine',
        reason: 'retreat',
      },
    });
    expectNoErrors(amended);
    const grown = await served();
    expect(grown.size).toBeGreaterThan(firstSize);
    const second = await witness(logKey);
    expect({ code: second.code, stderr: second.stderr }).toEqual({ code: 0, stderr: '' });
    expect(second.stdout.trim()).toBe(
      `cosigned ${ORIGIN} at size ${grown.size} (consistent with size ${firstSize})`,
    );
    expect(
      openCheckpoint((await served()).note, { ...trust, witnesses, quorum: 1 }).cosignedBy,
    ).toEqual(['food-bank.example/witness']);

    // The witness remembers a checkpoint of the same size over another root, signed by the
    // log's key: the ledger has shown two views of its log.
    const stateDir = join(dir, 'witness', 'state', encodeURIComponent(ORIGIN));
    const forged = signNote(
      formatCheckpoint({ origin: ORIGIN, size: grown.size, root: randomBytes(32) }),
      [new LogKey(Buffer.from(LOG_SEED, 'hex')).signer(ORIGIN)],
    );
    writeFileSync(join(stateDir, 'last-cosigned.note'), forged);
    const shown = (await served()).note;
    const refused = await witness(logKey);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toBe('');
    expect(refused.stderr.trim().split('\n')).toEqual([
      expect.stringContaining(
        `refused to cosign ${ORIGIN}: two different roots for size ${grown.size}`,
      ),
    ]);
    const evidence = readdirSync(stateDir).filter((file) => file.startsWith('evidence-'));
    expect(evidence).toHaveLength(2);
    const kept = evidence.map((file) => readFileSync(join(stateDir, file), 'utf8'));
    expect(kept.sort()).toEqual([forged, shown].sort());
    for (const note of kept) expect(() => openCheckpoint(note, trust)).not.toThrow();
    expect(readFileSync(join(stateDir, 'last-cosigned.note'), 'utf8')).toBe(forged);

    // An earlier checkpoint the served one does not extend: the consistency proof fails.
    const earlier = signNote(
      formatCheckpoint({ origin: ORIGIN, size: firstSize, root: randomBytes(32) }),
      [new LogKey(Buffer.from(LOG_SEED, 'hex')).signer(ORIGIN)],
    );
    writeFileSync(join(stateDir, 'last-cosigned.note'), earlier);
    const diverged = await witness(logKey);
    expect(diverged.code).toBe(1);
    expect(diverged.stderr.trim().split('\n')).toEqual([
      expect.stringContaining(`size ${grown.size} does not extend size ${firstSize}`),
    ]);
    const more = readdirSync(stateDir).filter((file) => file.startsWith('evidence-'));
    expect(more).toHaveLength(4);
  }, 120_000);

  it('the ledger keeps only a cosignature that verifies, from a member of the initiative', async () => {
    const { logKey } = await served();
    const post = async (token: string, query: string, body: string) =>
      request(api.url)
        .post(`/checkpoint/initiative/reading-by-9/cosignatures?${query}`)
        .set('authorization', `Bearer ${token}`)
        .set('content-type', 'text/plain')
        .send(body);
    const outsider = await tokens.issue({ personId: 'zed', partnerId: 'elsewhere' });
    const hidden = await post(outsider, `key=${encodeURIComponent(logKey)}`, '— x AAAAAAA=\n');
    expect(hidden.status).toBe(404);
    const notACosigner = await post(
      partnerToken,
      `key=${encodeURIComponent(logKey)}`,
      '— x AAAAAAA=\n',
    );
    expect(notACosigner.status).toBe(400);
    expect(notACosigner.body).toMatchObject({ field: 'key' });

    const other = generateSignerKey('other.example/witness', COSIGNATURE_V1);
    const signer = parseSignerKey(other.signerKey, () => Date.now() / 1000);
    const overAnotherText = signatureLine(
      signer,
      Buffer.from(`${ORIGIN}\n1\n${'A'.repeat(43)}=\n`),
    );
    const key = `key=${encodeURIComponent(other.verifierKey)}`;
    const wrong = await post(partnerToken, key, overAnotherText);
    expect(wrong.status).toBe(400);
    expect(wrong.body).toMatchObject({ field: 'body' });
    expect(wrong.body.error).toContain('does not verify');
    const { note } = await served();
    const right = await post(
      partnerToken,
      key,
      signatureLine(signer, Buffer.from(parseNote(note).text)),
    );
    expect(right.status).toBe(201);
    expect(right.body).toMatchObject({
      origin: ORIGIN,
      witness: expect.stringMatching(/^other\.example\/witness\+/),
      added: true,
    });
    const again = await post(
      partnerToken,
      key,
      signatureLine(signer, Buffer.from(parseNote(note).text)),
    );
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ added: false });
    const kept = (await served()).note;
    expect(kept.split('\n').filter((line) => line.startsWith('— other.example/'))).toHaveLength(1);
    const trust = {
      origin: ORIGIN,
      logKeys: [parseVerifierKey(logKey)],
      witnesses: [parseVerifierKey(other.verifierKey)],
      quorum: 1,
    };
    expect(openCheckpoint(kept, trust).cosignedBy).toEqual(['other.example/witness']);
  });
});
