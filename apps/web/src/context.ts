import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { SignedIn } from './session';
import { type TimePoint, timeSearch } from './time-travel';

export interface Workspace {
  me: SignedIn;
  point: TimePoint;
}

export const WorkspaceContext = createContext<Workspace | null>(null);

export function useWorkspace(): Workspace {
  const workspace = useContext(WorkspaceContext);
  if (!workspace) throw new Error('useWorkspace outside the signed-in workspace');
  return workspace;
}

/** A link inside the app that keeps the time point the reader chose. */
export function useHref(): (path: string) => string {
  const { point } = useWorkspace();
  return (path: string) => `${path}${timeSearch(point)}`;
}
