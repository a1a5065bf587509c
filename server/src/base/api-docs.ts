import type { INestApplication } from '@nestjs/common';
import { ApiParam, DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

/**
 * OpenAPI description at /api/docs (page) and /api/docs-json (document). The
 * session cookie's name is the auth module's, handed in by whoever starts the app.
 * The document is built on its first request, not at start: few people read it, and
 * built it stays resident (about 4 MB).
 */
export function setUpApiDocs(
  app: INestApplication,
  { sessionCookie }: { sessionCookie: string },
): void {
  const document = () =>
    SwaggerModule.createDocument(
      app,
      new DocumentBuilder()
        .setTitle('Coproduce API')
        .setDescription(
          'Co-producing service specifications. Errors are { error: { code, message } }. ' +
            'Authenticate with Authorization: Bearer <token> from POST /api/session, or the session ' +
            'cookie plus an X-Requested-With header on writes.',
        )
        .setVersion('0.1.0')
        .addBearerAuth({
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'opaque',
          description: 'The token from POST /api/session (not a JWT).',
        })
        .addCookieAuth(sessionCookie)
        .build(),
    );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
}

/**
 * An id in the path, documented as the 24-hex ObjectId it must be; the parameter's
 * reflected type (ObjectId) would otherwise show as an empty "Function" schema.
 */
export const ApiIdParam = (name: string, description: string) =>
  ApiParam({
    name,
    type: String,
    format: 'objectid',
    example: '6b05350319d148f92c13a494',
    description,
  });
