import { type LogLevel } from '@nestjs/common';
import type { Params } from 'nestjs-pino';
import type { IncomingMessage } from 'node:http';
import { requestIdOf } from './request-id';

/** Nest's log levels, most severe first, as pino names them. */
const PINO_LEVELS: Record<LogLevel, string> = {
  fatal: 'fatal',
  error: 'error',
  warn: 'warn',
  log: 'info',
  debug: 'debug',
  verbose: 'trace',
};
const BY_SEVERITY: LogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];

/** The least severe level asked for: pino logs it and everything more severe. */
export function pinoLevel(levels: LogLevel[] | false): string {
  if (levels === false || levels.length === 0) return 'silent';
  const least = Math.max(...levels.map((level) => BY_SEVERITY.indexOf(level)));
  return PINO_LEVELS[BY_SEVERITY[least]!];
}

/** Routine probes and static files are not worth a line each. */
const QUIET_PATHS = /^\/(health|ready|metrics|graphiql-assets\/)/;

/**
 * One JSON object per line with the request id on every line of a request; on a terminal, plain
 * text with colours instead (pino-pretty). Tokens and cookies never reach the log.
 */
export function loggingParams(levels: LogLevel[] | false, terminal: boolean): Params {
  return {
    pinoHttp: {
      level: pinoLevel(levels),
      genReqId: (req: IncomingMessage) => requestIdOf(req),
      customAttributeKeys: { reqId: 'requestId' },
      quietReqLogger: true,
      serializers: {
        req: (req: { method: string; url: string }) => ({ method: req.method, url: req.url }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
      autoLogging: { ignore: (req: IncomingMessage) => QUIET_PATHS.test(req.url ?? '') },
      redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
      ...(terminal
        ? {
            transport: {
              target: 'pino-pretty',
              options: { colorize: true, singleLine: true, translateTime: 'SYS:HH:MM:ss.l' },
            },
          }
        : {}),
    },
  };
}
