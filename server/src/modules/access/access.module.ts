import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { Membership, MembershipSchema } from './membership.schema';
import { WorkspaceAccessGuard } from './workspace-access.guard';
import { WorkspaceRoles } from './workspace-roles';

/**
 * Who may do what: the policy (`access-policy.ts`), the memberships that give
 * people their roles, and the guard that applies both to `@Allow(action)`
 * routes. The policy itself is a plain object so the collab gateway can import
 * it without this module. The workspaces module manages memberships (invite,
 * change a role, remove) through the model exported here.
 */
@Module({
  imports: [MongooseModule.forFeature([{ name: Membership.name, schema: MembershipSchema }])],
  providers: [WorkspaceRoles, WorkspaceAccessGuard],
  exports: [WorkspaceRoles, WorkspaceAccessGuard, MongooseModule],
})
export class AccessModule {}
