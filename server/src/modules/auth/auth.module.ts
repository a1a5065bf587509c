import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { AccountsModule } from '../accounts/accounts.module';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { CreationLedger } from './creation-quota';
import { SignInBackOff } from './sign-in-back-off';
import { Session, SessionSchema } from './session.schema';

@Module({
  imports: [
    AccountsModule,
    MongooseModule.forFeature([{ name: Session.name, schema: SessionSchema }]),
  ],
  controllers: [AuthController],
  providers: [AuthService, AuthGuard, SignInBackOff, CreationLedger],
  exports: [AuthService, AuthGuard, CreationLedger],
})
export class AuthModule {}
