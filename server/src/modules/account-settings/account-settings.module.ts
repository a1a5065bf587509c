import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { AccountsModule } from '../accounts/accounts.module';
import { AuditModule } from '../audit/audit.module';
import { AuthModule } from '../auth/auth.module';
import { MailModule } from '../mail/mail.module';
import { AccountController } from './account.controller';
import { AccountSettingsService } from './account-settings.service';
import { EmailChange, EmailChangeSchema } from './email-change.schema';
import { EmailChangesController } from './email-changes.controller';
import { EmailChangesService } from './email-changes.service';

/**
 * The account page's server side (`/api/account`): a person's own name, email address,
 * password and sessions, and their sign-in and password events from the audit log.
 */
@Module({
  imports: [
    AccountsModule,
    AuthModule,
    AuditModule,
    MailModule,
    MongooseModule.forFeature([{ name: EmailChange.name, schema: EmailChangeSchema }]),
  ],
  controllers: [AccountController, EmailChangesController],
  providers: [AccountSettingsService, EmailChangesService],
})
export class AccountSettingsModule {}
