import { LEDGER_VERIFIERS } from '@accord/domain';
import { type EventStore, type VerifyResult } from '@accord/event-store';
import { ProjectionRunner } from '@accord/projections';
import { Inject } from '@nestjs/common';
import { Args, ArgsType, Context, Field, Query, Resolver } from '@nestjs/graphql';
import { IsOptional, Matches } from 'class-validator';
import { GraphQLError } from 'graphql';
import type { AccordContext } from '../graphql/accord-context';
import { untilClientGone } from '../graphql/client-gone';
import { ErrorCodes } from '../graphql/error-mapping';
import { NotFoundError } from '../ledger/ledger.errors';
import { EVENT_STORE } from '../ledger/ledger.tokens';
import { withLags } from '../ledger/projection-lag';
import { Visibility } from '../visibility/visibility';
import { ChainVerification, ProjectionStatusModel } from './ledger-status.model';
import { LedgerVerification } from './ledger-verification';

@ArgsType()
export class VerifyLedgerArgs {
  @Field({
    nullable: true,
    description: 'One stream, <category>-<id>; the whole log when omitted.',
  })
  @IsOptional()
  @Matches(/^[a-z][a-zA-Z0-9]*-[A-Za-z0-9_.:-]{1,200}$/, {
    message: 'stream must be <category>-<id>',
  })
  stream?: string;
}

const toChainVerification = (result: VerifyResult, resumedAfter: number): ChainVerification => ({
  ...result,
  firstMismatch: result.ok ? null : result.firstMismatch,
  resumedAfter,
});

@Resolver()
export class LedgerStatusResolver {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly runner: ProjectionRunner,
    private readonly verification: LedgerVerification,
    private readonly visibility: Visibility,
  ) {}

  @Query(() => [ProjectionStatusModel], {
    description: "Each read model's position, lag and state.",
  })
  projections(): Promise<ProjectionStatusModel[]> {
    return withLags(this.store, this.runner.status());
  }

  @Query(() => ChainVerification, {
    description: `Recomputes the hash chain of one stream (for whoever may see it; NOT_FOUND otherwise, as for a stream that does not exist), or of the whole log from where the last check of it stopped (for ${LEDGER_VERIFIERS.join(', ')} in office in some initiative), and names the first event that does not match. Once per operation.`,
  })
  async verifyLedger(
    @Args() args: VerifyLedgerArgs,
    @Context() context: AccordContext,
  ): Promise<ChainVerification> {
    const viewer = this.visibility.viewerOf(context);
    if (args.stream) {
      if (!(await viewer.canSeeStream(args.stream))) throw new NotFoundError('stream', args.stream);
      return toChainVerification(await this.store.verify(args.stream), 0);
    }
    if (!(await viewer.holdsAnyRole(LEDGER_VERIFIERS))) {
      const { personId, partnerId } = viewer.actor;
      throw new GraphQLError(
        `verifyLedger of the whole log needs ${LEDGER_VERIFIERS.join(' or ')} in office in some initiative; ${personId} (for ${partnerId}) holds none of these`,
        { extensions: { code: ErrorCodes.FORBIDDEN, rolesNeeded: LEDGER_VERIFIERS } },
      );
    }
    const connection = untilClientGone(context.req);
    try {
      const { result, resumedAfter } = await this.verification.verifyLog(connection.signal);
      return toChainVerification(result, resumedAfter);
    } finally {
      connection.release();
    }
  }
}
