import {
  type DecisionEvent,
  decisionDecider,
  type DecisionState,
  fold,
  initiativeDecider,
  type InitiativeEvent,
  type InitiativeState,
  type MeetingEvent,
  meetingDecider,
  type MeetingState,
  rosterDecider,
  type RosterEvent,
  type RosterState,
} from '@accord/domain';
import { type EventStore } from '@accord/event-store';
import { Inject, Injectable } from '@nestjs/common';
import { asDomainEvents } from '../ledger/domain-events';
import { EVENT_STORE } from '../ledger/ledger.tokens';
import { decisionStream, initiativeStream, meetingStream, rosterStream } from '../ledger/streams';

/** Other aggregates' streams, read and folded for a command that needs their state. */
@Injectable()
export class FoldedStreams {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async initiative(initiativeId: string): Promise<InitiativeState> {
    const events = await this.store.readStream(initiativeStream(initiativeId));
    return fold(initiativeDecider, asDomainEvents<InitiativeEvent>(events));
  }

  async roster(initiativeId: string): Promise<RosterState> {
    const events = await this.store.readStream(rosterStream(initiativeId));
    return fold(rosterDecider, asDomainEvents<RosterEvent>(events));
  }

  async decision(decisionId: string): Promise<DecisionState> {
    const events = await this.store.readStream(decisionStream(decisionId));
    return fold(decisionDecider, asDomainEvents<DecisionEvent>(events));
  }

  async meeting(meetingId: string): Promise<MeetingState> {
    const events = await this.store.readStream(meetingStream(meetingId));
    return fold(meetingDecider, asDomainEvents<MeetingEvent>(events));
  }

  /** The initiative a decision or meeting belongs to; absent when that does not exist. */
  async initiativeOf(
    entity: { status: 'absent' } | { status: string; initiativeId: string },
  ): Promise<InitiativeState> {
    return 'initiativeId' in entity
      ? this.initiative(entity.initiativeId)
      : fold(initiativeDecider, []);
  }

  /** The roster of the initiative a decision belongs to; empty when the decision does not exist. */
  async rosterOfDecision(decision: DecisionState): Promise<RosterState> {
    return decision.status === 'absent'
      ? fold(rosterDecider, [])
      : this.roster(decision.initiativeId);
  }
}
