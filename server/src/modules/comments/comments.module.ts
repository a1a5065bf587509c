import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { AccessModule } from '../access/access.module';
import { AccountsModule } from '../accounts/accounts.module';
import { AuditModule } from '../audit/audit.module';
import { CollabModule } from '../collab/collab.module';
import { ConnectionsModule } from '../connections/connections.module';
import { SpecificationsModule } from '../specifications/specifications.module';
import { CommentNotices } from './comment-notices';
import { CommentThread, CommentThreadSchema } from './comment-thread.schema';
import { InboxController } from './inbox.controller';
import { InboxService } from './inbox.service';
import { MentionMail } from './mention-mail';
import { MailModule } from '../mail/mail.module';
import { ThreadAccess } from './thread-access';
import { ThreadRead, ThreadReadSchema } from './thread-read.schema';
import { ThreadsController } from './threads.controller';
import { ThreadsService } from './threads.service';

/**
 * Comment threads anchored to a specification's text, and each person's inbox of
 * mentions and unread threads. Plugs in through the access policy, the connection
 * registry (live notices), SpecificationReader (the text now) and the audit log.
 */
@Module({
  imports: [
    AccessModule,
    AccountsModule,
    AuditModule,
    CollabModule,
    ConnectionsModule,
    MailModule,
    SpecificationsModule,
    MongooseModule.forFeature([
      { name: CommentThread.name, schema: CommentThreadSchema },
      { name: ThreadRead.name, schema: ThreadReadSchema },
    ]),
  ],
  controllers: [ThreadsController, InboxController],
  providers: [ThreadsService, ThreadAccess, InboxService, CommentNotices, MentionMail],
  // The demo seed writes its threads through the model.
  exports: [MongooseModule],
})
export class CommentsModule {}
