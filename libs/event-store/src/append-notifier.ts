/**
 * Wakes waiting subscriptions when an append commits. A waiter also wakes after the poll
 * interval, so appends this process cannot hear about (another process) are still found.
 */
export class AppendNotifier {
  private waiters = new Set<() => void>();
  private lastPosition = 0;

  constructor(private readonly pollIntervalMs: number) {}

  /** Resolves `true` at once when an append after `afterPosition` is already known. */
  wait(afterPosition: number, signal: AbortSignal): Promise<boolean> {
    if (signal.aborted || this.lastPosition > afterPosition) return Promise.resolve(true);
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        signal.removeEventListener('abort', wake);
        this.waiters.delete(wake);
        resolve(false);
      };
      const timer = setTimeout(wake, this.pollIntervalMs);
      signal.addEventListener('abort', wake);
      this.waiters.add(wake);
    });
  }

  notify(position: number): void {
    this.lastPosition = Math.max(this.lastPosition, position);
    this.wakeAll();
  }

  wakeAll(): void {
    const waiters = this.waiters;
    this.waiters = new Set();
    for (const wake of waiters) wake();
  }
}
