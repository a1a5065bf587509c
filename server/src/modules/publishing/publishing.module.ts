import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { AccessModule } from '../access/access.module';
import { AccountsModule } from '../accounts/accounts.module';
import { CollabModule } from '../collab/collab.module';
import { ConnectionsModule } from '../connections/connections.module';
import { SpecificationExportModule } from '../specification-export/specification-export.module';
import { SpecificationsModule } from '../specifications/specifications.module';
import { CheckpointsService } from './checkpoints.service';
import {
  ClarificationQuestion,
  ClarificationQuestionSchema,
} from './clarification-question.schema';
import { NoticesController } from './notices.controller';
import { NoticesService } from './notices.service';
import { PublishingAccess } from './publishing-access';
import { PublishingLive } from './publishing-live';
import { QuestionsController } from './questions.controller';
import { QuestionsService } from './questions.service';
import { SpecificationHistoryController } from './specification-history.controller';
import {
  SpecificationCheckpoint,
  SpecificationCheckpointSchema,
} from './specification-checkpoint.schema';
import { SpecificationVersion, SpecificationVersionSchema } from './specification-version.schema';
import {
  NoticeReading,
  NoticeReadingSchema,
  VersionReading,
  VersionReadingSchema,
} from './version-reading.schema';
import { VersionsController } from './versions.controller';
import { VersionsService } from './versions.service';
import { AnswerMail } from './answer-mail';
import { MailModule } from '../mail/mail.module';

/**
 * Publishing specifications to providers: immutable versions, the team's checkpoints and
 * history, comparing, clarification questions and notices. Plugs in through the access
 * policy, SpecificationReader/Writer (the text now; restoring as a new edit), the export
 * service (files from a version's stored state) and the connection registry (live notices).
 */
@Module({
  imports: [
    AccessModule,
    AccountsModule,
    CollabModule,
    ConnectionsModule,
    MailModule,
    SpecificationExportModule,
    SpecificationsModule,
    MongooseModule.forFeature([
      { name: SpecificationVersion.name, schema: SpecificationVersionSchema },
      { name: SpecificationCheckpoint.name, schema: SpecificationCheckpointSchema },
      { name: ClarificationQuestion.name, schema: ClarificationQuestionSchema },
      { name: VersionReading.name, schema: VersionReadingSchema },
      { name: NoticeReading.name, schema: NoticeReadingSchema },
    ]),
  ],
  controllers: [
    VersionsController,
    SpecificationHistoryController,
    QuestionsController,
    NoticesController,
  ],
  providers: [
    VersionsService,
    AnswerMail,
    CheckpointsService,
    QuestionsService,
    NoticesService,
    PublishingAccess,
    PublishingLive,
  ],
  // The demo seed publishes through the models.
  exports: [MongooseModule],
})
export class PublishingModule {}
