import { createPublicKey, verify } from 'node:crypto';
import { formatCheckpoint, openCheckpoint, parseCheckpoint } from './checkpoint';
import { consistencyProof, hashLeaf, verifyConsistency } from './merkle';
import {
  COSIGNATURE_V1,
  type NoteSigner,
  addSignatureLines,
  generateSignerKey,
  parseNote,
  parseSignerKey,
  parseVerifierKey,
  signNote,
  signatureLine,
} from './signed-note';
import { MemoryTree } from './tree-builder';
import { codeOf, keyMaterial } from './testing/spec-helpers';

const origin = 'accord.example/initiative/i-1';
const log = generateSignerKey(origin);
const logSigner = parseSignerKey(log.signerKey);
const logKey = parseVerifierKey(log.verifierKey);
const w1 = generateSignerKey('partner-a.example/witness', COSIGNATURE_V1);
const w2 = generateSignerKey('partner-b.example/witness', COSIGNATURE_V1);
const witness = (key: { signerKey: string }, time: number): NoteSigner =>
  parseSignerKey(key.signerKey, () => time);
const witnessKeys = [parseVerifierKey(w1.verifierKey), parseVerifierKey(w2.verifierKey)];

const tree = new MemoryTree();
for (let i = 0; i < 10; i += 1) tree.append(hashLeaf(Buffer.from(`event ${i}`)));
const body = (size: number) => formatCheckpoint({ origin, size, root: tree.rootAt(size) });
const cosign = (note: string, signer: NoteSigner) =>
  addSignatureLines(note, [signatureLine(signer, Buffer.from(parseNote(note).text))]);

describe('checkpoint text', () => {
  it('reads the C2SP example', () => {
    const checkpoint = parseCheckpoint(
      'example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n',
    );
    expect(checkpoint).toMatchObject({ origin: 'example.com/behind-the-sofa', size: 20852163 });
    expect(checkpoint.root.toString('base64')).toBe('CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=');
  });

  it('writes origin, size, base64 root and extension lines, each ending in a newline', () => {
    const root = tree.rootAt(10);
    expect(formatCheckpoint({ origin, size: 10, root, extensions: ['x-ext'] })).toBe(
      `${origin}\n10\n${root.toString('base64')}\nx-ext\n`,
    );
  });

  it('rejects malformed checkpoint text', () => {
    const root = tree.root().toString('base64');
    const bad = [
      `${origin}\n10\n${root}`,
      `${origin}\n10\n`,
      `\n10\n${root}\n`,
      `${origin}\n010\n${root}\n`,
      `${origin}\n-1\n${root}\n`,
      `${origin}\n1e3\n${root}\n`,
      `${origin}\n10\n${root.slice(0, -4)}\n`,
      `${origin}\n10\n${root.replace('=', '')}\n`,
      `${origin}\n10\n${root}\n\n`,
    ];
    for (const text of bad)
      expect(codeOf(() => parseCheckpoint(text))).toBe('CHECKPOINT.MALFORMED');
  });
});

describe('opening a signed checkpoint', () => {
  const signed = signNote(body(10), [logSigner]);

  it('accepts the log-signed checkpoint and reads it', () => {
    const opened = openCheckpoint(signed, { origin, logKeys: [logKey] });
    expect(opened.checkpoint.size).toBe(10);
    expect(opened.checkpoint.root).toEqual(tree.rootAt(10));
  });

  it('rejects a checkpoint signed by an unknown key', () => {
    const impostor = parseSignerKey(generateSignerKey(origin).signerKey);
    const forged = signNote(body(10), [impostor]);
    expect(codeOf(() => openCheckpoint(forged, { origin, logKeys: [logKey] }))).toBe(
      'NOTE.NO_TRUSTED_SIGNATURE',
    );
  });

  it("rejects another log's checkpoint", () => {
    expect(
      codeOf(() =>
        openCheckpoint(signed, { origin: 'accord.example/initiative/i-2', logKeys: [logKey] }),
      ),
    ).toBe('CHECKPOINT.WRONG_ORIGIN');
  });

  it('rejects a checkpoint signed by witnesses only', () => {
    const unsignedByLog = signNote(body(10), [witness(w1, 1_700_000_000)]);
    expect(
      codeOf(() =>
        openCheckpoint(unsignedByLog, { origin, logKeys: [logKey], witnesses: witnessKeys }),
      ),
    ).toBe('NOTE.NO_TRUSTED_SIGNATURE');
  });

  it('counts the cosignatures of trusted witnesses against the quorum', () => {
    const once = cosign(signed, witness(w1, 1_700_000_000));
    const twice = cosign(once, witness(w2, 1_700_000_100));
    const trust = { origin, logKeys: [logKey], witnesses: witnessKeys, quorum: 2 };
    expect(codeOf(() => openCheckpoint(once, trust))).toBe('NOTE.NO_TRUSTED_SIGNATURE');
    const opened = openCheckpoint(twice, trust);
    expect(opened.cosignedBy).toEqual(['partner-a.example/witness', 'partner-b.example/witness']);
    expect(opened.note.verified.map((s) => s.timestamp)).toEqual([
      undefined,
      1_700_000_000,
      1_700_000_100,
    ]);
  });

  it('rejects a cosignature made over a different checkpoint', () => {
    const other = signNote(body(9), [logSigner]);
    const cosignedOther = cosign(other, witness(w1, 1_700_000_000));
    const stolenLine = cosignedOther.slice(other.length);
    const tampered = addSignatureLines(signed, [stolenLine]);
    expect(
      codeOf(() => openCheckpoint(tampered, { origin, logKeys: [logKey], witnesses: witnessKeys })),
    ).toBe('NOTE.BAD_SIGNATURE');
  });

  it('writes cosignatures as tlog-cosignature/v1 says: timestamp then Ed25519 over the header, time and body', () => {
    const line = signatureLine(witness(w1, 1_679_315_147), Buffer.from(body(10)));
    const bytes = Buffer.from(line.trim().split(' ')[2] as string, 'base64');
    expect(bytes.length).toBe(4 + 8 + 64);
    expect(bytes.readUInt32BE(0).toString(16).padStart(8, '0')).toBe(w1.verifierKey.split('+')[1]);
    expect(bytes.readBigUInt64BE(4)).toBe(1_679_315_147n);
    const raw = Buffer.from(keyMaterial(w1.verifierKey), 'base64');
    expect(raw[0]).toBe(0x04);
    const publicKey = createPublicKey({
      key: Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), raw.subarray(1)]),
      format: 'der',
      type: 'spki',
    });
    const message = Buffer.from(`cosignature/v1\ntime 1679315147\n${body(10)}`);
    expect(verify(null, message, publicKey, bytes.subarray(12))).toBe(true);
  });

  it('lets a witness check that a new checkpoint extends the one it saw', () => {
    const old = openCheckpoint(signNote(body(4), [logSigner]), { origin, logKeys: [logKey] });
    const next = openCheckpoint(signed, { origin, logKeys: [logKey] }).checkpoint;
    const proof = consistencyProof(tree.node, 4, 10);
    expect(() =>
      verifyConsistency(old.checkpoint.size, next.size, proof, old.checkpoint.root, next.root),
    ).not.toThrow();
    const fork = new MemoryTree();
    for (let i = 0; i < 10; i += 1)
      fork.append(hashLeaf(Buffer.from(i === 2 ? 'rewritten' : `event ${i}`)));
    expect(codeOf(() => verifyConsistency(4, 10, proof, old.checkpoint.root, fork.root()))).toBe(
      'PROOF.ROOT_MISMATCH',
    );
  });
});
