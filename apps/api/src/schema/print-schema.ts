import 'reflect-metadata';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { printSchema } from 'graphql';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../bootstrap';
import { loadConfig } from '../config/accord-config';

/** The committed copy of the public API's schema, reviewed with every change to it. */
export const SCHEMA_FILE = 'schema.graphql';

/**
 * The schema exactly as the API serves it (code-first types, then the visibility and
 * time-travel transforms), printed in SDL. The app runs on a throw-away SQLite file.
 */
export async function printAccordSchema(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'accord-schema-'));
  try {
    const config = loadConfig({
      ACCORD_DB_FILE: join(dir, 'accord.db'),
      ACCORD_JWT_SECRET: 'only-for-printing-the-schema-0123456789',
    });
    const app = await createApp(config, ['error']);
    try {
      await app.init();
      return `${printSchema(app.get(GraphQLSchemaHost).schema)}\n`;
    } finally {
      await app.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  printAccordSchema()
    // npm runs scripts from the package root, where the committed schema lives.
    .then((sdl) => writeFileSync(join(process.cwd(), SCHEMA_FILE), sdl))
    .catch((error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    });
}
