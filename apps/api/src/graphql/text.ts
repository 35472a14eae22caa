import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsString, MaxLength, ValidateBy } from 'class-validator';

export interface TextRules {
  /** Most UTF-16 code units, after trimming. */
  max: number;
  /** Long prose (minutes, agreement text, reasons): line breaks and tabs allowed inside. */
  multiline?: boolean;
  /** The field is a list of texts, each held to these rules. */
  each?: boolean;
}

/** A surrogate not paired with its other half: ill-formed UTF-16 that no encoder can store faithfully. */
const LONE_SURROGATE = /\p{Cs}/u;
const CONTROL_IN_LINE = /[\p{Cc}\p{Zl}\p{Zp}]/u;
const CONTROL_IN_PROSE = /(?![\t\n\r])\p{Cc}/u;
/**
 * A character that shows: a letter, digit, punctuation or symbol that is not ignorable. Hangul
 * fillers are letters and the Braille blank a symbol, yet both render as nothing.
 */
const VISIBLE = /(?![\p{Default_Ignorable_Code_Point}\u2800])[\p{L}\p{N}\p{P}\p{S}]/u;
/** Whitespace and the zero-width characters that only pad: nothing a reader could tell apart. */
const PADDING = /^[\s\u200B\u2060]+|[\s\u200B\u2060]+$/gu;

/** NFC, without padding at either end; ill-formed text is left as it is for the rules to refuse. */
export function normaliseText(value: unknown): unknown {
  if (typeof value !== 'string' || LONE_SURROGATE.test(value)) return value;
  return value.normalize('NFC').replace(PADDING, '');
}

type TextRule = 'isWellFormed' | 'hasNoControlCharacters' | 'isNotEmpty';

/** The first rule a (normalised) text breaks, or null. */
export function textProblem(text: string, multiline = false): TextRule | null {
  if (LONE_SURROGATE.test(text)) return 'isWellFormed';
  if ((multiline ? CONTROL_IN_PROSE : CONTROL_IN_LINE).test(text)) return 'hasNoControlCharacters';
  if (!VISIBLE.test(text)) return 'isNotEmpty';
  return null;
}

const MESSAGES: Record<TextRule, (multiline: boolean) => string> = {
  isWellFormed: () => 'must be well-formed Unicode (it has an unpaired surrogate)',
  hasNoControlCharacters: (multiline) =>
    multiline
      ? 'must not contain control characters other than line breaks and tabs'
      : 'must be one line without control characters',
  isNotEmpty: () => 'must not be empty, blank or only invisible characters',
};

function textRule(name: TextRule, rules: TextRules): PropertyDecorator {
  const multiline = rules.multiline ?? false;
  return ValidateBy(
    {
      name,
      validator: {
        // Each rule reports only the first problem, so a text breaks one rule at a time.
        validate: (value: unknown) =>
          typeof value !== 'string' || textProblem(value, multiline) !== name,
      },
    },
    {
      each: rules.each,
      message: `${rules.each ? 'each of ' : ''}$property ${MESSAGES[name](multiline)}`,
    },
  );
}

/**
 * Free text a person writes: stored normalised (NFC, trimmed) and refused when it is empty,
 * blank or invisible, holds control characters (line breaks and tabs only in multi-line text),
 * is ill-formed UTF-16, or is longer than `max`. Every free-text input field uses it.
 */
export function IsText(rules: TextRules): PropertyDecorator {
  const each = rules.each ? 'each of ' : '';
  return applyDecorators(
    Transform(({ value }: { value: unknown }) =>
      Array.isArray(value) && rules.each ? value.map(normaliseText) : normaliseText(value),
    ),
    IsString({ each: rules.each, message: `${each}$property must be text` }),
    textRule('isWellFormed', rules),
    textRule('hasNoControlCharacters', rules),
    textRule('isNotEmpty', rules),
    MaxLength(rules.max, {
      each: rules.each,
      message: `${each}$property must be at most ${rules.max} characters`,
    }),
  );
}
