import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { AccessModule } from '../access/access.module';
import { AccountsModule } from '../accounts/accounts.module';
import { AuditModule } from '../audit/audit.module';
import { CollabModule } from '../collab/collab.module';
import { SpecificationExportModule } from '../specification-export/specification-export.module';
import { SpecificationsModule } from '../specifications/specifications.module';
import { WorkspacesModule } from '../workspaces/workspaces.module';
import { EngagementExportController } from './csv/engagement-export.controller';
import { FeedbackCsvController } from './csv/feedback-csv.controller';
import { FeedbackImportService } from './csv/feedback-import.service';
import { ImportSettings, ImportSettingsSchema } from './csv/import-settings.schema';
import { ReachCsvController } from './csv/reach-csv.controller';
import { ReachImportService } from './csv/reach-import.service';
import { RememberedColumns } from './csv/remembered-columns';
import { EngagementAccess } from './engagement-access';
import { EngagementEvent, EngagementEventSchema } from './engagement-event.schema';
import { EngagementEventsController } from './engagement-events.controller';
import { EngagementEventsService } from './engagement-events.service';
import { EngagementReportController } from './engagement-report.controller';
import { EngagementReportService } from './engagement-report.service';
import { EventCountsController } from './event-counts.controller';
import { EventCountsService } from './event-counts.service';
import { Feedback, FeedbackSchema } from './feedback.schema';
import { FeedbackController } from './feedback.controller';
import { FeedbackLinks } from './feedback-links';
import { FeedbackTally } from './feedback-tally';
import { FeedbackService } from './feedback.service';
import { FeedbackTheme, FeedbackThemeSchema } from './feedback-theme.schema';
import { FeedbackThemesController } from './feedback-themes.controller';
import { FeedbackThemesService } from './feedback-themes.service';
import { MarketNoticeFiles } from './market-notice-files';
import { TargetCohort, TargetCohortSchema } from './target-cohort.schema';
import { CopyAuthorship } from './rounds/copy-authorship';
import { CopyRecords } from './rounds/copy-records';
import {
  CopyAuthorshipBatch,
  CopyAuthorshipBatchSchema,
  CopyFork,
  CopyForkSchema,
} from './rounds/copy-records.schema';
import { EngagementCopies } from './rounds/engagement-copies';
import { EngagementRound, EngagementRoundSchema } from './rounds/engagement-round.schema';
import { EngagementRoundsController } from './rounds/engagement-rounds.controller';
import { EngagementRoundsService } from './rounds/engagement-rounds.service';
import { RoundChangesService } from './rounds/round-changes.service';
import { RoundClosing } from './rounds/round-closing';

/**
 * Engagement: events and who took part, feedback and its themes, the target cohort, the
 * dashboard and "You said, we did", and market engagement rounds (an engagement copy of a
 * specification that providers co-edit, a live document of its own through the collab
 * core's LiveDocumentKinds). Plugs in through the access policy, the specification
 * document package (anchors into the text, read through SpecificationReader), the export
 * writers and the audit log.
 */
@Module({
  imports: [
    AccessModule,
    AccountsModule,
    AuditModule,
    CollabModule,
    SpecificationsModule,
    SpecificationExportModule,
    WorkspacesModule,
    MongooseModule.forFeature([
      { name: EngagementEvent.name, schema: EngagementEventSchema },
      { name: Feedback.name, schema: FeedbackSchema },
      { name: FeedbackTheme.name, schema: FeedbackThemeSchema },
      { name: TargetCohort.name, schema: TargetCohortSchema },
      { name: ImportSettings.name, schema: ImportSettingsSchema },
      { name: EngagementRound.name, schema: EngagementRoundSchema },
      { name: CopyFork.name, schema: CopyForkSchema },
      { name: CopyAuthorshipBatch.name, schema: CopyAuthorshipBatchSchema },
    ]),
  ],
  controllers: [
    EngagementEventsController,
    // Before FeedbackController: its `feedback/:feedbackId` would take `feedback/import-columns`.
    FeedbackCsvController,
    FeedbackController,
    FeedbackThemesController,
    EngagementReportController,
    EngagementExportController,
    EventCountsController,
    ReachCsvController,
    EngagementRoundsController,
  ],
  providers: [
    EngagementAccess,
    EngagementEventsService,
    FeedbackService,
    FeedbackLinks,
    FeedbackTally,
    FeedbackThemesService,
    EngagementReportService,
    MarketNoticeFiles,
    FeedbackImportService,
    ReachImportService,
    RememberedColumns,
    EventCountsService,
    CopyAuthorship,
    CopyRecords,
    EngagementCopies,
    EngagementRoundsService,
    RoundChangesService,
    RoundClosing,
  ],
  // The demo seed writes its engagement through the models.
  exports: [MongooseModule, CopyRecords],
})
export class EngagementModule {}
