import { ConfigService } from '@nestjs/config';
import { LoggerModule } from 'nestjs-pino';
import type { LogFn, Logger } from 'pino';
import type { AppConfig } from './config';
import { logDestination } from './log-destination';
import { logSafeUrl } from './log-safe-url';

/**
 * Nest's own start-up narration: a line per module initialised, per route and per
 * socket message mapped (about 55 in all). Useful when wiring is in doubt, noise that
 * pushes the welcome message off screen otherwise.
 */
const NEST_START_UP_CONTEXTS = new Set([
  'NestFactory',
  'InstanceLoader',
  'RoutesResolver',
  'RouterExplorer',
  'WebSocketsController',
  'NestApplication',
]);

const INFO = 30;

/** The Nest logger context nestjs-pino puts in a line's first argument, if any. */
function contextOf(args: unknown[]): string | undefined {
  const first = args[0];
  if (typeof first !== 'object' || first === null || !('context' in first)) return undefined;
  return typeof first.context === 'string' ? first.context : undefined;
}

/**
 * One JSON line per request (method, path, status, time) at LOG_LEVEL.
 * Credentials never reach the log. Nest's start-up lines are debug level.
 */
export const RequestLoggingModule = LoggerModule.forRootAsync({
  inject: [ConfigService],
  useFactory: (config: ConfigService<AppConfig, true>) => ({
    pinoHttp: [
      {
        level: config.get('LOG_LEVEL', { infer: true }),
        hooks: {
          logMethod(this: Logger, args: Parameters<LogFn>, method: LogFn, level: number): void {
            if (level === INFO && NEST_START_UP_CONTEXTS.has(contextOf(args) ?? '')) {
              this.debug(...args);
              return;
            }
            method.apply(this, args);
          },
        },
        redact: {
          paths: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
          censor: '[redacted]',
        },
        // Invitation and reset tokens travel in the path, other secrets in the query.
        serializers: {
          req: (req: { method: string; url: string; id: unknown }) => ({
            id: req.id,
            method: req.method,
            url: logSafeUrl(req.url),
          }),
          // Response headers are the same on every request; the status is what tells.
          res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
        },
        autoLogging: { ignore: (req: { url?: string }) => req.url === '/health' },
      },
      logDestination(),
    ],
  }),
});
