/**
 * Runs tasks one at a time per key (a stream name), in arrival order; tasks on different keys
 * run concurrently. Commands on one stream in one process then never race each other: each is
 * decided on the state the previous one left, and optimistic conflicts remain only between
 * processes. A key is forgotten as soon as its last task settles, so idle streams cost nothing.
 */
export class StreamQueue {
  /** Per key, the settlement of the last task queued: the next one starts after it. */
  private readonly tails = new Map<string, Promise<void>>();

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const result = previous.then(task);
    const settled = result.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(key, settled);
    void settled.then(() => {
      // Only the last task queued may forget the key; a later one has replaced the tail.
      if (this.tails.get(key) === settled) this.tails.delete(key);
    });
    return result;
  }

  /** How many keys have a task queued or running (for tests and diagnostics). */
  get activeKeys(): number {
    return this.tails.size;
  }
}
