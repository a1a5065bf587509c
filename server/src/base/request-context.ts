import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Role } from '@coproduce/domain';
import type { Request } from 'express';
import type { Types } from 'mongoose';
import type { UserDocument } from '../modules/accounts/user.schema';

/** Who is calling, set by the auth guard. */
export interface RequestAuth {
  user: UserDocument;
  /** How the caller proved who they are; cookie writes need the CSRF header. */
  via: 'bearer' | 'cookie';
  token: string;
}

/** The caller's membership of the workspace in the route, set by the access guard. */
export interface RequestMembership {
  workspaceId: Types.ObjectId;
  role: Role;
}

export interface CoproduceRequest extends Request {
  auth?: RequestAuth;
  membership?: RequestMembership;
}

/** The signed-in user; only on routes the auth guard protects. */
export const CurrentUser = createParamDecorator((_: unknown, context: ExecutionContext) => {
  const request = context.switchToHttp().getRequest<CoproduceRequest>();
  if (!request.auth) throw new Error('CurrentUser used on a route without authentication');
  return request.auth.user;
});

/** The signed-in user, or undefined on a public route called anonymously. */
export const OptionalUser = createParamDecorator(
  (_: unknown, context: ExecutionContext) =>
    context.switchToHttp().getRequest<CoproduceRequest>().auth?.user,
);

/** The caller's membership of `:workspaceId`; only on routes guarded by `@Allow(...)`. */
export const CurrentMembership = createParamDecorator((_: unknown, context: ExecutionContext) => {
  const request = context.switchToHttp().getRequest<CoproduceRequest>();
  if (!request.membership) throw new Error('CurrentMembership used on a route without @Allow');
  return request.membership;
});
