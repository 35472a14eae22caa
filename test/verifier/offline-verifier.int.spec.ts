/**
 * The offline verifier, run as a partner would: only the verifier folder, copied to an empty
 * directory, executed by node against exports built with @accord/transparency.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  COSIGNATURE_V1,
  type ExportHeader,
  type LedgerEvent,
  MemoryTree,
  eventLeafHash,
  formatCheckpoint,
  generateSignerKey,
  initiativeOrigin,
  parseSignerKey,
  signNote,
  signatureLine,
  writeExport,
} from '@accord/transparency';

const origin = initiativeOrigin('accord.example', 'i-1');
const log = generateSignerKey(origin);
const impostor = generateSignerKey(origin);
const witness = generateSignerKey('partner-a.example/witness', COSIGNATURE_V1);
const logSigner = parseSignerKey(log.signerKey);
const witnessSigner = parseSignerKey(witness.signerKey, () => 1_750_000_000);

/** Twelve events of one initiative over three streams; the gaps in position are other trees'. */
const events: LedgerEvent[] = Array.from({ length: 12 }, (_, i) => {
  const stream = ['initiative-i-1', 'commitment-c1', 'decision-d1'][i % 3] as string;
  return {
    position: 10 + i * 7,
    stream,
    revision: Math.floor(i / 3),
    id: `event-${i}`,
    type: i % 3 === 1 ? 'CommitmentMade.v1' : 'Something.v1',
    data: { initiativeId: 'i-1', amount: { minor: i === 4 ? 1_850_000 : i, currency: 'EUR' } },
    metadata: { recordedAt: `2025-03-01T10:00:${String(i).padStart(2, '0')}.000Z` },
    hash: String(i).repeat(64).slice(0, 64),
  };
});

const tree = new MemoryTree();
events.forEach((event) => tree.append(eventLeafHash(event)));
const checkpointAt = (size: number, root: Uint8Array = tree.rootAt(size)) =>
  signNote(formatCheckpoint({ origin, size, root }), [logSigner]);
const cosignatureOf = (note: string) =>
  signatureLine(witnessSigner, Buffer.from(note.slice(0, note.lastIndexOf('\n\n') + 1)));

const checkpoint = checkpointAt(12);
const header: Omit<ExportHeader, 'format'> = {
  origin,
  kind: 'complete',
  checkpoint,
  cosignatures: [cosignatureOf(checkpoint)],
  trust: { logKeys: [log.verifierKey], witnessKeys: [witness.verifierKey], quorum: 1 },
};
const indexed = events.map((event, index) => ({ index, event }));
const completeExport = writeExport(header, indexed);
const partialExport = writeExport(
  { ...header, kind: 'partial' },
  [1, 4, 11].map((i) => indexed[i]!),
  {
    node: tree.node,
    size: 12,
  },
);

let folder: string;
beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'accord-verify-'));
  cpSync(join(__dirname, '../../verifier'), join(folder, 'verifier'), { recursive: true });
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function run(content: string, ...args: string[]): { status: number | null; stdout: string } {
  const file = join(folder, `export-${Math.random().toString(36).slice(2)}.jsonl`);
  writeFileSync(file, content);
  const result = spawnSync(
    process.execPath,
    [join(folder, 'verifier/accord-verify.js'), file, ...args],
    {
      cwd: folder,
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '' },
    },
  );
  return { status: result.status, stdout: result.stdout + result.stderr };
}

const lines = (content: string) => content.trimEnd().split('\n');
const join_ = (parts: string[]) => parts.join('\n') + '\n';
function editEvent(content: string, line: number, edit: (entry: any) => void): string {
  const all = lines(content);
  const entry = JSON.parse(all[line]!);
  edit(entry);
  all[line] = JSON.stringify(entry);
  return join_(all);
}
const withHeader = (content: string, edit: (h: any) => void) => editEvent(content, 0, edit);

describe('the offline verifier, from a folder holding only itself', () => {
  it('verifies a complete export: every event, the root, the log signature and the cosignature', () => {
    const { status, stdout } = run(completeExport);
    expect(stdout).toBe(
      'verified\n' +
        `12 events of ${origin} (complete) in its checkpoint of 12 events, root ${tree.root().toString('base64')}, cosigned by partner-a.example/witness\n`,
    );
    expect(status).toBe(0);
  });

  it('verifies a partial export by the inclusion proof of each event', () => {
    const { status, stdout } = run(partialExport);
    expect(stdout).toMatch(/^verified\n3 events of .* \(partial\) in its checkpoint of 12 events/);
    expect(status).toBe(0);
  });

  it('uses the keys given on the command line instead of those the export names', () => {
    expect(run(completeExport, '--log-key', log.verifierKey).status).toBe(0);
    const other = run(completeExport, '--log-key', impostor.verifierKey);
    expect(other.stdout).toMatch(
      /^not verified: the checkpoint has no signature by a trusted log key/,
    );
    expect(other.status).toBe(1);
  });

  it('names an altered event in a partial export', () => {
    const altered = editEvent(partialExport, 2, (e) => (e.event.data.amount.minor = 100));
    expect(run(altered)).toEqual({
      status: 1,
      stdout:
        'not verified: event at index 4 (line 3), commitment-c1 revision 1 position 38 is not in the checkpoint: its proof does not lead to the checkpoint root\n',
    });
  });

  it('finds an altered event in a complete export', () => {
    const altered = editEvent(completeExport, 5, (e) => (e.event.data.amount.minor = 100));
    expect(run(altered)).toEqual({
      status: 1,
      stdout:
        'not verified: the events do not hash to the checkpoint root: an event was altered, added, removed or moved\n',
    });
  });

  it('finds a missing event, also when the others were renumbered, and a cut-off end', () => {
    const all = lines(completeExport);
    const missing = join_(all.filter((_, i) => i !== 4));
    expect(run(missing).stdout).toBe(
      'not verified: event at index 4 (line 5) follows index 2: the event at index 3 is missing\n',
    );
    const renumbered = join_(
      all
        .filter((_, i) => i !== 4)
        .map((line, i) => (i === 0 ? line : line.replace(/^\{"index":\d+/, `{"index":${i - 1}`))),
    );
    expect(run(renumbered).stdout).toBe(
      'not verified: the export holds 11 events but the checkpoint covers 12: events are missing\n',
    );
    expect(run(join_(all.slice(0, -1))).status).toBe(1);
  });

  it('finds reordered events, and events whose positions were swapped', () => {
    const all = lines(completeExport);
    [all[3], all[4]] = [all[4]!, all[3]!];
    expect(run(join_(all)).stdout).toBe(
      'not verified: event at index 3 (line 4) comes before index 2 (line 5): the events are out of order\n',
    );
    const swappedKeepingIndexes = editEvent(
      editEvent(completeExport, 3, (e) => (e.event = events[3])),
      4,
      (e) => (e.event = events[2]),
    );
    expect(run(swappedKeepingIndexes).stdout).toMatch(
      /position 24 comes after position 31: not in log order\n$/,
    );
    const positionsSwapped = editEvent(
      editEvent(completeExport, 3, (e) => (e.event.position = 31)),
      4,
      (e) => (e.event.position = 24),
    );
    expect(run(positionsSwapped).stdout).toMatch(/position 24 comes after position 31/);
    const positionsSwappedBetweenStreams = editEvent(
      editEvent(completeExport, 2, (e) => (e.event.stream = 'decision-d1')),
      3,
      (e) => (e.event.stream = 'commitment-c1'),
    );
    expect(run(positionsSwappedBetweenStreams).stdout).toMatch(
      /do not hash to the checkpoint root/,
    );
  });

  it('rejects a wrong checkpoint: an older one, another history, another log', () => {
    const older = withHeader(completeExport, (h) => {
      h.checkpoint = checkpointAt(10);
      h.cosignatures = [cosignatureOf(h.checkpoint)];
    });
    expect(run(older).stdout).toBe(
      'not verified: event at index 10 (line 12) lies beyond the checkpoint, which covers 10 events\n',
    );
    const fork = new MemoryTree();
    events.forEach((e, i) => fork.append(eventLeafHash(i === 4 ? { ...e, data: {} } : e)));
    const forked = withHeader(completeExport, (h) => {
      h.checkpoint = checkpointAt(12, fork.root());
      h.cosignatures = [cosignatureOf(h.checkpoint)];
    });
    expect(run(forked).stdout).toMatch(/do not hash to the checkpoint root/);
    const otherLog = withHeader(
      completeExport,
      (h) => (h.origin = 'accord.example/initiative/i-2'),
    );
    expect(run(otherLog).stdout).toBe(
      `not verified: the checkpoint is for "${origin}", the export for "accord.example/initiative/i-2"\n`,
    );
  });

  it('rejects a checkpoint signed by an unknown key, or altered after signing', () => {
    const byImpostor = withHeader(completeExport, (h) => {
      h.checkpoint = signNote(formatCheckpoint({ origin, size: 12, root: tree.root() }), [
        parseSignerKey(impostor.signerKey),
      ]);
      h.cosignatures = [];
    });
    expect(run(byImpostor).stdout).toMatch(
      /^not verified: the checkpoint has no signature by a trusted log key \(it is signed by accord\.example\/initiative\/i-1\+[0-9a-f]{8}\)\n$/,
    );
    const altered = withHeader(
      completeExport,
      (h) => (h.checkpoint = h.checkpoint.replace('\n12\n', '\n13\n')),
    );
    expect(run(altered).stdout).toMatch(
      /^not verified: the signature by log key .* does not verify over this checkpoint\n$/,
    );
    const truncated = withHeader(completeExport, (h) => (h.checkpoint = h.checkpoint.slice(0, -1)));
    expect(run(truncated).stdout).toBe('not verified: the checkpoint note is truncated\n');
  });

  it('rejects a cosignature made over another checkpoint, and a quorum not met', () => {
    const stolen = withHeader(
      completeExport,
      (h) => (h.cosignatures = [cosignatureOf(checkpointAt(11))]),
    );
    expect(run(stolen).stdout).toMatch(
      /^not verified: the signature by witness key partner-a\.example\/witness\+[0-9a-f]{8} does not verify over this checkpoint\n$/,
    );
    const doubled = withHeader(
      completeExport,
      (h) => (h.cosignatures = [...h.cosignatures, ...h.cosignatures]),
    );
    expect(run(doubled).stdout).toMatch(/carries two signatures by witness key/);
    expect(run(completeExport, '--quorum', '2').stdout).toBe(
      'not verified: the checkpoint is cosigned by 1 trusted witnesses; 2 are required\n',
    );
  });

  it('answers with its usage for bad arguments, and names a file that is not an export', () => {
    expect(run(completeExport, '--quorum').status).toBe(2);
    expect(run('{"format":"something else"}\n').stdout).toBe(
      'not verified: line 1 is not an accord-export/v1 header\n',
    );
  });
});
