import { ArgsType, ID, ObjectType } from '@nestjs/graphql';
import { queriesOf } from '../graphql/resolver-table';
import { IsInt, Matches, Min } from 'class-validator';
import type { AccordContext } from '../graphql/accord-context';
import { ENTITY_ID } from '@accord/domain';
import { field, inputOf, optional, whole } from '../graphql/input-type';
import { InputValidationError } from '../graphql/input-validation';
import * as t from '../graphql/object-type';
import { Visibility } from '../visibility/visibility';
import { treeFor } from './tree-access';
import { TransparencyRequestError, TransparencyService } from '@accord/transparency-log';
import { NotFoundError } from '../ledger/ledger.errors';

const position = () =>
  t.integerText('Global position of the event (a string: it may exceed 2^31).');

@ObjectType({ description: 'A signed checkpoint of one tree (C2SP tlog-checkpoint, signed note).' })
export class LogCheckpoint extends t.fieldsOf()({
  origin: t.text('<host>/initiative/<id> or <host>/directory'),
  size: t.int(),
  rootHash: t.text('The root hash, base64.'),
  note: t.text('The signed note, with the cosignatures collected for it.'),
  signedAt: t.text(),
  logKey: t.text("The log's verifier key for this origin (<name>+<key ID>+<key>)."),
}) {}

@ObjectType({ description: 'RFC 9162 inclusion proof of one event in a checkpoint of its tree.' })
export class InclusionProof extends t.fieldsOf()({
  origin: t.text(),
  leafIndex: t.int(),
  treeSize: t.int(),
  position: position(),
  eventId: t.text(),
  leafHash: t.text('SHA-256(0x00 || leaf), base64.'),
  hashes: t.list(t.text(), 'Sibling hashes from the leaf up, base64.'),
  checkpoint: t.of(LogCheckpoint),
}) {}

@ObjectType({
  description: 'RFC 9162 consistency proof: the tree of fromSize is a prefix of toSize.',
})
export class ConsistencyProof extends t.fieldsOf()({
  origin: t.text(),
  fromSize: t.int(),
  toSize: t.int(),
  hashes: t.list(t.text()),
  checkpoint: t.of(LogCheckpoint),
}) {}

@ObjectType({
  description:
    "Whether an event is covered by a checkpoint that meets its tree's witness policy (k of n partner witnesses).",
})
export class WitnessCoverage extends t.fieldsOf()({
  origin: t.text(),
  position: position(),
  eventId: t.text(),
  leafIndex: t.int(),
  policy: t.nullable(
    t.text('"<k> of <n> witnesses: <names>", or null when the governance set no policy.'),
  ),
  covered: t.bool(
    'A stored checkpoint that includes the event is cosigned by at least k of the policy witnesses.',
  ),
  checkpointSize: t.nullable(
    t.int('That checkpoint, or the one cosigned by the most policy witnesses so far.'),
  ),
  cosignedBy: t.list(t.text(), 'Policy witnesses whose cosignature of it verifies.'),
}) {}

const tree = (description?: string) =>
  optional(
    field<string>(
      () => ID,
      description,
      Matches(ENTITY_ID, { message: 'initiativeId must be an entity id' }),
    ),
  );
const size = (description?: string) => whole(description, IsInt(), Min(1));
const TREE = { initiativeId: tree("The initiative's tree; the directory's when omitted.") };
const CHECKPOINT = {
  ...TREE,
  treeSize: optional(size('That size; the last checkpoint when omitted.')),
};
/** The event asked about, by position or by event id. */
const EVENT = {
  position: optional(
    field<string>(
      () => String,
      'The event by global position...',
      Matches(/^[1-9][0-9]{0,14}$/, { message: 'position must be a positive whole number' }),
    ),
  ),
  eventId: optional(
    field<string>(
      () => String,
      '...or by event id.',
      Matches(/^[A-Za-z0-9_.:-]{1,200}$/, { message: 'eventId must be an event id' }),
    ),
  ),
};

@ArgsType()
export class CheckpointArgs extends inputOf(CHECKPOINT, true) {}

@ArgsType()
export class InclusionProofArgs extends inputOf({ ...CHECKPOINT, ...EVENT }, true) {}

@ArgsType()
export class WitnessCoverageArgs extends inputOf({ ...TREE, ...EVENT }, true) {}

@ArgsType()
export class ConsistencyProofArgs extends inputOf(
  {
    initiativeId: tree(),
    fromSize: size(),
    toSize: optional(size('The last checkpoint when omitted.')),
  },
  true,
) {}

/** The answer from the tree asked about; an argument given as null counts as left out. */
async function fromTree<T>(
  visibility: Visibility,
  context: AccordContext,
  initiativeId: string | null | undefined,
  work: (tree: string) => Promise<T>,
): Promise<T> {
  const { actor } = visibility.viewerOf(context);
  try {
    return await work(await treeFor(visibility, actor, initiativeId ?? undefined));
  } catch (error) {
    if (!(error instanceof TransparencyRequestError)) throw error;
    if (error.kind !== 'bad_input') throw new NotFoundError('checkpoint', error.message);
    throw new InputValidationError([
      { field: error.field ?? 'input', rule: 'range', message: error.message },
    ]);
  }
}

/** Checkpoints and proofs in GraphQL; the same answers as the HTTP endpoints. */
export const TransparencyResolver = queriesOf([Visibility, TransparencyService], {
  logCheckpoint: {
    type: () => LogCheckpoint,
    description: "The last signed checkpoint of an initiative's tree (or of the directory's).",
    args: CheckpointArgs,
    resolve: (args, context, visibility, service) =>
      fromTree(visibility, context, args.initiativeId, (tree) =>
        service.checkpoint(tree, args.treeSize ?? undefined),
      ),
  },
  inclusionProof: {
    type: () => InclusionProof,
    description: 'Proof that an event is in a checkpoint of its tree.',
    args: InclusionProofArgs,
    resolve: (args, context, visibility, service) =>
      fromTree(visibility, context, args.initiativeId, (tree) =>
        service.inclusion(tree, event(args), args.treeSize ?? undefined),
      ),
  },
  witnessCoverage: {
    type: () => WitnessCoverage,
    description:
      "Whether an event is covered by a checkpoint cosigned by a quorum of its tree's witness policy.",
    args: WitnessCoverageArgs,
    resolve: (args, context, visibility, service) =>
      fromTree(visibility, context, args.initiativeId, (tree) =>
        service.coverage(tree, event(args)),
      ),
  },
  consistencyProof: {
    type: () => ConsistencyProof,
    description: 'Proof that one checkpoint of a tree extends another.',
    args: ConsistencyProofArgs,
    resolve: (args, context, visibility, service) =>
      fromTree(visibility, context, args.initiativeId, (tree) =>
        service.consistency(tree, args.fromSize, args.toSize ?? undefined),
      ),
  },
});

/** The event asked about, by exactly one of position and eventId (null counts as left out). */
function event({ position, eventId }: { position?: string | null; eventId?: string | null }) {
  if ((position == null) === (eventId == null)) {
    throw new InputValidationError([
      { field: 'position', rule: 'exactlyOne', message: 'give either position or eventId' },
    ]);
  }
  return {
    position: position == null ? undefined : Number(position),
    eventId: eventId ?? undefined,
  };
}
