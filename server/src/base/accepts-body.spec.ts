import { Body, Controller, Module, Param, Post, Put } from '@nestjs/common';
import { APP_FILTER, APP_PIPE, NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { AddressInfo } from 'node:net';
import { AcceptsBody } from './accepts-body.decorator';
import { ApiExceptionFilter } from './exception.filter';
import { hardenHttp } from './http-hardening';
import { createValidationPipe } from './validation';

/** Routes that exist only here: a CSV import beside ordinary JSON routes. */
@Controller('api/trial-workspaces/:workspaceId/feedback')
class TrialFeedbackController {
  @Post('import')
  @AcceptsBody({ type: 'text/csv', limitBytes: 2048 })
  importFeedback(@Param('workspaceId') workspaceId: string, @Body() csv: string) {
    return { workspaceId, csv };
  }

  @Put('import')
  replaceFeedback(@Body() body: unknown) {
    return { body };
  }

  @Post()
  giveFeedback(@Body() body: unknown) {
    return { body };
  }
}

@Module({
  controllers: [TrialFeedbackController],
  providers: [
    { provide: APP_PIPE, useFactory: createValidationPipe },
    { provide: APP_FILTER, useClass: ApiExceptionFilter },
  ],
})
class TrialModule {}

let app: NestExpressApplication;
let origin: string;

beforeAll(async () => {
  app = await NestFactory.create<NestExpressApplication>(TrialModule, {
    bodyParser: false,
    logger: false,
  });
  hardenHttp(app);
  await app.listen(0, '127.0.0.1');
  origin = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
});
afterAll(async () => {
  await app?.close();
});

async function send(method: string, path: string, type: string, body: string) {
  const response = await fetch(`${origin}${path}`, {
    method,
    headers: { 'Content-Type': type },
    body,
  });
  return { status: response.status, body: (await response.json()) as unknown };
}

const CSV = 'text,audience\n"More evening sessions, please",parents-and-carers\n';

describe('a route that declares a body other than JSON', () => {
  it('gets the text, with its path parameters', async () => {
    expect(await send('POST', '/api/trial-workspaces/w1/feedback/import', 'text/csv', CSV)).toEqual(
      { status: 201, body: { workspaceId: 'w1', csv: CSV } },
    );
    const withCharset = await send(
      'POST',
      '/api/trial-workspaces/w1/feedback/import',
      'text/csv; charset=utf-8',
      'text\nÅland, 日本語\n',
    );
    expect(withCharset).toEqual({
      status: 201,
      body: { workspaceId: 'w1', csv: 'text\nÅland, 日本語\n' },
    });
  });

  it('refuses a body past its own limit with 413 payload-too-large', async () => {
    const tooLarge = `${CSV}${'x'.repeat(2048)}`;
    expect(
      await send('POST', '/api/trial-workspaces/w1/feedback/import', 'text/csv', tooLarge),
    ).toEqual({
      status: 413,
      body: { error: { code: 'payload-too-large', message: expect.stringContaining('2 kB') } },
    });
  });

  it('still refuses every type it did not declare with 415', async () => {
    const plain = await send('POST', '/api/trial-workspaces/w1/feedback/import', 'text/plain', CSV);
    expect(plain).toEqual({
      status: 415,
      body: { error: { code: 'unsupported-media-type', message: expect.any(String) } },
    });
  });

  it('reads JSON as any route does', async () => {
    expect(
      await send('POST', '/api/trial-workspaces/w1/feedback/import', 'application/json', '{}'),
    ).toEqual({ status: 201, body: { workspaceId: 'w1', csv: {} } });
  });
});

describe('a route that declares nothing', () => {
  it.each([
    ['another method on the same path', 'PUT', '/api/trial-workspaces/w1/feedback/import'],
    ['another path', 'POST', '/api/trial-workspaces/w1/feedback'],
  ])('refuses CSV with 415 (%s)', async (_, method, path) => {
    expect(await send(method, path, 'text/csv', CSV)).toEqual({
      status: 415,
      body: { error: { code: 'unsupported-media-type', message: expect.any(String) } },
    });
  });

  it('keeps the 100 kB limit on JSON, on declared routes too', async () => {
    const large = JSON.stringify({ text: 'x'.repeat(110 * 1024) });
    for (const path of [
      '/api/trial-workspaces/w1/feedback',
      '/api/trial-workspaces/w1/feedback/import',
    ]) {
      expect(await send('POST', path, 'application/json', large)).toEqual({
        status: 413,
        body: { error: { code: 'payload-too-large', message: expect.stringContaining('100 kB') } },
      });
    }
  });
});
