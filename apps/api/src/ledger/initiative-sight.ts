import { type Actor, dayOf, holdsSeat, type RosterState } from '@accord/domain';

/**
 * The initiatives one actor may see while a command is decided: those where they hold a role
 * not ended by the day of the command's recording (the rule the read side's Viewer applies).
 * Whatever belongs to another initiative is decided on as if it did not exist, so a refusal
 * reads the same for a hidden entity as for a missing one.
 */
export class InitiativeSight {
  private readonly judged = new Map<string, Promise<boolean>>();
  private readonly day: string;

  constructor(
    readonly actor: Actor,
    recordedAt: Date,
    private readonly rosterOf: (initiativeId: string) => Promise<RosterState>,
  ) {
    this.day = dayOf(recordedAt.toISOString());
  }

  sees(initiativeId: string): Promise<boolean> {
    let seen = this.judged.get(initiativeId);
    if (!seen) {
      seen = this.rosterOf(initiativeId).then((roster) => holdsSeat(roster, this.actor, this.day));
      this.judged.set(initiativeId, seen);
    }
    return seen;
  }

  /** `state` as this actor may know it: the initial state when it belongs to an initiative they do not see. */
  async asSeen<State>(state: State, initialState: () => State): Promise<State> {
    const initiativeId = (state as { initiativeId?: unknown } | null)?.initiativeId;
    if (typeof initiativeId !== 'string') return state;
    return (await this.sees(initiativeId)) ? state : initialState();
  }
}
