import { type EventStore } from '@accord/event-store';
import { ProjectionRunner } from '@accord/projections';
import { Inject } from '@nestjs/common';
import { Args, ArgsType, Field, Query, Resolver } from '@nestjs/graphql';
import { IsOptional, Matches } from 'class-validator';
import { EVENT_STORE } from '../ledger/ledger.tokens';
import { eventsBehind } from '../ledger/projection-lag';
import {
  ChainVerification,
  ProjectionStateEnum,
  ProjectionStatusModel,
} from './ledger-status.model';

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

@Resolver()
export class LedgerStatusResolver {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly runner: ProjectionRunner,
  ) {}

  @Query(() => [ProjectionStatusModel], {
    description: "Each read model's position, lag and state.",
  })
  async projections(): Promise<ProjectionStatusModel[]> {
    const statuses = this.runner.status();
    const lags = await eventsBehind(this.store, statuses);
    return statuses.map((p) => ({
      name: p.name,
      position: String(p.position),
      lag: lags.get(p.name)!,
      state: p.state as ProjectionStateEnum,
      lastError: p.lastError && { ...p.lastError, position: String(p.lastError.position) },
    }));
  }

  @Query(() => ChainVerification, {
    description:
      'Recomputes the hash chain of one stream or of the whole log, and names the first event that does not match.',
  })
  async verifyLedger(@Args() args: VerifyLedgerArgs): Promise<ChainVerification> {
    const result = await this.store.verify(args.stream ?? undefined);
    if (result.ok) return { ok: true, checked: result.checked, firstMismatch: null };
    const { firstMismatch } = result;
    return {
      ok: false,
      checked: result.checked,
      firstMismatch: { ...firstMismatch, position: String(firstMismatch.position) },
    };
  }
}
