import { Pool } from 'pg';

/**
 * A PostgreSQL pool of at most `max` connections. An idle connection the server drops (a
 * restart, a terminated backend) is discarded by the pool and the next query reconnects;
 * unhandled, the pool's error would end the process.
 */
export function openPool(connectionString: string, max: number): Pool {
  const pool = new Pool({ connectionString, max });
  pool.on('error', () => undefined);
  return pool;
}
