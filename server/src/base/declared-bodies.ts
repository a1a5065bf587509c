import { RequestMethod, type INestApplication } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { MetadataScanner, ModulesContainer } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { IncomingMessage } from 'node:http';
import type { Express, NextFunction, Request, Response } from 'express';
import { ACCEPTED_BODY, type AcceptedBody } from './accepts-body.decorator';

/** An `@AcceptsBody` with the route it is on, e.g. POST /api/workspaces/:workspaceId/feedback/import. */
export interface DeclaredBody extends AcceptedBody {
  method: RequestMethod;
  path: string;
}

/** Every `@AcceptsBody` on the application's controllers. */
export function findDeclaredBodies(app: INestApplication): DeclaredBody[] {
  const scanner = new MetadataScanner();
  const controllers = new Set(
    [...app.get(ModulesContainer).values()].flatMap((module) =>
      [...module.controllers.values()].map((wrapper) => wrapper.metatype),
    ),
  );
  return [...controllers].flatMap((controller) => {
    if (typeof controller !== 'function') return [];
    const prototype = controller.prototype as Record<string, unknown>;
    return scanner.getAllMethodNames(prototype).flatMap((name) => {
      const handler = prototype[name] as object;
      const accepted = Reflect.getMetadata(ACCEPTED_BODY, handler) as AcceptedBody | undefined;
      if (!accepted) return [];
      const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod;
      return pathsOf(controller).flatMap((base) =>
        pathsOf(handler).map((path) => ({ ...accepted, method, path: joinPath(base, path) })),
      );
    });
  });
}

/** The request's body was declared by the route it is for: `readDeclaredBodies` reads it. */
const declaredFor = new WeakMap<IncomingMessage, DeclaredBody>();

export function isDeclaredBody(request: IncomingMessage): boolean {
  return declaredFor.has(request);
}

/**
 * Before the JSON-only rule: notes the requests whose route declared their media type.
 * Express matches the path here as it will for the route itself (parameters, case,
 * trailing slash), so a declaration covers exactly the requests its route serves.
 */
export function noteDeclaredBodies(app: NestExpressApplication, declared: DeclaredBody[]): void {
  const router = app.getHttpAdapter().getInstance() as Express;
  for (const declaration of declared) {
    const note = (request: Request, _response: Response, next: NextFunction): void => {
      if (request.is(declaration.type)) declaredFor.set(request, declaration);
      next();
    };
    switch (declaration.method) {
      case RequestMethod.POST:
        router.post(declaration.path, note);
        break;
      case RequestMethod.PUT:
        router.put(declaration.path, note);
        break;
      case RequestMethod.PATCH:
        router.patch(declaration.path, note);
        break;
      default:
        throw new Error(
          `@AcceptsBody is for POST, PUT and PATCH routes; ${declaration.path} is ${RequestMethod[declaration.method]}.`,
        );
    }
  }
}

/** After the JSON parser: reads each declared body with its own parser and limit. */
export function readDeclaredBodies(app: NestExpressApplication, declared: DeclaredBody[]): void {
  for (const declaration of declared) {
    const asText = declaration.type.startsWith('text/') && !declaration.bytes;
    app.useBodyParser(asText ? 'text' : 'raw', {
      type: (request: IncomingMessage) => declaredFor.get(request) === declaration,
      limit: declaration.limitBytes,
    });
  }
}

function pathsOf(target: object): string[] {
  const path = Reflect.getMetadata(PATH_METADATA, target) as string | string[] | undefined;
  return Array.isArray(path) ? path : [path ?? ''];
}

function joinPath(...parts: string[]): string {
  return `/${parts
    .map((part) => part.replace(/^\/+|\/+$/g, ''))
    .filter((part) => part !== '')
    .join('/')}`;
}
