import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module';
import { CollabModule } from '../collab/collab.module';
import { SpecificationsModule } from '../specifications/specifications.module';
import { DraftExportController } from './draft-export.controller';
import { FileWriterThread } from './file-writer-thread';
import { SpecificationExportService } from './specification-export.service';

/**
 * Word, PDF and Markdown files of a specification. Publishing exports its versions
 * through `SpecificationExportService` (and `sendExportedFile`); this module's own route
 * exports the draft.
 */
@Module({
  imports: [AccessModule, CollabModule, SpecificationsModule],
  controllers: [DraftExportController],
  providers: [SpecificationExportService, FileWriterThread],
  exports: [SpecificationExportService],
})
export class SpecificationExportModule {}
