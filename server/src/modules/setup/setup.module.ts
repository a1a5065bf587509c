import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { AuthModule } from '../auth/auth.module';
import { WorkspacesModule } from '../workspaces/workspaces.module';
import { SetupController } from './setup.controller';
import { SetupService } from './setup.service';

@Module({
  imports: [AccountsModule, AuthModule, WorkspacesModule],
  controllers: [SetupController],
  providers: [SetupService],
})
export class SetupModule {}
