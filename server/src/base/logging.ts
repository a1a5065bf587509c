import { ConfigService } from '@nestjs/config';
import { LoggerModule } from 'nestjs-pino';
import type { AppConfig } from './config';

/**
 * One JSON line per request (method, path, status, time) at LOG_LEVEL.
 * Credentials never reach the log.
 */
export const RequestLoggingModule = LoggerModule.forRootAsync({
  inject: [ConfigService],
  useFactory: (config: ConfigService<AppConfig, true>) => ({
    pinoHttp: {
      level: config.get('LOG_LEVEL', { infer: true }),
      redact: {
        paths: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
        censor: '[redacted]',
      },
      // Invitation tokens travel in the path; keep them out of the log too.
      serializers: {
        req: (req: { method: string; url: string; id: unknown }) => ({
          id: req.id,
          method: req.method,
          url: req.url.replace(/\/api\/invitations\/[^/?]+/, '/api/invitations/[token]'),
        }),
        // Response headers are the same on every request; the status is what tells.
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
      autoLogging: { ignore: (req: { url?: string }) => req.url === '/health' },
    },
  }),
});
