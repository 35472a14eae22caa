import { COSIGNATURE_V1, ED25519, generateSignerKey } from '@accord/transparency';
import { parseWitnessPolicy } from './witness-policy';

const a = generateSignerKey('a.example/witness', COSIGNATURE_V1).verifierKey;
const b = generateSignerKey('b.example/witness', COSIGNATURE_V1).verifierKey;
const logKey = generateSignerKey('accord.test/directory', ED25519).verifierKey;

describe('a witness policy file', () => {
  it('reads witnesses and a quorum, ignoring comments and blank lines', () => {
    const policy = parseWitnessPolicy(
      `# steering group\nwitness a ${a}\n\nwitness b ${b} # the library\nquorum 2\n`,
      'p.policy',
    );
    expect(policy.witnesses.map((w) => w.name)).toEqual(['a', 'b']);
    expect(policy.quorum).toBe(2);
  });

  it.each([
    [`witness a ${a}\n`, 'p.policy: no "quorum <k>" line'],
    [`witness a ${a}\nquorum 2\n`, 'p.policy: quorum 2 must be from 1 to the 1 witnesses listed'],
    [`witness a ${a}\nquorum 0\n`, 'p.policy: quorum 0 must be from 1 to the 1 witnesses listed'],
    [`witness a ${a}\nwitness a ${b}\nquorum 1\n`, 'p.policy line 2: witness a twice'],
    [
      `witness a ${logKey}\nquorum 1\n`,
      'p.policy line 1: the key of witness a must be a cosignature/v1 (type 0x04) key',
    ],
    [
      `witness a not-a-key\nquorum 1\n`,
      /^p\.policy line 1: the key of witness a is not a verifier key/,
    ],
    [`quorum 1\nquorum 1\n`, 'p.policy line 2: a second quorum line'],
    [
      `log ${logKey}\n`,
      'p.policy line 1: expected "witness <name> <verifier key>" or "quorum <k>"',
    ],
  ])('refuses %j, saying which line and rule', (text, message) => {
    expect(() => parseWitnessPolicy(text, 'p.policy')).toThrow(message);
  });
});
