import { ENTITY_ID } from '@accord/domain';
import { applyDecorators } from '@nestjs/common';
import { IsInt, IsISO8601, Matches, Max, Min, ValidateBy } from 'class-validator';

/**
 * The ranges input values must fall in, in one place ("Limits" in docs/api-reference.md lists
 * them). A value outside is BAD_USER_INPUT naming its field, like a malformed one.
 */
export const INPUT_BOUNDS = {
  /** Acts of governance (occurredAt, a meeting's heldAt, terms, due, review and end dates). */
  earliestDay: '2000-01-01',
  /** Baselines, targets and measured periods may reach back to older data. */
  earliestMeasuredDay: '1900-01-01',
  /** The last day any date may name: due dates, terms and targets plan ahead, not forever. */
  latestDay: '2099-12-31',
  /** How far ahead of the ledger's clock a business time may be: a clock a few minutes fast. */
  futureToleranceMs: 5 * 60 * 1000,
  /** Hours of work one commitment pledges, with at most two decimals. */
  maxHours: 1_000_000,
  /** Risk likelihood and impact scores. */
  score: { min: 1, max: 5 },
} as const;

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A rule of class-validator: its name, the test a value passes, and the message otherwise. */
export const rule = (name: string, validate: (value: unknown) => boolean, message: string) =>
  ValidateBy({ name, validator: { validate } }, { message });

/** An entity or partner id, as the domain defines one. */
export const IsEntityId = () =>
  Matches(ENTITY_ID, {
    message:
      '$property must be 1-128 letters, digits, "_", ".", ":" or "-", starting with a letter or digit',
  });

/** A decimal number as a string, never a float: the shape the domain accepts. */
export const IsDecimalString = () =>
  Matches(/^-?\d{1,18}(\.\d{1,12})?$/, {
    message: '$property must be a decimal number such as -3.5 or 72.25 (a string, not a float)',
  });

/** A calendar day YYYY-MM-DD from `earliest` to INPUT_BOUNDS.latestDay. */
export function IsDay(earliest: string = INPUT_BOUNDS.earliestDay): PropertyDecorator {
  const latest = INPUT_BOUNDS.latestDay;
  return applyDecorators(
    Matches(DAY, { message: '$property must be a calendar date YYYY-MM-DD' }),
    // Days in this form compare as text; a malformed one is reported by the rule above.
    rule(
      'isDayInRange',
      (value) =>
        typeof value !== 'string' || !DAY.test(value) || (value >= earliest && value <= latest),
      `$property must be a day from ${earliest} to ${latest}`,
    ),
  );
}

/** Days of measured data: baselines, targets and measurement periods. */
export const IsMeasuredDay = () => IsDay(INPUT_BOUNDS.earliestMeasuredDay);

/**
 * An ISO 8601 instant of business time, not before INPUT_BOUNDS.earliestDay. That it is not in
 * the future is checked against the ledger's clock, by Commands.envelope.
 */
export function IsBusinessTime(): PropertyDecorator {
  const earliest = Date.parse(`${INPUT_BOUNDS.earliestDay}T00:00:00Z`);
  return applyDecorators(
    IsISO8601(
      { strict: true, strictSeparator: true },
      { message: '$property must be an ISO 8601 date-time' },
    ),
    rule(
      'isTimeInRange',
      (value) => {
        const time = typeof value === 'string' ? Date.parse(value) : NaN;
        return Number.isNaN(time) || time >= earliest;
      },
      `$property must not be before ${INPUT_BOUNDS.earliestDay}`,
    ),
  );
}

/**
 * Hours of work: 0 to INPUT_BOUNDS.maxHours, at most two decimals. Decimals are counted on the
 * value itself, not its text, which is exponential (1e-7) for very small or large numbers.
 */
export function IsHours(): PropertyDecorator {
  return applyDecorators(
    rule(
      'isHours',
      (value) =>
        typeof value === 'number' && Number.isFinite(value) && Number(value.toFixed(2)) === value,
      '$property must be a number of hours with at most two decimals',
    ),
    Min(0, { message: '$property must not be negative' }),
    Max(INPUT_BOUNDS.maxHours, { message: `$property must be at most ${INPUT_BOUNDS.maxHours}` }),
  );
}

/** A risk score: a whole number from 1 to 5. */
export function IsScore(): PropertyDecorator {
  const { min, max } = INPUT_BOUNDS.score;
  const message = `$property must be a whole number from ${min} to ${max}`;
  return applyDecorators(IsInt({ message }), Min(min, { message }), Max(max, { message }));
}
