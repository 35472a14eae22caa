import { type Actor, ENTITY_ID } from '@accord/domain';
import type { AccordContext } from '../graphql/accord-context';
import { NotFoundError } from '../ledger/ledger.errors';
import type { Visibility } from '../visibility/visibility';
import { DIRECTORY_TREE, initiativeTree } from '@accord/transparency-log';

/**
 * The tree a reader asks about, if they may: an initiative's tree is for those who see the
 * initiative, and anyone else is answered exactly as for an initiative that does not exist.
 * The directory's tree (checkpoints and proofs: hashes only) is for any signed-in reader.
 */
export async function treeFor(
  visibility: Visibility,
  actor: Actor,
  initiativeId: string | null | undefined,
): Promise<string> {
  if (initiativeId === null || initiativeId === undefined) return DIRECTORY_TREE;
  const viewer = visibility.viewerOf({ actor } as AccordContext);
  if (!ENTITY_ID.test(initiativeId) || !(await viewer.isMember(initiativeId))) {
    throw new NotFoundError('initiative', initiativeId);
  }
  return initiativeTree(initiativeId);
}
