#!/usr/bin/env node
'use strict';
/**
 * accord-verify: checks an Accord export offline, with node:crypto only.
 *
 *   node accord-verify.js <export.jsonl> [--log-key <vkey>] [--witness-key <vkey>]... [--quorum <k>]
 *
 * Prints "verified" and a summary (exit 0), or "not verified: <what failed>" (exit 1).
 * Keys given on the command line replace the keys the export's header names: pass the keys
 * your partners published to you, not the ones the file you are checking brought along.
 *
 * The export format and the leaf encoding are described in docs/design/verifiable-ledger.md;
 * this file repeats the few algorithms it needs (RFC 6962 hashing and inclusion proofs,
 * C2SP signed-note, tlog-checkpoint and tlog-cosignature) so it runs on its own.
 */
const { createHash, createPublicKey, verify } = require('node:crypto');
const { closeSync, openSync, readSync } = require('node:fs');
const { StringDecoder } = require('node:string_decoder');

class Failure extends Error {}
const fail = (message) => {
  throw new Failure(message);
};

// ---------------------------------------------------------------- hashing (RFC 6962)

const sha256 = (...parts) => {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  return hash.digest();
};
const hashLeaf = (leaf) => sha256(Uint8Array.of(0), leaf);
const hashChildren = (left, right) => sha256(Uint8Array.of(1), left, right);

/** RFC 9162 §2.1.3.2; returns the reason it fails, or undefined. */
function checkInclusion(index, size, leafHash, proof, root) {
  if (index >= size) return `index ${index} is not below the tree size ${size}`;
  let expected = 0;
  for (let [m, n] = [index, size]; n > 1; expected += 1) {
    const k = splitPoint(n);
    [m, n] = m < k ? [m, k] : [m - k, n - k];
  }
  if (proof.length !== expected) {
    return `its proof has ${proof.length} hashes where ${expected} are needed`;
  }
  let [fn, sn, r] = [index, size - 1, leafHash];
  for (const p of proof) {
    if (fn % 2 === 1 || fn === sn) {
      r = hashChildren(p, r);
      while (fn % 2 === 0 && fn !== 0) [fn, sn] = [fn / 2, Math.floor(sn / 2)];
    } else {
      r = hashChildren(r, p);
    }
    [fn, sn] = [Math.floor(fn / 2), Math.floor(sn / 2)];
  }
  return r.equals(root) ? undefined : 'its proof does not lead to the checkpoint root';
}

function splitPoint(n) {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

// ---------------------------------------------------------------- the leaf of an event

function canonicalJson(value) {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') {
    return JSON.stringify(value);
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) fail(`${value} has no JSON form`);
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

function eventLeafHash(event, where) {
  const { position, stream, revision, id, type, data, metadata, hash } = event ?? {};
  const fields = { position, stream, revision, id, type, data, metadata, hash };
  if (!Number.isSafeInteger(position) || !Number.isSafeInteger(revision)) {
    fail(`${where}: the event has no integer position and revision`);
  }
  for (const name of ['stream', 'id', 'type', 'hash']) {
    if (typeof fields[name] !== 'string') fail(`${where}: the event has no ${name}`);
  }
  for (const name of ['data', 'metadata']) {
    const value = fields[name];
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      fail(`${where}: the event has no ${name} object`);
    }
  }
  return hashLeaf(Buffer.from('accord-event/v1\n' + canonicalJson(fields), 'utf8'));
}

// ---------------------------------------------------------------- signed notes (C2SP)

const ED25519 = 0x01;
const COSIGNATURE_V1 = 0x04;
const MAX_SIGNATURES = 100;
const KEY_NAME = /^[^\s+]+$/u;
const SPKI_ED25519 = Buffer.from('302a300506032b6570032100', 'hex');

function strictBase64(text) {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 !== 0) return undefined;
  const bytes = Buffer.from(text, 'base64');
  return bytes.toString('base64') === text ? bytes : undefined;
}

function parseVerifierKey(vkey, role) {
  const [name, idHex, ...rest] = String(vkey).split('+');
  const material = strictBase64(rest.join('+'));
  const type = material?.[0];
  if (!KEY_NAME.test(name ?? '') || !/^[0-9a-f]{8}$/.test(idHex ?? '') || material === undefined) {
    fail(`the ${role} key "${vkey}" is not a verifier key (<name>+<key ID>+<base64 key>)`);
  }
  const wanted = role === 'log' ? ED25519 : COSIGNATURE_V1;
  if (type !== wanted || material.length !== 33) {
    fail(`the ${role} key ${name} is not an Ed25519 key of type 0x0${wanted}`);
  }
  const raw = material.subarray(1);
  const id = sha256(`${name}\n`, Uint8Array.of(type), raw).readUInt32BE(0);
  if (id !== parseInt(idHex, 16)) fail(`the ${role} key ${name} does not match its key ID`);
  const key = createPublicKey({
    key: Buffer.concat([SPKI_ED25519, raw]),
    format: 'der',
    type: 'spki',
  });
  return { name, idHex, type, key, role };
}

function parseNote(note) {
  if (/[\u0000-\u0009\u000b-\u001f]/.test(note))
    fail('the checkpoint note holds a control character');
  const split = note.lastIndexOf('\n\n');
  if (split < 0) fail('the checkpoint note has no blank line before its signatures');
  const text = note.slice(0, split + 1);
  const block = note.slice(split + 2);
  if (block === '' || !block.endsWith('\n')) fail('the checkpoint note is truncated');
  const lines = block.slice(0, -1).split('\n');
  if (lines.length > MAX_SIGNATURES)
    fail(`the checkpoint note has over ${MAX_SIGNATURES} signatures`);
  const signatures = lines.map((line, i) => {
    const match = /^— (\S+) (\S+)$/u.exec(line);
    const bytes = match && strictBase64(match[2]);
    if (!match || !KEY_NAME.test(match[1]) || !bytes || bytes.length < 5) {
      fail(`signature line ${i + 1} of the checkpoint note is malformed`);
    }
    const idHex = bytes.readUInt32BE(0).toString(16).padStart(8, '0');
    return { name: match[1], idHex, signature: bytes.subarray(4) };
  });
  return { text, signatures };
}

function checkSignature(key, text, signature) {
  if (key.type === ED25519) {
    return signature.length === 64 && verify(null, Buffer.from(text), key.key, signature);
  }
  if (signature.length !== 72) return false;
  const time = signature.readBigUInt64BE(0);
  const message = Buffer.from(`cosignature/v1\ntime ${time}\n${text}`);
  return verify(null, message, key.key, signature.subarray(8));
}

function openCheckpoint(note, origin, keys, quorum) {
  const { text, signatures } = parseNote(note);
  const trusted = new Map(keys.map((k) => [`${k.name}+${k.idHex}`, k]));
  const verified = new Set();
  for (const sig of signatures) {
    const id = `${sig.name}+${sig.idHex}`;
    const key = trusted.get(id);
    if (key === undefined) continue;
    if (verified.has(id))
      fail(`the checkpoint note carries two signatures by ${key.role} key ${id}`);
    if (!checkSignature(key, text, sig.signature)) {
      fail(`the signature by ${key.role} key ${id} does not verify over this checkpoint`);
    }
    verified.add(id);
  }
  const byRole = (role) =>
    keys.filter((k) => k.role === role && verified.has(`${k.name}+${k.idHex}`));
  if (byRole('log').length === 0) {
    const names = signatures.map((s) => `${s.name}+${s.idHex}`).join(', ');
    fail(`the checkpoint has no signature by a trusted log key (it is signed by ${names})`);
  }
  const witnesses = byRole('witness').map((k) => k.name);
  if (witnesses.length < quorum) {
    fail(
      `the checkpoint is cosigned by ${witnesses.length} trusted witnesses; ${quorum} are required`,
    );
  }
  const checkpoint = parseCheckpoint(text);
  if (checkpoint.origin !== origin) {
    fail(`the checkpoint is for "${checkpoint.origin}", the export for "${origin}"`);
  }
  return { ...checkpoint, witnesses };
}

function parseCheckpoint(text) {
  const [origin, size, root, ...extensions] = text.slice(0, -1).split('\n');
  const rootBytes = strictBase64(root ?? '');
  if (!origin || !/^(0|[1-9][0-9]*)$/.test(size ?? '') || rootBytes?.length !== 32) {
    fail('the checkpoint text is not an origin, a tree size and a root hash');
  }
  if (extensions.some((line) => line === '')) fail('the checkpoint has an empty extension line');
  return { origin, size: Number(size), root: rootBytes };
}

// ---------------------------------------------------------------- the export

function parseArguments(argv) {
  const options = { file: undefined, logKeys: [], witnessKeys: [], quorum: undefined };
  for (let i = 0; i < argv.length; i += 1) {
    const [flag, value] = [argv[i], argv[i + 1]];
    if (flag === '--log-key' && value) options.logKeys.push(value);
    else if (flag === '--witness-key' && value) options.witnessKeys.push(value);
    else if (flag === '--quorum' && /^\d+$/.test(value ?? '')) options.quorum = Number(value);
    else if (!flag.startsWith('--') && options.file === undefined) {
      options.file = flag;
      continue;
    } else return undefined;
    i += 1;
  }
  return options.file === undefined ? undefined : options;
}

/** The file's JSON lines, one at a time: an export of a million events need not fit in one string. */
function* readLines(file) {
  let fd;
  try {
    fd = file === '-' ? 0 : openSync(file, 'r');
  } catch (error) {
    return fail(`cannot read ${file}: ${error.message}`);
  }
  const chunk = Buffer.alloc(1 << 20);
  const decoder = new StringDecoder('utf8');
  let rest = '';
  let number = 0;
  const parse = (line) => {
    number += 1;
    try {
      return JSON.parse(line);
    } catch {
      return fail(`line ${number} is not JSON`);
    }
  };
  try {
    for (;;) {
      let read;
      try {
        read = readSync(fd, chunk, 0, chunk.length, null);
      } catch (error) {
        if (error.code === 'EAGAIN') continue;
        if (error.code === 'EOF') read = 0;
        else return fail(`cannot read ${file}: ${error.message}`);
      }
      if (read === 0) break;
      const lines = (rest + decoder.write(chunk.subarray(0, read))).split('\n');
      rest = lines.pop();
      for (const line of lines) yield parse(line);
    }
    rest += decoder.end();
    if (rest !== '') yield parse(rest);
  } finally {
    if (fd !== 0) closeSync(fd);
  }
}

/** The RFC 6962 root of leaf hashes given one at a time (a binary counter of perfect subtrees). */
class RootBuilder {
  constructor() {
    this.frontier = [];
    this.size = 0;
  }

  append(hash) {
    let node = hash;
    for (let size = this.size; size % 2 === 1; size = Math.floor(size / 2)) {
      node = hashChildren(this.frontier.pop(), node);
    }
    this.frontier.push(node);
    this.size += 1;
  }

  root() {
    if (this.frontier.length === 0) return sha256();
    return this.frontier.reduceRight((right, left) => hashChildren(left, right));
  }
}

/** The line of the entry holding leaf `index` after line `after`, or -1 (for an error message). */
function lineOfIndex(file, index, after) {
  let line = 0;
  for (const entry of readLines(file)) {
    line += 1;
    if (line > after && entry?.index === index) return line;
  }
  return -1;
}

function verifyExport(options) {
  const lines = readLines(options.file);
  const header = lines.next().value;
  if (header?.format !== 'accord-export/v1') fail('line 1 is not an accord-export/v1 header');
  if (header.kind !== 'complete' && header.kind !== 'partial') {
    fail('the header says neither "complete" nor "partial"');
  }
  const fromCli = options.logKeys.length > 0 || options.witnessKeys.length > 0;
  const trust = fromCli
    ? { logKeys: options.logKeys, witnessKeys: options.witnessKeys, quorum: options.quorum ?? 0 }
    : {
        quorum: 0,
        ...header.trust,
        ...(options.quorum === undefined ? {} : { quorum: options.quorum }),
      };
  const keys = [
    ...(trust.logKeys ?? []).map((k) => parseVerifierKey(k, 'log')),
    ...(trust.witnessKeys ?? []).map((k) => parseVerifierKey(k, 'witness')),
  ];
  if (typeof header.checkpoint !== 'string') fail('the header holds no checkpoint note');
  if (!header.checkpoint.endsWith('\n')) fail('the checkpoint note is truncated');
  const cosignatures = Array.isArray(header.cosignatures) ? header.cosignatures.join('') : '';
  const checkpoint = openCheckpoint(
    header.checkpoint + cosignatures,
    header.origin,
    keys,
    trust.quorum,
  );

  const tree = new RootBuilder();
  let previous;
  let line = 1;
  for (const entry of lines) {
    line += 1;
    const { index, event, proof } = entry ?? {};
    if (!Number.isSafeInteger(index) || index < 0) fail(`line ${line} has no leaf index`);
    const where = `event at index ${index} (line ${line})`;
    if (index >= checkpoint.size) {
      fail(`${where} lies beyond the checkpoint, which covers ${checkpoint.size} events`);
    }
    if (previous !== undefined && index <= previous.index) {
      fail(`${where} comes after index ${previous.index}: the events are out of order`);
    }
    if (header.kind === 'complete' && index !== tree.size) {
      const expected = tree.size;
      const later = lineOfIndex(options.file, expected, line);
      fail(
        later < 0
          ? `${where} follows index ${expected - 1}: the event at index ${expected} is missing`
          : `${where} comes before index ${expected} (line ${later}): the events are out of order`,
      );
    }
    const leafHash = eventLeafHash(event, where);
    const described = `${where}, ${event.stream} revision ${event.revision} position ${event.position}`;
    if (previous !== undefined && event.position <= previous.position) {
      fail(`${described} comes after position ${previous.position}: not in log order`);
    }
    if (proof !== undefined || header.kind === 'partial') {
      const hashes = Array.isArray(proof) ? proof.map(strictBase64) : [undefined];
      if (hashes.some((h) => h?.length !== 32))
        fail(`${described} has no well-formed inclusion proof`);
      const reason = checkInclusion(index, checkpoint.size, leafHash, hashes, checkpoint.root);
      if (reason !== undefined) fail(`${described} is not in the checkpoint: ${reason}`);
    }
    tree.append(leafHash);
    previous = { index, position: event.position };
  }

  if (header.kind === 'complete') {
    if (tree.size !== checkpoint.size) {
      fail(
        `the export holds ${tree.size} events but the checkpoint covers ${checkpoint.size}: events are missing`,
      );
    }
    if (!tree.root().equals(checkpoint.root)) {
      fail(
        'the events do not hash to the checkpoint root: an event was altered, added, removed or moved',
      );
    }
  }
  const cosigned =
    checkpoint.witnesses.length > 0 ? `, cosigned by ${checkpoint.witnesses.join(', ')}` : '';
  return (
    `${tree.size} events of ${header.origin} (${header.kind}) in its checkpoint of ` +
    `${checkpoint.size} events, root ${checkpoint.root.toString('base64')}${cosigned}`
  );
}

function main() {
  const options = parseArguments(process.argv.slice(2));
  if (options === undefined) {
    process.stderr.write(
      'usage: accord-verify <export.jsonl | -> [--log-key <vkey>] [--witness-key <vkey>]... [--quorum <k>]\n',
    );
    return 2;
  }
  try {
    const summary = verifyExport(options);
    process.stdout.write(`verified\n${summary}\n`);
    return 0;
  } catch (error) {
    if (!(error instanceof Failure)) throw error;
    process.stdout.write(`not verified: ${error.message}\n`);
    return 1;
  }
}

if (require.main === module) process.exitCode = main();

module.exports = { verifyExport };
