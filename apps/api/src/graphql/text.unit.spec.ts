import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { IsText } from './text';

class Sample {
  @IsText({ max: 20 })
  title!: string;

  @IsText({ max: 200, multiline: true })
  minutes!: string;

  @IsText({ max: 10, each: true })
  agenda!: string[];
}

const VALID = { title: 'Budget', minutes: 'Quorum present.', agenda: ['One'] };

function check(plain: Record<string, unknown>) {
  const input = plainToInstance(Sample, { ...VALID, ...plain });
  const errors = validateSync(input);
  return {
    input,
    broken: errors.flatMap((e) =>
      Object.entries(e.constraints ?? {}).map(([rule, message]) => ({
        field: e.property,
        rule,
        message,
      })),
    ),
  };
}

describe('IsText: the one rule for free text', () => {
  it.each([
    ['spaces only', '   ', 'isNotEmpty'],
    ['tab and line break only', '\t\n', 'isNotEmpty'],
    ['a zero-width space', '\u200b', 'isNotEmpty'],
    ['a word joiner and a zero-width joiner', '\u2060\u200d', 'isNotEmpty'],
    ['a byte order mark', '\ufeff', 'isNotEmpty'],
    ['a soft hyphen', '\u00ad', 'isNotEmpty'],
    ['a Hangul filler', '\u3164', 'isNotEmpty'],
    ['a Braille blank', '\u2800', 'isNotEmpty'],
    ['a lone combining accent', '\u0301', 'isNotEmpty'],
    ['nothing', '', 'isNotEmpty'],
    ['a NUL', '\u0000', 'hasNoControlCharacters'],
    ['a NUL inside a word', 'Bud\u0000get', 'hasNoControlCharacters'],
    ['a line break inside a title', 'Bud\nget', 'hasNoControlCharacters'],
    ['a line separator inside a title', 'Bud\u2028get', 'hasNoControlCharacters'],
    ['an escape', 'Budget\u001b[31m', 'hasNoControlCharacters'],
    ['a lone high surrogate', '\ud800', 'isWellFormed'],
    ['a lone low surrogate after text', 'Budget \udc00', 'isWellFormed'],
    ['more than max characters', 'x'.repeat(21), 'maxLength'],
  ])('refuses a title of %s, naming one rule', (_, title, rule) => {
    const { broken } = check({ title });
    expect(broken).toEqual([{ field: 'title', rule, message: expect.stringMatching(/^title /) }]);
  });

  it('stores the text trimmed and in NFC', () => {
    const { input, broken } = check({ title: '\u200b  Cafe\u0301 plan \n', agenda: [' One '] });
    expect(broken).toEqual([]);
    expect(input.title).toBe('Café plan');
    expect(input.agenda).toEqual(['One']);
  });

  it('counts the length after trimming', () => {
    expect(check({ title: `  ${'x'.repeat(20)}  ` }).broken).toEqual([]);
  });

  it('allows line breaks and tabs inside multi-line text, and no other control character', () => {
    expect(check({ minutes: 'Item 1:\n\tagreed.\r\nItem 2: deferred.' }).broken).toEqual([]);
    expect(check({ minutes: 'Item 1\u0007' }).broken).toEqual([
      expect.objectContaining({ field: 'minutes', rule: 'hasNoControlCharacters' }),
    ]);
  });

  it('accepts text in any script, emoji sequences and marks on letters', () => {
    for (const title of ['Ελληνικά', '読み書き', 'مرحبا', '👩‍👩‍👧 families', 'e\u0301te\u0301']) {
      expect(check({ title }).broken).toEqual([]);
    }
  });

  it('holds each text of a list to the rules', () => {
    expect(check({ agenda: ['Budget', '\u200b'] }).broken).toEqual([
      {
        field: 'agenda',
        rule: 'isNotEmpty',
        message: 'each of agenda must not be empty, blank or only invisible characters',
      },
    ]);
  });

  it('refuses a value that is not text', () => {
    expect(check({ title: 42 }).broken).toContainEqual(
      expect.objectContaining({ field: 'title', rule: 'isString' }),
    );
  });
});
