import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { clientAssetsModules } from './base/client-assets';
import { configSchema, configValidationOptions } from './base/config';
import { DatabaseModule } from './base/database';
import { EventBusModule } from './base/event-bus';
import { TooManyRequests } from './base/errors';
import { ApiExceptionFilter } from './base/exception.filter';
import { RequestLoggingModule } from './base/logging';
import { createValidationPipe } from './base/validation';
import { AccessModule } from './modules/access/access.module';
import { AccountSettingsModule } from './modules/account-settings/account-settings.module';
import { WorkspaceAccessGuard } from './modules/access/workspace-access.guard';
import { AccountsModule } from './modules/accounts/accounts.module';
import { AuditInterceptor } from './modules/audit/audit.interceptor';
import { AuditModule } from './modules/audit/audit.module';
import { AuthGuard } from './modules/auth/auth.guard';
import { AuthModule } from './modules/auth/auth.module';
import { CollabModule } from './modules/collab/collab.module';
import { CommentsModule } from './modules/comments/comments.module';
import { HealthModule } from './modules/health/health.module';
import { PasswordResetsModule } from './modules/password-resets/password-resets.module';
import { PublishingModule } from './modules/publishing/publishing.module';
import { EngagementModule } from './modules/engagement/engagement.module';
import { SeedModule } from './modules/seed/seed.module';
import { SetupModule } from './modules/setup/setup.module';
import { SpecificationExportModule } from './modules/specification-export/specification-export.module';
import { SpecificationsModule } from './modules/specifications/specifications.module';
import { WorkspacesModule } from './modules/workspaces/workspaces.module';

@Module({
  imports: [
    ConfigModule.forRoot({
      isGlobal: true,
      ignoreEnvFile: true,
      validationSchema: configSchema,
      validationOptions: configValidationOptions,
    }),
    RequestLoggingModule,
    DatabaseModule,
    EventBusModule,
    // Limits are set per route (sign-in, invitations); these are the fallback windows.
    ThrottlerModule.forRoot({
      throttlers: [
        { name: 'default', ttl: 60_000, limit: 60 },
        // Always counted by address alone, whatever a route's guard tracks: sign-in
        // attempts spread over many email addresses are limited too.
        {
          name: 'per-address',
          ttl: 60_000,
          limit: 60,
          getTracker: (request: Record<string, unknown>) => String(request['ip']),
        },
      ],
      errorMessage: new TooManyRequests().message,
    }),
    AccountsModule,
    AuthModule,
    PasswordResetsModule,
    WorkspacesModule,
    AccessModule,
    SpecificationsModule,
    CollabModule,
    SpecificationExportModule,
    CommentsModule,
    PublishingModule,
    EngagementModule,
    AuditModule,
    AccountSettingsModule,
    HealthModule,
    SeedModule,
    SetupModule,
    ...clientAssetsModules(),
  ],
  providers: [
    // Guards run in this order: who is calling, then what their role allows.
    { provide: APP_GUARD, useExisting: AuthGuard },
    { provide: APP_GUARD, useExisting: WorkspaceAccessGuard },
    { provide: APP_INTERCEPTOR, useExisting: AuditInterceptor },
    { provide: APP_PIPE, useFactory: createValidationPipe },
    { provide: APP_FILTER, useClass: ApiExceptionFilter },
  ],
})
export class AppModule {}
