import type { NestExpressApplication } from '@nestjs/platform-express';
import cookieParser from 'cookie-parser';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { answerScreeningErrors, requireJsonBodies, screenJsonBody } from './body-screening';
import { findDeclaredBodies, noteDeclaredBodies, readDeclaredBodies } from './declared-bodies';
import { describeBodyParserError } from './exception.filter';
import { refuseWhileStopping } from './graceful-stop';
import { answerUnreadableRequests } from './unreadable-requests';

/**
 * JSON bodies above this are refused with 413 before anything parses them. A route
 * that reads another kind of body declares its own limit with `@AcceptsBody`.
 */
export const JSON_BODY_LIMIT = '100kb';

/**
 * Security headers, body limits and cookies for every request. Call it after the
 * application is created and before it listens: it reads the routes' `@AcceptsBody`
 * declarations, and its middleware must come before the routes. The CSP fits
 * the Vite-built client: its scripts and styles are files from this origin,
 * and the collab socket connects back to the same origin.
 */
export function hardenHttp(app: NestExpressApplication): void {
  app.disable('x-powered-by');
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: true,
        directives: {
          'default-src': ["'self'"],
          'script-src': ["'self'"],
          'style-src': ["'self'", "'unsafe-inline'"],
          'img-src': ["'self'", 'data:'],
          'font-src': ["'self'", 'data:'],
          'connect-src': ["'self'"],
          'frame-ancestors': ["'none'"],
          'form-action': ["'self'"],
          // Served over plain http on a developer's machine; TLS is the proxy's job.
          'upgrade-insecure-requests': null,
        },
      },
      crossOriginEmbedderPolicy: false,
    }),
  );
  app.use(noStoreForApi);
  app.use(refuseWhileStopping);
  const declaredBodies = findDeclaredBodies(app);
  noteDeclaredBodies(app, declaredBodies);
  app.use(requireJsonBodies);
  app.useBodyParser('json', { limit: JSON_BODY_LIMIT });
  readDeclaredBodies(app, declaredBodies);
  app.use(screenJsonBody);
  // Answer body errors here: later error middleware (static client serving)
  // would otherwise turn them into a 404.
  app.use((error: unknown, _request: Request, response: Response, next: NextFunction) => {
    const reply = describeBodyParserError(error);
    if (!reply) return next(error);
    response.status(reply.status).json(reply.body);
  });
  app.use(answerScreeningErrors);
  app.use(cookieParser());
  answerUnreadableRequests(app.getHttpServer());
}

/**
 * API answers hold people's accounts, drafts and sessions: no browser cache or proxy may
 * keep them (a shared computer's back button, a caching proxy). Set first, so refusals
 * and errors carry it too; the client's own files keep their caching.
 */
function noStoreForApi(request: Request, response: Response, next: NextFunction): void {
  if (request.path === '/api' || request.path.startsWith('/api/')) {
    response.setHeader('Cache-Control', 'no-store');
  }
  next();
}
