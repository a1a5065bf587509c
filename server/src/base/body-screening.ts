import type { NextFunction, Request, Response } from 'express';
import { isDeclaredBody } from './declared-bodies';
import { BadRequest, DomainError, UnsupportedMediaType } from './errors';

/** Our bodies are flat objects with the odd list; anything deeper is not meant for us. */
export const MAX_BODY_DEPTH = 8;

/**
 * Keys that reach an object's prototype when copied naively. The validation pipe
 * would drop them silently; refusing them tells the sender what is wrong.
 */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * C0 controls other than tab, line feed and carriage return, DEL, C1 controls, and
 * UTF-16 surrogates that are not part of a pair (they cannot be stored as UTF-8).
 */
const NOT_TEXT =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * What is wrong with a parsed JSON body as a whole, before any route reads it: too
 * deeply nested (which would exhaust the stack of the recursive validators), keys
 * that reach prototypes, or text that is not text. Walks without recursion, so a
 * hostile nesting depth cannot overflow the stack here either.
 */
export function findBodyProblem(body: unknown): string | undefined {
  const pending: Array<{ value: unknown; depth: number; path: string }> = [
    { value: body, depth: 0, path: '' },
  ];
  while (pending.length > 0) {
    const { value, depth, path } = pending.pop()!;
    if (typeof value === 'string') {
      if (NOT_TEXT.test(value)) {
        return `${path ? `"${path}"` : 'The body'} contains characters that are not text (a control character or half of an emoji pair). Remove them.`;
      }
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= MAX_BODY_DEPTH) {
      return `The request body is nested too deeply (at most ${MAX_BODY_DEPTH} levels). Send the fields this request accepts.`;
    }
    for (const [key, child] of Object.entries(value)) {
      const childPath = path ? `${path}.${key}` : key;
      if (PROTOTYPE_KEYS.has(key))
        return `"${childPath}" is not a field this request accepts; remove it.`;
      if (NOT_TEXT.test(key)) {
        return 'A field name contains characters that are not text. Send the fields this request accepts.';
      }
      pending.push({ value: child, depth: depth + 1, path: childPath });
    }
  }
  return undefined;
}

/**
 * Express middleware after the body parsers: refuses JSON bodies `findBodyProblem` objects
 * to. A body its route declared (`@AcceptsBody`) is that route's to validate.
 */
export function screenJsonBody(request: Request, _response: Response, next: NextFunction): void {
  if (isDeclaredBody(request)) return next();
  const problem = findBodyProblem(request.body);
  next(problem ? new BadRequest(problem) : undefined);
}

/**
 * Express middleware before the JSON parser: the API reads JSON, so a body sent as a
 * form, multipart or plain text is refused with 415 rather than read as empty and
 * answered with a misleading "enter a title" — unless its route declared that type
 * (`@AcceptsBody`, see declared-bodies.ts).
 */
export function requireJsonBodies(request: Request, _response: Response, next: NextFunction): void {
  const hasBody =
    request.headers['transfer-encoding'] !== undefined ||
    Number(request.headers['content-length'] ?? 0) > 0;
  if (
    !hasBody ||
    !request.path.startsWith('/api/') ||
    request.is('application/json') ||
    isDeclaredBody(request)
  ) {
    return next();
  }
  next(new UnsupportedMediaType());
}

/**
 * Answers the screening errors above here, in the middleware chain: the static
 * client's error handling would otherwise get them first.
 */
export function answerScreeningErrors(
  error: unknown,
  _request: Request,
  response: Response,
  next: NextFunction,
): void {
  if (!(error instanceof DomainError)) return next(error);
  response.status(error.status).json({ error: { code: error.code, message: error.message } });
}
