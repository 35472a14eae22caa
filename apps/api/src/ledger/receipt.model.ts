import { type Type } from '@nestjs/common';
import { ObjectType } from '@nestjs/graphql';
import * as t from '../graphql/object-type';

/** What the ledger gives back for an accepted command: where it was written, and its hash. */
@ObjectType({
  description:
    'Proof that a command was recorded: its place in the ledger and the hash of its last event.',
})
export class Receipt extends t.fieldsOf()({
  commandId: t.id(),
  stream: t.text('The stream written, <category>-<id>.'),
  revision: t.int('The stream revision after the command: pass it as expectedRevision next time.'),
  position: t.text('Global position of the last event written (a decimal integer).'),
  hash: t.text('SHA-256 chain hash of the last event written.'),
  duplicate: t.bool(
    'True when this command id had already been recorded: nothing new was written.',
  ),
}) {}

/** How a mutation payload's entity fields say when they may be null. */
export const WITHHELD =
  'Null when you may not see it now (say, after stepping down from your last role in its initiative); extensions.redacted says so.';

/** A mutation's payload: its receipt, and what it wrote, each entity null when WITHHELD. */
export const payloadOf = <E extends Record<string, Type<unknown>>>(entities: E) =>
  t.fieldsOf()({
    receipt: t.of(Receipt),
    ...Object.fromEntries(
      Object.entries(entities).map(([k, type]) => [k, t.nullable(type, WITHHELD)]),
    ),
  }) as Type<{ receipt: Receipt } & { [K in keyof E]: InstanceType<E[K]> | null }>;
