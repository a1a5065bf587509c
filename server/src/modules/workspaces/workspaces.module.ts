import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { AccountsModule } from '../accounts/accounts.module';
import { AuthModule } from '../auth/auth.module';
import { InvitationAcceptanceController } from './invitation-acceptance.controller';
import { Invitation, InvitationSchema } from './invitation.schema';
import { InvitationsController } from './invitations.controller';
import { InvitationsService } from './invitations.service';
import { MembersController } from './members.controller';
import { Membership, MembershipSchema } from './membership.schema';
import { MembershipEvents } from './membership-events';
import { MembershipsService } from './memberships.service';
import { Workspace, WorkspaceSchema } from './workspace.schema';
import { WorkspacesController } from './workspaces.controller';
import { WorkspacesService } from './workspaces.service';

@Module({
  imports: [
    AccountsModule,
    AuthModule,
    MongooseModule.forFeature([
      { name: Workspace.name, schema: WorkspaceSchema },
      { name: Membership.name, schema: MembershipSchema },
      { name: Invitation.name, schema: InvitationSchema },
    ]),
  ],
  controllers: [
    WorkspacesController,
    MembersController,
    InvitationsController,
    InvitationAcceptanceController,
  ],
  providers: [WorkspacesService, MembershipsService, InvitationsService, MembershipEvents],
  exports: [WorkspacesService, MembershipsService, MembershipEvents, MongooseModule],
})
export class WorkspacesModule {}
