import { type INestApplication, type LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { type NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from './app.module';
import { MAX_BODY } from './graphql/query-limits';
import { type AccordConfig } from './config/accord-config';
import { openLedger } from './ledger/open-ledger';
import { serveWorkspace } from './web/serve-workspace';

/**
 * Opens the ledger, then builds the app on it; main.ts and the end-to-end tests both start it
 * this way. The store is opened first so that an unreachable one fails with one clear line
 * (StoreUnavailableError), not a framework stack trace.
 */
export async function createApp(
  config: AccordConfig,
  logger: LogLevel[] | false = ['error', 'warn', 'log'],
): Promise<INestApplication> {
  const ledger = await openLedger(config.store);
  try {
    const app = await NestFactory.create<NestExpressApplication>(
      AppModule.forRoot(config, ledger),
      {
        logger,
        abortOnError: false,
        bodyParser: false,
      },
    );
    app.useBodyParser('json', { limit: MAX_BODY });
    serveWorkspace(app, config.webDir);
    app.enableShutdownHooks();
    return app;
  } catch (error) {
    await ledger.close();
    throw error;
  }
}
