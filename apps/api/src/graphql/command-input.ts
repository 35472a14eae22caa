import { ID } from '@nestjs/graphql';
import { IsInt, Matches, Min } from 'class-validator';
import { IsBusinessTime } from './input-bounds';
import {
  entityId,
  field,
  inputOf,
  type InputField,
  type InputShape,
  optional,
  whole,
} from './input-type';

const COMMAND_ID = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$/;

/** Fields every mutation input shares, after its own. */
const COMMAND_FIELDS = {
  commandId: optional(
    field<string>(
      () => ID,
      'Makes retries safe: resending the same commandId with the same input writes nothing new and returns the first receipt; with another input it is CONFLICT (COMMAND_ID_REUSED).',
      Matches(COMMAND_ID, {
        message: 'commandId must be 1-128 letters, digits, "_", ".", ":" or "-"',
      }),
    ),
  ),
  occurredAt: optional(
    field<string>(
      () => String,
      'Business time of the act (ISO 8601), e.g. when the meeting decided; defaults to now. From 2000-01-01, and not in the future.',
      IsBusinessTime(),
    ),
  ),
};
/**
 * The id of the entity a command creates, when the client chooses it; otherwise the command's
 * data holds one derived from the commandId for `kind`.
 */
export const chosenId = (kind: string) => ({
  ...optional(entityId('Choose the id, or let the ledger derive one from the commandId.')),
  derivedAs: kind,
});

export type CommandInput = InputShape<typeof COMMAND_FIELDS>;

/** One of a command input's own fields: optional ones are null when absent, or derived. */
export interface OwnField {
  name: string;
  nullable: boolean;
  derivedAs?: string;
}

/** Each command input's own fields, in order. */
const OWN_FIELDS = new WeakMap<object, OwnField[]>();
/** The own fields of `input` (a subclass of a command input's base). */
export const ownFieldsOf = (input: object) =>
  OWN_FIELDS.get(Object.getPrototypeOf(input) as object)!;

function withOwn<S extends Record<string, InputField<unknown>>, T extends object>(own: S, type: T) {
  const fields = Object.entries(own).map(([name, field]) => ({
    name,
    nullable: field.nullable === true,
    derivedAs: (field as { derivedAs?: string }).derivedAs,
  }));
  OWN_FIELDS.set(type, fields);
  return type;
}

/** The input of a command: its own fields, then commandId and occurredAt. */
export const commandInput = <S extends Record<string, InputField<unknown>>>(fields: S) =>
  withOwn(fields, inputOf({ ...fields, ...COMMAND_FIELDS }));

/** Commands on an entity that already exists may name the revision they were decided on. */
export const entityCommandInput = <S extends Record<string, InputField<unknown>>>(fields: S) =>
  withOwn(
    fields,
    inputOf({
      ...fields,
      ...COMMAND_FIELDS,
      expectedRevision: optional(
        whole(
          'Optimistic concurrency: fail with CONFLICT unless the entity is still at this revision.',
          IsInt(),
          Min(0),
        ),
      ),
    }),
  );
