/** `T` with the fields `K` given as promises: GraphQL awaits a field's promise like its value. */
export type Deferred<T, K extends keyof T> = Omit<T, K> & {
  readonly [P in K]: T[P] | Promise<T[P]>;
};

/**
 * `known` with the fields of `later` read only when a query asks for one of them (each a getter
 * calling its loader), so that a page of many objects never loads what nobody asked for.
 */
export function withDeferred<T, K extends keyof T>(
  known: Omit<T, K>,
  later: { readonly [P in K]: () => Promise<T[P]> },
): Deferred<T, K> {
  const value = { ...known };
  for (const key of Object.keys(later) as K[])
    Object.defineProperty(value, key, { enumerable: true, get: later[key] });
  return value as Deferred<T, K>;
}

/** `load`, run on the first call only; every call gets its one promise. */
export function once<R>(load: () => Promise<R>): () => Promise<R> {
  let loaded: Promise<R> | undefined;
  return () => (loaded ??= load());
}
