/**
 * An initiative's witness policy (2 of 3 partner witnesses): the API says, over GraphQL and
 * HTTP, whether an event is covered by a checkpoint that meets it; the export names the
 * policy's witnesses and quorum and carries their cosignatures; the offline verifier checks
 * them against the keys and quorum given on its command line.
 */
import {
  COSIGNATURE_V1,
  generateSignerKey,
  parseNote,
  parseSignerKey,
  signatureLine,
} from '@accord/transparency';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import request from 'supertest';
import { launchWithPartners } from '../support/fixtures';
import { CITY_HALL, TestApp } from '../support/test-app';

const ORIGIN = 'accord.test/initiative/reading-by-9';
const VERIFIER = resolve(__dirname, '../../verifier/accord-verify.js');
const witness = (name: string) => {
  const key = generateSignerKey(`${name}.example/witness`, COSIGNATURE_V1);
  return {
    name: `${name}.example/witness`,
    ...key,
    signer: parseSignerKey(key.signerKey, () => Math.floor(Date.now() / 1000)),
  };
};
const [a, b, c, outsider] = ['a', 'b', 'c', 'outsider'].map(witness) as [
  ReturnType<typeof witness>,
  ReturnType<typeof witness>,
  ReturnType<typeof witness>,
  ReturnType<typeof witness>,
];
const COVERAGE = `query Coverage($position: String) {
  witnessCoverage(initiativeId: "reading-by-9", position: $position) {
    origin position policy covered checkpointSize cosignedBy
  }
}`;

describe('a witness policy of 2 of 3 partner witnesses (SQLite)', () => {
  let folder: string;
  let app: TestApp;
  let token: string;

  beforeEach(async () => {
    folder = mkdtempSync(join(tmpdir(), 'accord-policy-'));
    mkdirSync(join(folder, 'initiative'));
    writeFileSync(
      join(folder, 'initiative', 'reading-by-9.policy'),
      [
        '# decided by the steering group on 2026-03-02',
        ...[a, b, c].map((w) => `witness ${w.name} ${w.verifierKey}`),
        'quorum 2',
        '',
      ].join('\n'),
    );
    app = await TestApp.start({
      env: {
        ACCORD_WITNESS_POLICIES: folder,
        ACCORD_CHECKPOINT_EVERY_EVENTS: '1',
        ACCORD_LOG_ORIGIN: 'accord.test',
      },
    });
    await launchWithPartners(app);
    token = await app.token(CITY_HALL);
  });

  afterEach(async () => {
    await app.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  const http = () => request(app.app.getHttpServer());
  const exported = async () => {
    const res = await http()
      .get('/export/initiative/reading-by-9')
      .set('authorization', `Bearer ${token}`)
      .buffer(true)
      .parse((response, done) => {
        let text = '';
        response.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
        response.on('end', () => done(null, text));
      });
    expect(res.status).toBe(200);
    return res.body as string;
  };
  const cosign = async (w: ReturnType<typeof witness>, note: string) => {
    const res = await http()
      .post(
        `/checkpoint/initiative/reading-by-9/cosignatures?key=${encodeURIComponent(w.verifierKey)}`,
      )
      .set('authorization', `Bearer ${token}`)
      .set('content-type', 'text/plain')
      .send(signatureLine(w.signer, Buffer.from(parseNote(note).text)));
    expect(res.status).toBe(201);
  };
  const coverage = async (position: number) => {
    const res = await http()
      .get(`/proof/initiative/reading-by-9/coverage?position=${position}`)
      .set('authorization', `Bearer ${token}`);
    expect(res.status).toBe(200);
    return res.body as Record<string, unknown>;
  };

  it('covers an event once 2 of the 3 cosign a checkpoint that includes it, not before, and not by an outsider', async () => {
    const first = (await app.gql(
      `{ logCheckpoint(initiativeId: "reading-by-9") { size note } }`,
    )) as { data: { logCheckpoint: { size: number; note: string } } };
    const { size, note } = first.data.logCheckpoint;
    const events = (await exported())
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => JSON.parse(line) as { event: { position: number } });
    const position = events[0]!.event.position;
    const policy = `2 of 3 witnesses: ${a.name}, ${b.name}, ${c.name}`;

    expect(await coverage(position)).toMatchObject({
      origin: ORIGIN,
      position,
      policy,
      covered: false,
      checkpointSize: null,
      cosignedBy: [],
    });
    await cosign(a, note);
    await cosign(outsider, note);
    expect(await coverage(position)).toMatchObject({
      covered: false,
      checkpointSize: size,
      cosignedBy: [a.name],
    });
    await cosign(c, note);
    expect(await coverage(position)).toMatchObject({
      covered: true,
      checkpointSize: size,
      cosignedBy: [a.name, c.name],
    });
    const answer = await app.gql(COVERAGE, { position: String(position) });
    expect(answer.errors).toBeUndefined();
    expect(answer.data.witnessCoverage).toEqual({
      origin: ORIGIN,
      position: String(position),
      policy,
      covered: true,
      checkpointSize: size,
      cosignedBy: [a.name, c.name],
    });
  });

  it('the export names the policy and carries the cosignatures; the offline verifier checks the quorum it is given', async () => {
    const { note } = (
      (await app.gql(`{ logCheckpoint(initiativeId: "reading-by-9") { note } }`)) as {
        data: { logCheckpoint: { note: string } };
      }
    ).data.logCheckpoint;
    await cosign(a, note);
    await cosign(b, note);
    const text = await exported();
    const header = JSON.parse(text.split('\n')[0]!) as {
      checkpoint: string;
      trust: { witnessKeys: string[]; quorum: number };
    };
    expect(header.trust).toMatchObject({
      witnessKeys: [a.verifierKey, b.verifierKey, c.verifierKey],
      quorum: 2,
    });
    expect(header.checkpoint).toContain(`— ${a.name} `);
    expect(header.checkpoint).toContain(`— ${b.name} `);

    const dir = mkdtempSync(join(tmpdir(), 'accord-policy-export-'));
    try {
      const file = join(dir, 'export.jsonl');
      writeFileSync(file, text);
      const logKey = (
        (await app.gql(`{ logCheckpoint(initiativeId: "reading-by-9") { logKey } }`)) as {
          data: { logCheckpoint: { logKey: string } };
        }
      ).data.logCheckpoint.logKey;
      const run = (quorum: number) =>
        spawnSync(
          process.execPath,
          [
            VERIFIER,
            file,
            '--log-key',
            logKey,
            ...[a, b, c].flatMap((w) => ['--witness-key', w.verifierKey]),
            '--quorum',
            String(quorum),
          ],
          { encoding: 'utf8' },
        );
      const two = run(2);
      expect(two.status).toBe(0);
      expect(two.stdout).toMatch(new RegExp(`cosigned by ${a.name}, ${b.name}\\n$`));
      const three = run(3);
      expect(three.status).toBe(1);
      expect(three.stdout).toBe(
        'not verified: the checkpoint is cosigned by 2 trusted witnesses; 3 are required\n',
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
