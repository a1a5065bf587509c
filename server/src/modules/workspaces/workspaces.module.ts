import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { AccessModule } from '../access/access.module';
import { AccountsModule } from '../accounts/accounts.module';
import { AuthModule } from '../auth/auth.module';
import { InvitationAcceptanceController } from './invitation-acceptance.controller';
import {
  InvitationConfirmation,
  InvitationConfirmationSchema,
} from './invitation-confirmation.schema';
import { InvitationConfirmationsController } from './invitation-confirmations.controller';
import { Invitation, InvitationSchema } from './invitation.schema';
import { InvitationsController } from './invitations.controller';
import { InvitationsService } from './invitations.service';
import { MembersController } from './members.controller';
import { MembershipsService } from './memberships.service';
import { Workspace, WorkspaceSchema } from './workspace.schema';
import { WorkspacesController } from './workspaces.controller';
import { WorkspacesService } from './workspaces.service';
import { MailModule } from '../mail/mail.module';

@Module({
  imports: [
    AccessModule,
    AccountsModule,
    AuthModule,
    MailModule,
    MongooseModule.forFeature([
      { name: Workspace.name, schema: WorkspaceSchema },
      { name: Invitation.name, schema: InvitationSchema },
      { name: InvitationConfirmation.name, schema: InvitationConfirmationSchema },
    ]),
  ],
  controllers: [
    WorkspacesController,
    MembersController,
    InvitationsController,
    InvitationAcceptanceController,
    InvitationConfirmationsController,
  ],
  providers: [WorkspacesService, MembershipsService, InvitationsService],
  exports: [WorkspacesService, MembershipsService, MongooseModule],
})
export class WorkspacesModule {}
