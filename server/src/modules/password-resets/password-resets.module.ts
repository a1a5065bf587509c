import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { AccessModule } from '../access/access.module';
import { AccountsModule } from '../accounts/accounts.module';
import { AuthModule } from '../auth/auth.module';
import { MailModule } from '../mail/mail.module';
import { MemberPasswordResetController } from './member-password-reset.controller';
import { PasswordReset, PasswordResetSchema } from './password-reset.schema';
import { PasswordResetsController } from './password-resets.controller';
import { PasswordResetsService } from './password-resets.service';

/** Forgotten passwords: links asked for by email, or issued by a commissioner. */
@Module({
  imports: [
    AccessModule,
    AccountsModule,
    AuthModule,
    MailModule,
    MongooseModule.forFeature([{ name: PasswordReset.name, schema: PasswordResetSchema }]),
  ],
  controllers: [PasswordResetsController, MemberPasswordResetController],
  providers: [PasswordResetsService],
})
export class PasswordResetsModule {}
