import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { createApp } from './bootstrap';
import { ConfigError, loadConfig } from './config/accord-config';
import { describeStoreConfig, StoreUnavailableError } from './ledger/open-ledger';

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await createApp(config);
  await app.listen(config.port, config.host);
  const url = `http://${config.host}:${config.port}/graphql`;
  const logger = new Logger('Accord');
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
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof StoreUnavailableError) {
    console.error(error.message);
  } else {
    console.error('Accord failed to start:', error instanceof Error ? error.message : error);
  }
  process.exit(1);
});
