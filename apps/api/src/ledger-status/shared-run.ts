/**
 * One piece of work several callers await together: a caller that leaves (its signal aborts)
 * stops waiting, and the work itself is aborted once no caller is left.
 */
export class SharedRun<T> {
  private readonly controller = new AbortController();
  private waiting = 0;
  readonly settled: Promise<T>;

  constructor(work: (signal: AbortSignal) => Promise<T>) {
    this.settled = work(this.controller.signal);
    // Each caller hears of a failure through join; nobody may be left to hear it.
    this.settled.catch(() => undefined);
  }

  /** Callers still waiting for the work. */
  get callers(): number {
    return this.waiting;
  }

  /** True once every caller left: the work is stopping and a new caller needs a new run. */
  get abandoned(): boolean {
    return this.controller.signal.aborted;
  }

  join(signal?: AbortSignal): Promise<T> {
    this.waiting += 1;
    return new Promise<T>((resolve, reject) => {
      const leave = () => {
        this.left();
        const reason: unknown = signal!.reason;
        reject(reason instanceof Error ? reason : new Error(String(reason)));
      };
      if (signal?.aborted) return leave();
      signal?.addEventListener('abort', leave, { once: true });
      this.settled.then(
        (value) => {
          signal?.removeEventListener('abort', leave);
          this.waiting -= 1;
          resolve(value);
        },
        (error: unknown) => {
          signal?.removeEventListener('abort', leave);
          this.waiting -= 1;
          reject(error instanceof Error ? error : new Error(String(error)));
        },
      );
    });
  }

  private left(): void {
    this.waiting -= 1;
    if (this.waiting === 0) this.controller.abort(new Error('every caller left'));
  }
}
