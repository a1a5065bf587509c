import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { UserDocument } from '../accounts/user.schema';

/** Who is calling, set by the auth guard. */
export interface RequestAuth {
  user: UserDocument;
  /** How the caller proved who they are; cookie writes need the CSRF header. */
  via: 'bearer' | 'cookie';
  token: string;
  /** The session's id: what the person's list of their sessions calls it. */
  sessionId: string;
}

/** A request the auth guard has seen: `auth` is there when the caller proved who they are. */
export interface AuthenticatedRequest extends Request {
  auth?: RequestAuth;
}

/** The signed-in user; only on routes the auth guard protects. */
export const CurrentUser = createParamDecorator((_: unknown, context: ExecutionContext) => {
  const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
  if (!request.auth) throw new Error('CurrentUser used on a route without authentication');
  return request.auth.user;
});

/** The signed-in user, or undefined on a public route called anonymously. */
export const OptionalUser = createParamDecorator(
  (_: unknown, context: ExecutionContext) =>
    context.switchToHttp().getRequest<AuthenticatedRequest>().auth?.user,
);
