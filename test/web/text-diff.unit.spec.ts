import { diffText } from '../../apps/web/src/text-diff';

describe('the word diff between two versions of an agreement', () => {
  it('marks the words replaced, removed first, and keeps the rest', () => {
    expect(
      diffText(
        'We meet monthly. Snacks at every club.',
        'We meet every two weeks. Snacks at every club.',
      ),
    ).toEqual([
      { kind: 'same', text: 'We meet ' },
      { kind: 'removed', text: 'monthly. ' },
      { kind: 'added', text: 'every two weeks. ' },
      { kind: 'same', text: 'Snacks at every club.' },
    ]);
  });

  it('gives each side back when its parts are joined, and nothing changed for equal texts', () => {
    const before = 'One two three\nfour five';
    const after = 'One three\nfour five six';
    const parts = diffText(before, after);
    const side = (kind: 'removed' | 'added') =>
      parts
        .filter((p) => p.kind !== kind)
        .map((p) => p.text)
        .join('');
    expect(side('added')).toBe(before);
    expect(side('removed')).toBe(after);
    expect(diffText(before, before)).toEqual([{ kind: 'same', text: before }]);
  });
});
