import { type INestApplication, type LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';
import { type AccordConfig } from './config/accord-config';

/** Builds the app for a config; main.ts and the end-to-end tests both start it this way. */
export async function createApp(
  config: AccordConfig,
  logger: LogLevel[] | false = ['error', 'warn', 'log'],
): Promise<INestApplication> {
  const app = await NestFactory.create(AppModule.forRoot(config), { logger, abortOnError: false });
  app.enableShutdownHooks();
  return app;
}
