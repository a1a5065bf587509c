import { Module } from '@nestjs/common';
import { WorkspacesModule } from '../workspaces/workspaces.module';
import { WorkspaceAccessGuard } from './workspace-access.guard';

/**
 * The authorisation policy (`access-policy.ts`) and the guard that applies it
 * to `@Allow(action)` routes. The policy itself is a plain object so the
 * collab gateway can import it without this module.
 */
@Module({
  imports: [WorkspacesModule],
  providers: [WorkspaceAccessGuard],
  exports: [WorkspaceAccessGuard],
})
export class AccessModule {}
