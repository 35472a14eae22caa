import {
  COSIGNATURE_V1,
  ED25519,
  addSignatureLines,
  generateSignerKey,
  openNote,
  parseSignerKey,
  parseVerifierKey,
  signNote,
  verifierKey,
} from './signed-note';
import {
  C2SP_EXAMPLE,
  ENOCH,
  GO_ENOCH_SIGNATURE_LINE,
  GO_NOTE_TEXT,
  GO_PETER_SIGNATURE_LINE,
  PETER,
} from './test-vectors/signed-note.vectors';
import { codeOf, keyMaterial } from './testing/spec-helpers';

const peter = parseVerifierKey(PETER.verifierKey);
const enoch = parseVerifierKey(ENOCH.verifierKey);
const peterNote = GO_NOTE_TEXT + '\n' + GO_PETER_SIGNATURE_LINE;
const bothNote = peterNote + GO_ENOCH_SIGNATURE_LINE;

describe('signed notes against the published examples', () => {
  it('signs the Go example text into exactly the published note', () => {
    expect(signNote(GO_NOTE_TEXT, [parseSignerKey(PETER.signerKey)])).toBe(peterNote);
  });

  it('verifies the published notes with their published keys', () => {
    expect(openNote(peterNote, [peter]).verified).toEqual([
      { name: 'PeterNeumann', keyId: 0xc74f20a3, type: ED25519 },
    ]);
    const opened = openNote(C2SP_EXAMPLE.note, [parseVerifierKey(C2SP_EXAMPLE.verifierKey)]);
    expect(opened.text).toBe('This is an example message.\n');
    expect(opened.verified.map((s) => s.name)).toEqual(['example.com/foo']);
  });

  it('ignores signatures by keys it was not given, and checks each key it was given', () => {
    const onlyPeter = openNote(bothNote, [peter]);
    expect(onlyPeter.verified.map((s) => s.name)).toEqual(['PeterNeumann']);
    expect(onlyPeter.unknown.map((s) => s.name)).toEqual(['EnochRoot']);
    expect(openNote(bothNote, [peter, enoch]).verified.map((s) => s.name)).toEqual([
      'PeterNeumann',
      'EnochRoot',
    ]);
  });

  it('rejects the published notes once any byte of their text changes', () => {
    const c2sp = parseVerifierKey(C2SP_EXAMPLE.verifierKey);
    for (let i = 0; i < 'This is an example message.'.length; i += 1) {
      const changed =
        C2SP_EXAMPLE.note.slice(0, i) +
        String.fromCharCode(C2SP_EXAMPLE.note.charCodeAt(i) ^ 1) +
        C2SP_EXAMPLE.note.slice(i + 1);
      expect(codeOf(() => openNote(changed, [c2sp]))).toBe('NOTE.BAD_SIGNATURE');
    }
    expect(codeOf(() => openNote(peterNote.replace('answer', 'Answer'), [peter]))).toBe(
      'NOTE.BAD_SIGNATURE',
    );
  });

  it('rejects a note signed only by keys it does not trust', () => {
    expect(codeOf(() => openNote(bothNote, []))).toBe('NOTE.NO_TRUSTED_SIGNATURE');
    const other = parseVerifierKey(generateSignerKey('PeterNeumann').verifierKey);
    expect(codeOf(() => openNote(peterNote, [other]))).toBe('NOTE.NO_TRUSTED_SIGNATURE');
  });

  it('rejects every truncation of a note', () => {
    for (let length = 0; length < peterNote.length; length += 1) {
      expect(codeOf(() => openNote(peterNote.slice(0, length), [peter]))).toMatch(
        /^NOTE\.(MALFORMED|BAD_SIGNATURE)$/,
      );
    }
  });

  it('rejects malformed notes as the Go implementation does', () => {
    const bad = [
      GO_NOTE_TEXT,
      GO_NOTE_TEXT + '\n',
      GO_NOTE_TEXT + '\n' + GO_PETER_SIGNATURE_LINE.slice(0, -1),
      '\x01' + peterNote,
      GO_NOTE_TEXT + '\n' + GO_PETER_SIGNATURE_LINE.replace('PeterNeumann', 'Bad Name'),
      peterNote + 'Unexpected line.\n',
      peterNote.replace('— ', '-- '),
      peterNote.replace('x08go', 'x08g!'),
    ];
    for (const note of bad) expect(codeOf(() => openNote(note, [peter]))).toBe('NOTE.MALFORMED');
    const invalidUtf8 = Buffer.concat([Buffer.from([0xff]), Buffer.from(peterNote)]);
    expect(codeOf(() => openNote(invalidUtf8, [peter]))).toBe('NOTE.MALFORMED');
    expect(codeOf(() => openNote(Buffer.from(peterNote), [peter]))).toBeUndefined();
  });

  it('rejects duplicated signature lines of a trusted key and too many signatures', () => {
    expect(codeOf(() => openNote(peterNote + GO_PETER_SIGNATURE_LINE, [peter]))).toBe(
      'NOTE.DUPLICATE_SIGNATURE',
    );
    const many =
      GO_NOTE_TEXT + '\n' + GO_ENOCH_SIGNATURE_LINE.repeat(100) + GO_PETER_SIGNATURE_LINE;
    expect(codeOf(() => openNote(many, [peter]))).toBe('NOTE.TOO_MANY_SIGNATURES');
    expect(codeOf(() => openNote(many.replace(GO_ENOCH_SIGNATURE_LINE, ''), [peter]))).toBe(
      undefined,
    );
  });

  it('rejects two trusted keys with the same name and key ID', () => {
    expect(codeOf(() => openNote(peterNote, [enoch, peter, enoch]))).toBe('KEY.AMBIGUOUS');
  });
});

describe('note keys', () => {
  it('rejects every truncation and every changed character of a verifier key', () => {
    const key = PETER.verifierKey;
    for (let i = 0; i <= key.length; i += 1) {
      for (let j = i + 1; j <= key.length; j += 1) {
        if (i !== 0 || j !== key.length) {
          expect(codeOf(() => parseVerifierKey(key.slice(i, j)))).toBe('KEY.MALFORMED');
        }
      }
    }
    for (let i = 0; i < key.length; i += 1) {
      const changed =
        key.slice(0, i) + String.fromCharCode(key.charCodeAt(i) + 1) + key.slice(i + 1);
      expect(codeOf(() => parseVerifierKey(changed))).toBe('KEY.MALFORMED');
    }
  });

  it('rejects a signer key that does not match its key ID', () => {
    expect(codeOf(() => parseSignerKey(PETER.signerKey.replace('c74f20a3', 'c74f20a4')))).toBe(
      'KEY.MALFORMED',
    );
    expect(codeOf(() => parseSignerKey(PETER.signerKey.replace('PRIVATE+KEY+', '')))).toBe(
      'KEY.MALFORMED',
    );
  });

  it('generates key pairs whose signatures verify and whose key IDs follow the spec', () => {
    const { signerKey, verifierKey: vkey } = generateSignerKey('accord.example/initiative/i-1');
    const note = signNote('hello\n', [parseSignerKey(signerKey)]);
    expect(openNote(note, [parseVerifierKey(vkey)]).text).toBe('hello\n');
    const publicKey = Buffer.from(keyMaterial(vkey), 'base64').subarray(1);
    expect(verifierKey('accord.example/initiative/i-1', ED25519, publicKey)).toBe(vkey);
    // The same key under the cosignature type gets another key ID (its type byte is hashed).
    const asCosigner = verifierKey('accord.example/initiative/i-1', COSIGNATURE_V1, publicKey);
    expect(asCosigner.split('+')[1]).not.toBe(vkey.split('+')[1]);
  });

  it('needs a clock for a cosigner key', () => {
    const { signerKey } = generateSignerKey('witness.example/w1', COSIGNATURE_V1);
    expect(codeOf(() => parseSignerKey(signerKey))).toBe('KEY.MALFORMED');
    expect(parseSignerKey(signerKey, () => 1_700_000_000).type).toBe(COSIGNATURE_V1);
  });

  it('adds cosignature lines only when the result is still a well-formed note', () => {
    expect(addSignatureLines(peterNote, [GO_ENOCH_SIGNATURE_LINE])).toBe(bothNote);
    expect(codeOf(() => addSignatureLines(peterNote, ['— EnochRoot'.concat('\n')]))).toBe(
      'NOTE.MALFORMED',
    );
  });
});
