import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { AccountController } from '../account-settings/account.controller';
import { EmailChangesController } from '../account-settings/email-changes.controller';
import { AuditController } from '../audit/audit.controller';
import { AuthController } from '../auth/auth.controller';
import { InboxController } from '../comments/inbox.controller';
import { ThreadsController } from '../comments/threads.controller';
import { HealthController } from '../health/health.controller';
import { SetupController } from '../setup/setup.controller';
import { SpecificationsController } from '../specifications/specifications.controller';
import { InvitationAcceptanceController } from '../workspaces/invitation-acceptance.controller';
import { InvitationsController } from '../workspaces/invitations.controller';
import { MembersController } from '../workspaces/members.controller';
import { WorkspacesController } from '../workspaces/workspaces.controller';
import { ACCESS_RULE, type AccessRule } from '../../base/access-rule.decorators';

const CONTROLLERS = [
  AuthController,
  WorkspacesController,
  MembersController,
  InvitationsController,
  InvitationAcceptanceController,
  SpecificationsController,
  ThreadsController,
  InboxController,
  AuditController,
  AccountController,
  EmailChangesController,
  HealthController,
  SetupController,
];

function routesOf(controller: (typeof CONTROLLERS)[number]) {
  const prototype = controller.prototype as unknown as Record<string, unknown>;
  const base = String(Reflect.getMetadata(PATH_METADATA, controller));
  return Object.getOwnPropertyNames(prototype).flatMap((name) => {
    const handler = prototype[name];
    if (
      typeof handler !== 'function' ||
      Reflect.getMetadata(METHOD_METADATA, handler) === undefined
    ) {
      return [];
    }
    const rule = (Reflect.getMetadata(ACCESS_RULE, handler) ??
      Reflect.getMetadata(ACCESS_RULE, controller)) as AccessRule | undefined;
    const path = `${base}/${String(Reflect.getMetadata(PATH_METADATA, handler))}`;
    return [{ name: `${controller.name}.${name}`, path, rule }];
  });
}

describe('every route declares who may call it', () => {
  const routes = CONTROLLERS.flatMap(routesOf);

  it('finds the routes', () => {
    expect(routes.length).toBeGreaterThan(12);
  });

  it.each(routes.map((route) => [route.name, route] as const))('%s', (_, route) => {
    expect(route.rule).toBeDefined();
    // A workspace rule needs the workspace in the path to look the membership up.
    if (route.rule?.kind === 'workspace') expect(route.path).toContain(':workspaceId');
  });
});
