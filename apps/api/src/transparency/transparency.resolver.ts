import { type Type } from '@nestjs/common';
import {
  Args,
  ArgsType,
  Context,
  Field,
  ID,
  Int,
  ObjectType,
  Query,
  Resolver,
} from '@nestjs/graphql';
import { IsInt, IsOptional, Matches, Min } from 'class-validator';
import type { AccordContext } from '../graphql/accord-context';
import { ENTITY_ID } from '../graphql/id';
import { InputValidationError } from '../graphql/input-validation';
import { Visibility } from '../visibility/visibility';
import { treeFor } from './tree-access';
import { TransparencyRequestError, TransparencyService } from '@accord/transparency-log';
import { NotFoundError } from '../ledger/ledger.errors';

@ObjectType({ description: 'A signed checkpoint of one tree (C2SP tlog-checkpoint, signed note).' })
export class LogCheckpoint {
  @Field({ description: '<host>/initiative/<id> or <host>/directory' })
  origin!: string;
  @Field(() => Int)
  size!: number;
  @Field({ description: 'The root hash, base64.' })
  rootHash!: string;
  @Field({ description: 'The signed note, with the cosignatures collected for it.' })
  note!: string;
  @Field()
  signedAt!: string;
  @Field({ description: "The log's verifier key for this origin (<name>+<key ID>+<key>)." })
  logKey!: string;
}

@ObjectType({ description: 'RFC 9162 inclusion proof of one event in a checkpoint of its tree.' })
export class InclusionProof {
  @Field()
  origin!: string;
  @Field(() => Int)
  leafIndex!: number;
  @Field(() => Int)
  treeSize!: number;
  @Field({ description: 'Global position of the event (a string: it may exceed 2^31).' })
  position!: string;
  @Field()
  eventId!: string;
  @Field({ description: 'SHA-256(0x00 || leaf), base64.' })
  leafHash!: string;
  @Field(() => [String], { description: 'Sibling hashes from the leaf up, base64.' })
  hashes!: string[];
  @Field(() => LogCheckpoint)
  checkpoint!: LogCheckpoint;
}

@ObjectType({
  description: 'RFC 9162 consistency proof: the tree of fromSize is a prefix of toSize.',
})
export class ConsistencyProof {
  @Field()
  origin!: string;
  @Field(() => Int)
  fromSize!: number;
  @Field(() => Int)
  toSize!: number;
  @Field(() => [String])
  hashes!: string[];
  @Field(() => LogCheckpoint)
  checkpoint!: LogCheckpoint;
}

@ObjectType({
  description:
    "Whether an event is covered by a checkpoint that meets its tree's witness policy (k of n partner witnesses).",
})
export class WitnessCoverage {
  @Field()
  origin!: string;
  @Field({ description: 'Global position of the event (a string: it may exceed 2^31).' })
  position!: string;
  @Field()
  eventId!: string;
  @Field(() => Int)
  leafIndex!: number;
  @Field(() => String, {
    nullable: true,
    description: '"<k> of <n> witnesses: <names>", or null when the governance set no policy.',
  })
  policy!: string | null;
  @Field({
    description:
      'A stored checkpoint that includes the event is cosigned by at least k of the policy witnesses.',
  })
  covered!: boolean;
  @Field(() => Int, {
    nullable: true,
    description: 'That checkpoint, or the one cosigned by the most policy witnesses so far.',
  })
  checkpointSize!: number | null;
  @Field(() => [String], { description: 'Policy witnesses whose cosignature of it verifies.' })
  cosignedBy!: string[];
}

const ID_RULE = { message: 'initiativeId must be an entity id' };

@ArgsType()
export class TreeArgs {
  @Field(() => ID, {
    nullable: true,
    description: "The initiative's tree; the directory's when omitted.",
  })
  @IsOptional()
  @Matches(ENTITY_ID, ID_RULE)
  initiativeId?: string;
}

@ArgsType()
export class CheckpointArgs extends TreeArgs {
  @Field(() => Int, { nullable: true, description: 'That size; the last checkpoint when omitted.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  treeSize?: number;
}

/** The arguments of `Base` and the event asked about, by position or by event id. */
function withEvent<Base extends Type<object>>(base: Base) {
  @ArgsType()
  class EventArgs extends base {
    @Field({ nullable: true, description: 'The event by global position...' })
    @IsOptional()
    @Matches(/^[1-9][0-9]{0,14}$/, { message: 'position must be a positive whole number' })
    position?: string;

    @Field({ nullable: true, description: '...or by event id.' })
    @IsOptional()
    @Matches(/^[A-Za-z0-9_.:-]{1,200}$/, { message: 'eventId must be an event id' })
    eventId?: string;
  }
  return EventArgs;
}

@ArgsType()
export class InclusionProofArgs extends withEvent(CheckpointArgs) {}

@ArgsType()
export class WitnessCoverageArgs extends withEvent(TreeArgs) {}

@ArgsType()
export class ConsistencyProofArgs {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @Matches(ENTITY_ID, ID_RULE)
  initiativeId?: string;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  fromSize!: number;

  @Field(() => Int, { nullable: true, description: 'The last checkpoint when omitted.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  toSize?: number;
}

/** Checkpoints and proofs in GraphQL; the same answers as the HTTP endpoints. */
@Resolver()
export class TransparencyResolver {
  constructor(
    private readonly visibility: Visibility,
    private readonly service: TransparencyService,
  ) {}

  @Query(() => LogCheckpoint, {
    description: "The last signed checkpoint of an initiative's tree (or of the directory's).",
  })
  logCheckpoint(@Args() args: CheckpointArgs, @Context() context: AccordContext) {
    return this.mapped(async () =>
      this.service.checkpoint(await this.tree(context, args.initiativeId), args.treeSize),
    );
  }

  @Query(() => InclusionProof, {
    description: 'Proof that an event is in a checkpoint of its tree.',
  })
  inclusionProof(@Args() args: InclusionProofArgs, @Context() context: AccordContext) {
    return this.mapped(async () => {
      const tree = await this.tree(context, args.initiativeId);
      const proof = await this.service.inclusion(tree, this.event(args), args.treeSize);
      return { ...proof, position: String(proof.position) };
    });
  }

  @Query(() => WitnessCoverage, {
    description:
      "Whether an event is covered by a checkpoint cosigned by a quorum of its tree's witness policy.",
  })
  witnessCoverage(@Args() args: WitnessCoverageArgs, @Context() context: AccordContext) {
    return this.mapped(async () => {
      const tree = await this.tree(context, args.initiativeId);
      const coverage = await this.service.coverage(tree, this.event(args));
      return { ...coverage, position: String(coverage.position) };
    });
  }

  @Query(() => ConsistencyProof, {
    description: 'Proof that one checkpoint of a tree extends another.',
  })
  consistencyProof(@Args() args: ConsistencyProofArgs, @Context() context: AccordContext) {
    return this.mapped(async () =>
      this.service.consistency(
        await this.tree(context, args.initiativeId),
        args.fromSize,
        args.toSize,
      ),
    );
  }

  /** The event asked about, by exactly one of position and eventId. */
  private event(args: { position?: string; eventId?: string }) {
    if ((args.position === undefined) === (args.eventId === undefined)) {
      throw new InputValidationError([
        { field: 'position', rule: 'exactlyOne', message: 'give either position or eventId' },
      ]);
    }
    return {
      position: args.position === undefined ? undefined : Number(args.position),
      eventId: args.eventId,
    };
  }

  private tree(context: AccordContext, initiativeId: string | undefined): Promise<string> {
    return treeFor(this.visibility, this.visibility.viewerOf(context).actor, initiativeId);
  }

  private async mapped<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (error instanceof TransparencyRequestError) {
        if (error.kind === 'bad_input') {
          throw new InputValidationError([
            { field: error.field ?? 'input', rule: 'range', message: error.message },
          ]);
        }
        throw new NotFoundError('checkpoint', error.message);
      }
      throw error;
    }
  }
}
