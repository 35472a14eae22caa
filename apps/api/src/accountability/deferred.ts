/** `T` with the fields `K` given as promises: GraphQL awaits a field's promise like its value. */
export type Deferred<T, K extends keyof T> = Omit<T, K> & {
  readonly [P in K]: T[P] | Promise<T[P]>;
};

/** Reads a deferred field of the object it is called on. */
export type FieldGetter<O, V> = (this: O) => Promise<V>;

/**
 * `known` with the fields of `getters` read only when a query asks for one of them: each is a
 * getter on the object, called with the object as `this`. The getters are shared by the objects
 * of a page (tens of thousands of them), which is why they take the object as `this`.
 */
export function withDeferred<T, K extends keyof T>(
  known: Omit<T, K>,
  getters: { readonly [P in K]: FieldGetter<Omit<T, K>, T[P]> },
): Deferred<T, K> {
  for (const key of Object.keys(getters) as K[])
    Object.defineProperty(known, key, { enumerable: true, get: getters[key] });
  return known as Deferred<T, K>;
}

/** `load`, run on the first call only; every call gets its one promise. */
export function once<R>(load: () => Promise<R>): () => Promise<R> {
  let loaded: Promise<R> | undefined;
  return () => (loaded ??= load());
}

/**
 * A getter for a deferred field of many objects, each found by `key` in what `load` gives: the
 * first call loads the field for all of them at once, later ones share that load.
 */
export function deferredField<O, V>(
  key: (object: O) => string,
  load: () => Promise<ReadonlyMap<string, V>>,
  missing: V,
): FieldGetter<O, V> {
  const loaded = once(load);
  return async function (this: O) {
    return (await loaded()).get(key(this)) ?? missing;
  };
}
