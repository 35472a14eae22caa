import type { Subject } from '@accord/domain';
import type { FoldedStreams } from '../ledger/folded-streams';

/** The command acts in this initiative, concerning this partner when one is given. */
export const inInitiative = (initiativeId: string, partnerId?: string): Subject =>
  partnerId === undefined ? { initiativeId } : { initiativeId, partnerId };

/** A command that creates an entity in the initiative its data names, decided on its state. */
export const inNamedInitiative = {
  subject: (_: unknown, data: { initiativeId: string }) => inInitiative(data.initiativeId),
  needs: async (streams: FoldedStreams, data: { initiativeId: string }) => ({
    initiative: await streams.initiative(data.initiativeId),
  }),
};

type Aggregate = { status: 'absent' } | { status: string; initiativeId: string };
type Existing<S> = Exclude<S, { status: 'absent' }>;

/**
 * The command acts on an existing aggregate: its initiative, and the partner it concerns when
 * `partnerOf` says which. Null when there is no such aggregate: the decider refuses it.
 */
export function inInitiativeOf<S extends Aggregate>(
  state: S,
  partnerOf?: (existing: Existing<S>) => string,
): Subject | null {
  if (state.status === 'absent' || !('initiativeId' in state)) return null;
  const existing = state as Existing<S> & { initiativeId: string };
  return inInitiative(existing.initiativeId, partnerOf?.(existing));
}
