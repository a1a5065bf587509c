import type { Server } from 'node:http';
import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import { BadRequest, type DomainError, HeadersTooLarge } from './errors';

/**
 * Requests Node's HTTP parser refuses before any route sees them (headers past
 * 16 kB, a malformed request line or Content-Length) get the same
 * `{ error: { code, message } }` as everything else, instead of Node's bare
 * status line. The connection is then closed: its framing cannot be trusted.
 */
export function answerUnreadableRequests(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    socket.end(rawErrorResponse(errorFor(error)));
  });
}

function errorFor(error: NodeJS.ErrnoException): DomainError {
  if (error.code === 'HPE_HEADER_OVERFLOW') return new HeadersTooLarge();
  return new BadRequest('The request could not be read as HTTP. Check how it is formed.');
}

function rawErrorResponse(error: DomainError): string {
  const body = JSON.stringify({ error: { code: error.code, message: error.message } });
  return [
    `HTTP/1.1 ${error.status} ${STATUS_CODES[error.status] ?? 'Error'}`,
    'Content-Type: application/json; charset=utf-8',
    `Content-Length: ${Buffer.byteLength(body)}`,
    'Connection: close',
    '',
    body,
  ].join('\r\n');
}
