import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { SESSION_COOKIE } from '../modules/auth/session-token';

/** OpenAPI description at /api/docs (page) and /api/docs-json (document). */
export function setUpApiDocs(app: INestApplication): void {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Coproduce API')
      .setDescription(
        'Co-producing service specifications. Errors are { error: { code, message } }. ' +
          'Authenticate with Authorization: Bearer <token> from POST /api/session, or the session ' +
          'cookie plus an X-Requested-With header on writes.',
      )
      .setVersion('0.1.0')
      .addBearerAuth()
      .addCookieAuth(SESSION_COOKIE)
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
}
