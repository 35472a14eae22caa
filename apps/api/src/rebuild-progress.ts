import type { RebuildProgress } from '@accord/projections';

const WIDTH = 30;
const number = (n: number) => Math.round(n).toLocaleString('en');

function eta(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?';
  if (seconds < 60) return `${Math.ceil(seconds)}s`;
  return `${Math.floor(seconds / 60)}m${String(Math.ceil(seconds % 60)).padStart(2, '0')}s`;
}

/**
 * Shows a rebuild's progress: a bar redrawn in place with events per second and time left when
 * writing to a terminal, and a plain line at most once a second otherwise (logs, CI).
 */
export class RebuildProgressReporter {
  private started = Date.now();
  private lastLine = 0;

  constructor(private readonly out: NodeJS.WriteStream = process.stderr) {}

  start(): void {
    this.started = Date.now();
    this.lastLine = 0;
  }

  report(progress: RebuildProgress): void {
    const seconds = (Date.now() - this.started) / 1000;
    const rate = seconds > 0 ? progress.position / seconds : 0;
    const share = progress.head === 0 ? 1 : Math.min(1, progress.position / progress.head);
    const left = rate > 0 ? (progress.head - progress.position) / rate : Number.POSITIVE_INFINITY;
    const figures = `${number(progress.position)}/${number(progress.head)} positions, ${number(rate)} ev/s, ${eta(left)} left`;
    if (this.out.isTTY) {
      const filled = Math.round(share * WIDTH);
      const bar = `${'#'.repeat(filled)}${'-'.repeat(WIDTH - filled)}`;
      this.out.write(
        `\r${progress.projection} [${bar}] ${String(Math.floor(share * 100)).padStart(3)}% ${figures}\x1b[K`,
      );
    } else if (Date.now() - this.lastLine >= 1_000) {
      this.lastLine = Date.now();
      this.out.write(`${progress.projection}: ${Math.floor(share * 100)}% ${figures}\n`);
    }
  }

  done(line: string): void {
    this.out.write(`${this.out.isTTY ? '\r\x1b[K' : ''}${line}\n`);
  }
}
