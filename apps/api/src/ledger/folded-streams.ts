import {
  type Actor,
  commitmentDecider,
  type Decider,
  decisionDecider,
  type DecisionReference,
  fold,
  indicatorDecider,
  initiativeDecider,
  type InitiativeState,
  meetingDecider,
  rosterDecider,
  type RosterState,
} from '@accord/domain';
import { type EventStore } from '@accord/event-store';
import { Inject, Injectable } from '@nestjs/common';
import { AsyncLocalStorage } from 'node:async_hooks';
import { asDomainEvents } from './domain-events';
import { InitiativeSight } from './initiative-sight';
import { EVENT_STORE } from './ledger.tokens';
import {
  commitmentStream,
  decisionStream,
  indicatorStream,
  initiativeStream,
  meetingStream,
  rosterStream,
} from './streams';

export interface LaunchRecord {
  actor: Actor;
  occurredAt: string;
  commandId: string;
}

/** The id of another aggregate, or none (null or undefined): then it is absent and nothing is read. */
type AggregateId = string | null | undefined;

/** An aggregate that, once it exists, belongs to an initiative. */
type OfInitiative = { status: 'absent' } | { status: string; initiativeId: string };

const initiativeIdOf = (entity: OfInitiative): string | undefined =>
  'initiativeId' in entity ? entity.initiativeId : undefined;

/**
 * Other aggregates' streams, read and folded for a command that needs their state: the one
 * place a command handler reads a stream besides its own (which the CommandExecutor loads).
 */
@Injectable()
export class FoldedStreams {
  /** The actor a command is being decided for, while it is: what they may not see reads as absent. */
  private readonly deciding = new AsyncLocalStorage<InitiativeSight>();

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  /** What `actor` may see, judged on the rosters as recorded, on the day of `recordedAt`. */
  sightOf(actor: Actor, recordedAt: Date): InitiativeSight {
    return new InitiativeSight(actor, recordedAt, (initiativeId) =>
      this.fold(rosterDecider, rosterStream, initiativeId, true),
    );
  }

  /** Runs `decide` so that every stream read here for it is folded as `sight`'s actor may see it. */
  decidingAs<T>(sight: InitiativeSight, decide: () => T): T {
    return this.deciding.run(sight, decide);
  }

  // Each aggregate's state, folded from its stream (the initial state when there is no id).
  readonly initiative = (id: AggregateId) => this.fold(initiativeDecider, initiativeStream, id);
  readonly roster = (id: AggregateId) => this.fold(rosterDecider, rosterStream, id);
  readonly decision = (id: AggregateId) => this.fold(decisionDecider, decisionStream, id);
  readonly meeting = (id: AggregateId) => this.fold(meetingDecider, meetingStream, id);
  readonly indicator = (id: AggregateId) => this.fold(indicatorDecider, indicatorStream, id);
  readonly commitment = (id: AggregateId) => this.fold(commitmentDecider, commitmentStream, id);

  /** Who launched an initiative, when, and with which command: read from the recorded launch. */
  async launchOf(initiativeId: string): Promise<LaunchRecord | undefined> {
    const [first] = await this.store.readStream(initiativeStream(initiativeId));
    if (!first) return undefined;
    const { actor, occurredAt, commandId } = first.metadata as unknown as LaunchRecord;
    return {
      actor: { personId: actor.personId, partnerId: actor.partnerId },
      occurredAt,
      commandId,
    };
  }

  /** The initiative an aggregate belongs to; absent when the aggregate does not exist. */
  initiativeOf(entity: OfInitiative): Promise<InitiativeState> {
    return this.initiative(initiativeIdOf(entity));
  }

  /** The roster of the initiative an aggregate belongs to; empty when the aggregate does not exist. */
  rosterOf(entity: OfInitiative): Promise<RosterState> {
    return this.roster(initiativeIdOf(entity));
  }

  /** For each commitment id, the initiative it was made in, or null when there is no such commitment. */
  async initiativesOfCommitments(
    commitmentIds: readonly string[],
  ): Promise<Record<string, string | null>> {
    const initiatives: Record<string, string | null> = {};
    for (const commitmentId of new Set(commitmentIds)) {
      const commitment = await this.commitment(commitmentId);
      initiatives[commitmentId] = commitment.status === 'absent' ? null : commitment.initiativeId;
    }
    return initiatives;
  }

  /**
   * The initiative a decision belongs to (null: no decision named, or no such decision). Every
   * decision stream opens with an event naming it; reading that one field keeps the caller
   * independent of the decision aggregate's other events.
   */
  async decisionReference(decisionId: AggregateId): Promise<DecisionReference> {
    if (decisionId === null || decisionId === undefined) return { initiativeId: null };
    const [first] = await this.store.readStream(decisionStream(decisionId));
    const data = first?.data as { initiativeId?: unknown } | undefined;
    const initiativeId = typeof data?.initiativeId === 'string' ? data.initiativeId : null;
    const sight = this.deciding.getStore();
    if (initiativeId !== null && sight && !(await sight.sees(initiativeId)))
      return { initiativeId: null };
    return { initiativeId };
  }

  /** The state as the actor being decided for may see it, unless `asRecorded`. */
  private async fold<State, Event>(
    decider: Pick<Decider<unknown, State, Event>, 'evolve' | 'initialState'>,
    streamOf: (id: string) => string,
    id: AggregateId,
    asRecorded = false,
  ): Promise<State> {
    const events = id === null || id === undefined ? [] : await this.store.readStream(streamOf(id));
    const state = fold(decider, asDomainEvents<Event>(events));
    const sight = asRecorded ? undefined : this.deciding.getStore();
    return sight ? sight.asSeen(state, decider.initialState) : state;
  }
}
