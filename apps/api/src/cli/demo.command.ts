import { parseArgs } from 'node:util';
import { createApp } from '../bootstrap';
import { loadConfig } from '../config/accord-config';
import { describeDemo, loadDemo } from '../demo/load-demo';
import { UsageError } from './usage-error';

export async function run(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: { seed: { type: 'string', default: '1' } },
    strict: true,
  });
  const seed = Number(values.seed);
  if (!Number.isSafeInteger(seed)) throw new UsageError('--seed must be a whole number');
  const config = loadConfig();
  const app = await createApp(config, ['error']);
  try {
    await app.listen(0, '127.0.0.1');
    const summary = await loadDemo(app, config, seed);
    console.log(`loaded ${describeDemo(summary)}`);
    console.log(
      'see it: npm start, then open http://127.0.0.1:3000/graphql with the token of the chair:\n  npm run --silent accord -- token --person ana --partner city-hall',
    );
  } finally {
    await app.close();
  }
}
