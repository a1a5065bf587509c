import type { DynamicModule } from '@nestjs/common';
import { ServeStaticModule } from '@nestjs/serve-static';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** Where `vite build` puts the web client, relative to server/dist/base. */
export const CLIENT_DIST = join(__dirname, '..', '..', '..', 'client', 'dist');

/**
 * Serves the built web client at `/`, with any other page path falling back
 * to index.html so the client's router can handle it. The API, health and
 * socket paths are never answered with the page.
 */
export function clientAssetsModules(): DynamicModule[] {
  if (!existsSync(join(CLIENT_DIST, 'index.html'))) return [];
  return [
    ServeStaticModule.forRoot({
      rootPath: CLIENT_DIST,
      exclude: ['/api/{*rest}', '/health', '/socket.io/{*rest}'],
      serveStaticOptions: { index: 'index.html', fallthrough: true },
    }),
  ];
}
