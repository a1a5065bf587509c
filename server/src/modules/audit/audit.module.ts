import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { AccountsModule } from '../accounts/accounts.module';
import { SpecificationsModule } from '../specifications/specifications.module';
import { AuditEntry, AuditEntrySchema } from './audit-entry.schema';
import { AuditController } from './audit.controller';
import { AuditInterceptor } from './audit.interceptor';
import { AuditService } from './audit.service';
import { SpecificationEditHours } from './specification-edit-hours';

@Module({
  imports: [
    AccountsModule,
    SpecificationsModule,
    MongooseModule.forFeature([{ name: AuditEntry.name, schema: AuditEntrySchema }]),
  ],
  controllers: [AuditController],
  providers: [AuditService, AuditInterceptor, SpecificationEditHours],
  exports: [AuditService, AuditInterceptor],
})
export class AuditModule {}
