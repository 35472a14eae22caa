/** One run of words the two texts share, or that only one of them has. */
export interface DiffPart {
  kind: 'same' | 'removed' | 'added';
  text: string;
}

/** Beyond this many words on each side the diff compares whole lines instead (LCS is n × m). */
const MAX_WORDS = 3_000;

/**
 * A word-by-word diff of two versions of a text (longest common subsequence), whitespace kept
 * with the word before it, so joining the parts of one side gives that side back.
 */
export function diffText(before: string, after: string): DiffPart[] {
  let split = (text: string) => text.match(/\S+\s*|\s+/g) ?? [];
  if (split(before).length > MAX_WORDS || split(after).length > MAX_WORDS)
    split = (text) => text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
  const a = split(before);
  const b = split(after);
  // lengths[i][j]: the longest common run of a[i..] and b[j..].
  const lengths = Array.from({ length: a.length + 1 }, () =>
    new Array<number>(b.length + 1).fill(0),
  );
  for (let i = a.length - 1; i >= 0; i--)
    for (let j = b.length - 1; j >= 0; j--)
      lengths[i]![j] =
        a[i] === b[j]
          ? lengths[i + 1]![j + 1]! + 1
          : Math.max(lengths[i + 1]![j]!, lengths[i]![j + 1]!);
  const parts: DiffPart[] = [];
  const push = (kind: DiffPart['kind'], text: string) => {
    const last = parts[parts.length - 1];
    if (last?.kind === kind) last.text += text;
    else parts.push({ kind, text });
  };
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      push('same', a[i]!);
      i++;
      j++;
    } else if (i < a.length && (j === b.length || lengths[i + 1]![j]! >= lengths[i]![j + 1]!)) {
      // What was removed reads before what replaced it.
      push('removed', a[i]!);
      i++;
    } else {
      push('added', b[j]!);
      j++;
    }
  }
  return parts;
}
