import { rmSync } from 'node:fs';

export default async function stopPostgres() {
  const started = globalThis.__ACCORD_POSTGRES__;
  if (!started) return;
  await started.server.stop();
  rmSync(started.dir, { recursive: true, force: true });
}
