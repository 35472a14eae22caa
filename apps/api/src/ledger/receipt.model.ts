import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

/** What the ledger gives back for an accepted command: where it was written, and its hash. */
@ObjectType({
  description:
    'Proof that a command was recorded: its place in the ledger and the hash of its last event.',
})
export class Receipt {
  @Field(() => ID)
  commandId!: string;

  @Field({ description: 'The stream written, <category>-<id>.' })
  stream!: string;

  @Field(() => Int, {
    description: 'The stream revision after the command: pass it as expectedRevision next time.',
  })
  revision!: number;

  @Field({ description: 'Global position of the last event written (a decimal integer).' })
  position!: string;

  @Field({ description: 'SHA-256 chain hash of the last event written.' })
  hash!: string;

  @Field({
    description: 'True when this command id had already been recorded: nothing new was written.',
  })
  duplicate!: boolean;
}

/** How a mutation payload's entity fields say when they may be null. */
export const WITHHELD =
  'Null when you may not see it now (say, after stepping down from your last role in its initiative); extensions.redacted says so.';
