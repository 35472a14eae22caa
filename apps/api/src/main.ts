import 'reflect-metadata';
import { type INestApplication, Logger } from '@nestjs/common';
import { isAbsolute, relative } from 'node:path';
import { createApp } from './bootstrap';
import { type AccordConfig, ConfigError, loadConfig } from './config/accord-config';
import { describeDemo, LedgerNotEmptyError, loadDemo } from './demo/load-demo';
import { describeStoreConfig, StoreUnavailableError } from './ledger/open-ledger';
import { ReadModelAheadOfLogError } from '@accord/projections';

/**
 * SIGTERM or SIGINT: stop taking requests, let the ones under way (commands included) finish
 * and answer, stop the read models, close the stores, then exit 0. A second signal exits at once.
 */
function stopGracefully(app: INestApplication, logger: Logger): void {
  const stop = (signal: NodeJS.Signals) => {
    logger.log(`${signal}: finishing the requests under way, then closing the ledger`);
    process.once(signal, () => process.exit(1));
    app.close().then(
      () => {
        logger.log('stopped');
        process.exit(0);
      },
      (error: unknown) => {
        logger.error(`stopping failed: ${error instanceof Error ? error.message : String(error)}`);
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await createApp(config);
  const logger = new Logger('Accord');
  stopGracefully(app, logger);
  await app.listen(config.port, config.host);
  const url = `http://${config.host}:${config.port}/graphql`;
  logger.log(`ledger: ${describeStoreConfig(config.store)}`);
  logger.log(
    `GraphQL API at ${url}${config.production ? '' : ' (open it in a browser for GraphiQL)'}`,
  );
  logger.log(`workspace at http://${config.host}:${config.port}/`);
  logger.log(
    'sign in to it with a one-time link: npm run accord -- sign-in-link --person <person-id> --partner <partner-id>',
  );
  logger.log(
    'get a token for a person of a partner organisation: npm run accord -- token --person <person-id> --partner <partner-id>',
  );
  if (config.demo) await loadDemoAtStart(app, config, logger);
}

/** The command that prints a sign-in link for the demo's chair, for this server's ledger file. */
function demoSignInCommand(config: AccordConfig): string {
  const inHere = relative(process.cwd(), config.databaseFile);
  const file = inHere.startsWith('..') || isAbsolute(inHere) ? config.databaseFile : `./${inHere}`;
  const env = [
    ...(file === './data/accord.db' ? [] : [`ACCORD_DB_FILE=${file}`]),
    ...(config.host === '127.0.0.1' ? [] : [`HOST=${config.host}`]),
    ...(config.port === 3000 ? [] : [`PORT=${config.port}`]),
  ];
  return [...env, 'npm run --silent accord -- sign-in-link --person ana --partner city-hall'].join(
    ' ',
  );
}

/** ACCORD_DEMO=1: an empty ledger gets the demo initiative; a ledger with records is left alone. */
async function loadDemoAtStart(app: INestApplication, config: AccordConfig, logger: Logger) {
  try {
    const summary = await loadDemo(app, config, 1);
    logger.log(`ACCORD_DEMO: loaded ${describeDemo(summary)}`);
    logger.log(`sign in to the workspace as its chair: ${demoSignInCommand(config)}`);
  } catch (error) {
    if (!(error instanceof LedgerNotEmptyError)) throw error;
    logger.warn(`ACCORD_DEMO: not loaded: ${error.message}`);
  }
}

main().catch((error: unknown) => {
  if (
    error instanceof ConfigError ||
    error instanceof StoreUnavailableError ||
    error instanceof ReadModelAheadOfLogError
  ) {
    console.error(error.message);
  } else {
    console.error('Accord failed to start:', error instanceof Error ? error.message : error);
  }
  process.exit(1);
});
