import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { ConfigService } from '@nestjs/config';
import { Logger } from 'nestjs-pino';
import type { AddressInfo } from 'node:net';
import { AppModule } from './app.module';
import type { AppConfig } from './base/config';
import { stopApp, stopGracefullyOnSignals, type GracefulStopOptions } from './base/graceful-stop';
import { hardenHttp } from './base/http-hardening';
import { releaseLogDestination } from './base/log-destination';
import { setUpApiDocs } from './base/api-docs';
import { CollabSettings } from './modules/collab/collab-settings';
import { SESSION_COOKIE } from './modules/auth/session-token';
import { DEMO_ACCOUNTS } from './modules/seed/demo-workspace';

/** Builds the Nest application, listens, and prints where to find it. */
export async function start(): Promise<void> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule, {
    bufferLogs: true,
    bodyParser: false,
  });
  app.useLogger(app.get(Logger));
  hardenHttp(app);
  setUpApiDocs(app, { sessionCookie: SESSION_COOKIE });

  const config = app.get<ConfigService<AppConfig, true>>(ConfigService);
  const trustProxy = config.get('TRUST_PROXY', { infer: true });
  if (trustProxy !== undefined) app.set('trust proxy', trustProxy);
  await app.listen(config.get('PORT', { infer: true }), config.get('HOST', { infer: true }));
  const { port } = app.getHttpServer().address() as AddressInfo;
  printWelcome(port, config);
  const stopping: GracefulStopOptions = {
    graceMs: app.get(CollabSettings).limits.shutdownGraceMs,
    beforeExit: releaseLogDestination,
  };
  stopGracefullyOnSignals(app, stopping);
  stopWithParent(app, stopping);
}

function printWelcome(port: number, config: ConfigService<AppConfig, true>): void {
  const lines = [``, `Coproduce is running at http://localhost:${port}`];
  if (config.get('SEED_DEMO', { infer: true })) {
    const password = config.get('DEMO_PASSWORD', { infer: true });
    lines.push(`Demo sign-ins (password: ${password}):`);
    for (const account of DEMO_ACCOUNTS)
      lines.push(`  ${account.email.padEnd(24)} ${account.role}`);
  }
  process.stdout.write(`${lines.join('\n')}\n\n`);
}

/**
 * Started by another Node process with an IPC channel (test fixtures, the
 * benchmark harness): shut down when that process goes, even if it was
 * killed, so no orphaned server keeps a port and a data directory.
 */
function stopWithParent(app: NestExpressApplication, stopping: GracefulStopOptions): void {
  if (!process.connected) return;
  process.channel?.unref();
  process.once('disconnect', () => void stopApp(app, stopping));
}
