import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { printAccordSchema, SCHEMA_FILE } from '../../apps/api/src/schema/print-schema';

describe('the public schema', () => {
  it('is the committed schema.graphql, so every change of the API shows in review', async () => {
    const committed = readFileSync(join(__dirname, '..', '..', SCHEMA_FILE), 'utf8');
    const served = await printAccordSchema();
    if (served !== committed) {
      throw new Error(
        'the schema the API serves differs from schema.graphql: run `npm run schema` and review the diff',
      );
    }
  });
});
