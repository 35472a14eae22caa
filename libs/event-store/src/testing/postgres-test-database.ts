import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/** A fresh database on the server jest's global setup started (or the one DATABASE_URL names). */
export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = process.env.ACCORD_TEST_DATABASE_URL;
  if (!adminUrl) {
    throw new Error(
      'ACCORD_TEST_DATABASE_URL is not set: run the tests with jest, whose global setup starts PostgreSQL',
    );
  }
  const name = `accord_test_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new Client({ connectionString: adminUrl });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}
