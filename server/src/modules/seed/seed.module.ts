import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module';
import { AccountsModule } from '../accounts/accounts.module';
import { CommentsModule } from '../comments/comments.module';
import { EngagementModule } from '../engagement/engagement.module';
import { PublishingModule } from '../publishing/publishing.module';
import { SpecificationStoreModule } from '../specification-store/specification-store.module';
import { SpecificationsModule } from '../specifications/specifications.module';
import { WorkspacesModule } from '../workspaces/workspaces.module';
import { DemoSeedService } from './demo-seed.service';

@Module({
  imports: [
    AccessModule,
    AccountsModule,
    CommentsModule,
    EngagementModule,
    PublishingModule,
    WorkspacesModule,
    SpecificationsModule,
    SpecificationStoreModule,
  ],
  providers: [DemoSeedService],
})
export class SeedModule {}
