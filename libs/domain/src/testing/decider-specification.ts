import { DomainError } from '../shared/domain-error';
import type { Decider } from '../shared/decider';

/**
 * given(events).when(command).then(events) | .thenThrows(code) for jest, after Emmett's
 * DeciderSpecification: the state is always built by folding events, never set by hand.
 */
export function deciderSpecification<Command, State, Event>(
  decider: Decider<Command, State, Event>,
) {
  return {
    given(events: readonly Event[]) {
      const state = events.reduce((s, e) => decider.evolve(s, e), decider.initialState());
      return {
        when(command: Command) {
          const run = () => decider.decide(command, state);
          return {
            then(expected: readonly Event[]): void {
              expect(run()).toEqual(expected);
            },
            thenThrows(code: string, field?: string): void {
              let thrown: unknown;
              try {
                run();
              } catch (error) {
                thrown = error;
              }
              expect(thrown).toBeInstanceOf(DomainError);
              expect((thrown as DomainError).code).toBe(code);
              if (field !== undefined) expect((thrown as DomainError).field).toBe(field);
            },
          };
        },
      };
    },
  };
}
