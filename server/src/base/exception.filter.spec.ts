import {
  ArgumentsHost,
  BadRequestException,
  HttpException,
  NotFoundException,
} from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import mongoose from 'mongoose';
import { ApiExceptionFilter } from './exception.filter';
import { InvitationExpired, LastCommissioner } from './errors';

function respond(exception: unknown, path = '/api/things') {
  const sent: { status?: number; body?: unknown } = {};
  const response = {
    headersSent: false,
    status(code: number) {
      sent.status = code;
      return this;
    },
    json(body: unknown) {
      sent.body = body;
    },
  };
  const host = {
    getType: () => 'http',
    switchToHttp: () => ({
      getRequest: () => ({ method: 'GET', path, originalUrl: path }),
      getResponse: () => response,
    }),
  } as unknown as ArgumentsHost;
  const filter = new ApiExceptionFilter();
  // The filter logs unexpected errors; keep test output readable.
  jest.spyOn(filter['logger'], 'error').mockImplementation(() => undefined);
  filter.catch(exception, host);
  return sent;
}

describe('the API exception filter', () => {
  it('answers a domain error with its own status, code and message', () => {
    expect(respond(new LastCommissioner())).toEqual({
      status: 409,
      body: { error: { code: 'last-commissioner', message: new LastCommissioner().message } },
    });
    expect(respond(new InvitationExpired()).status).toBe(410);
  });

  it('turns a route that does not exist into a JSON 404', () => {
    const sent = respond(new NotFoundException('Cannot GET /api/nowhere'), '/api/nowhere');
    expect(sent.status).toBe(404);
    expect(sent.body).toEqual({
      error: { code: 'not-found', message: expect.stringContaining('/api/nowhere') },
    });
  });

  it('explains malformed JSON and oversized bodies from the body parser', () => {
    const malformed = respond(new BadRequestException('Unexpected token } in JSON at position 9'));
    expect(malformed).toEqual({
      status: 400,
      body: { error: { code: 'malformed-json', message: expect.any(String) } },
    });
    const tooLarge = Object.assign(new Error('request entity too large'), {
      status: 413,
      expose: true,
      type: 'entity.too.large',
      limit: 102400,
    });
    expect(respond(tooLarge)).toEqual({
      status: 413,
      body: { error: { code: 'payload-too-large', message: expect.stringContaining('100 kB') } },
    });
  });

  it('passes on rate limiting as 429 too-many-requests', () => {
    expect(respond(new ThrottlerException('Too many attempts.'))).toEqual({
      status: 429,
      body: { error: { code: 'too-many-requests', message: 'Too many attempts.' } },
    });
  });

  it('hides the detail of anything unexpected behind a 500', () => {
    const sent = respond(new Error('connection string mongodb://secret@host'));
    expect(sent.status).toBe(500);
    expect(JSON.stringify(sent.body)).not.toContain('secret');
    expect(respond(new HttpException('teapot', 418)).status).toBe(418);
  });

  it('answers a value the database refuses as 400, not 500', () => {
    const mongooseRefusal = new mongoose.Error.ValidationError();
    const serverRefusal = Object.assign(new Error('Document failed validation'), { code: 121 });
    for (const refusal of [mongooseRefusal, serverRefusal]) {
      expect(respond(refusal)).toEqual({
        status: 400,
        body: {
          error: { code: 'bad-request', message: expect.stringMatching(/cannot be stored/) },
        },
      });
    }
  });

  it('never rethrows outside HTTP: a socket is told through the exception event', () => {
    const emitted: unknown[] = [];
    const host = {
      getType: () => 'ws',
      switchToWs: () => ({
        getClient: () => ({ emit: (...args: unknown[]) => emitted.push(args) }),
      }),
    } as unknown as ArgumentsHost;
    const filter = new ApiExceptionFilter();
    jest.spyOn(filter['logger'], 'error').mockImplementation(() => undefined);
    expect(() => filter.catch(new Error('boom'), host)).not.toThrow();
    expect(emitted).toEqual([
      ['exception', { status: 'error', code: 'internal', message: expect.any(String) }],
    ]);
  });
});
