import { useEffect, useState } from 'preact/hooks';

/** The client-side location: every screen is a URL, so it can be bookmarked and shared. */
export interface Location {
  path: string;
  search: URLSearchParams;
}

const listeners = new Set<() => void>();

function current(): Location {
  return { path: window.location.pathname, search: new URLSearchParams(window.location.search) };
}

export function navigate(url: string, options: { replace?: boolean } = {}): void {
  if (options.replace) window.history.replaceState(null, '', url);
  else window.history.pushState(null, '', url);
  listeners.forEach((listener) => listener());
}

window.addEventListener('popstate', () => listeners.forEach((listener) => listener()));

export function useLocation(): Location {
  const [location, setLocation] = useState(current);
  useEffect(() => {
    const update = () => setLocation(current());
    listeners.add(update);
    return () => void listeners.delete(update);
  }, []);
  return location;
}

/** Matches `/initiatives/:id/decisions` against a path; the parameters decoded, or null. */
export function match(pattern: string, path: string): Record<string, string> | null {
  const want = pattern.split('/').filter(Boolean);
  const got = path.split('/').filter(Boolean);
  if (want.length !== got.length) return null;
  const params: Record<string, string> = {};
  for (const [i, part] of want.entries()) {
    const segment = got[i]!;
    if (part.startsWith(':')) params[part.slice(1)] = decodeURIComponent(segment);
    else if (part !== segment) return null;
  }
  return params;
}

/** A path built from segments, each encoded. */
export function pathOf(...segments: string[]): string {
  return `/${segments.map(encodeURIComponent).join('/')}`;
}

/** Follows a same-app link without reloading; modified clicks (new tab) keep the browser's way. */
export function followLink(event: MouseEvent): void {
  const anchor = (event.target as Element | null)?.closest?.('a');
  if (!anchor || event.defaultPrevented || event.button !== 0) return;
  if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  if (anchor.target || anchor.origin !== window.location.origin) return;
  event.preventDefault();
  navigate(anchor.pathname + anchor.search + anchor.hash);
}

/** `url` (which may already carry a query string) with more parameters; empty ones left out. */
export function withParams(url: string, params: object): string {
  const [path, query = ''] = url.split('?');
  const search = new URLSearchParams(query);
  for (const [name, value] of Object.entries(params))
    if (typeof value === 'string' && value) search.set(name, value);
  const text = search.toString();
  return `${path}${text ? `?${text}` : ''}`;
}
