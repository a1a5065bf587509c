import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { SpecificationsModule } from '../specifications/specifications.module';
import { WorkspacesModule } from '../workspaces/workspaces.module';
import { DemoSeedService } from './demo-seed.service';

@Module({
  imports: [AccountsModule, WorkspacesModule, SpecificationsModule],
  providers: [DemoSeedService],
})
export class SeedModule {}
