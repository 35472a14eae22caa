import { type INestApplication, type LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { type NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from './app.module';
import { MAX_BODY } from './graphql/query-limits';
import { type AccordConfig } from './config/accord-config';
import { openLedger } from './ledger/open-ledger';
import { serveWorkspace } from './web/serve-workspace';
import { cookieOf, SESSION_COOKIE } from './auth/session-cookie';
import { SignInLinks } from './auth/sign-in-links';

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
      AppModule.forRoot(config, ledger, logger),
      // Nest's own start-up lines wait for the pino logger, so they come out as JSON too.
      { bufferLogs: true, abortOnError: false, bodyParser: false },
    );
    app.useLogger(app.get(Logger));
    app.useBodyParser('json', { limit: MAX_BODY });
    const links = app.get(SignInLinks);
    serveWorkspace(app, config.webDir, async (req) => {
      const id = cookieOf(req, SESSION_COOKIE);
      return id ? links.actorOf(id) : undefined;
    });
    return app;
  } catch (error) {
    await ledger.close();
    throw error;
  }
}
