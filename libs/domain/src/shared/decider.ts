/** Emmett-style decider: pure functions, no I/O, no clock. Replay is a fold of `evolve`. */
export interface Decider<Command, State, Event> {
  decide(command: Command, state: State): Event[];
  evolve(state: State, event: Event): State;
  initialState(): State;
}

/** The person acting and the partner organisation they act for; comes from the verified token. */
export interface Actor {
  personId: string;
  partnerId: string;
}

/** What every command carries besides its own data: who acts, and the business time of the act. */
export interface CommandContext {
  actor: Actor;
  /** Business time (ISO 8601) at which the act happened, e.g. when the meeting voted. */
  now: string;
}

export function fold<State, Event>(
  decider: Pick<Decider<unknown, State, Event>, 'evolve' | 'initialState'>,
  events: readonly Event[],
): State {
  return events.reduce(decider.evolve, decider.initialState());
}
