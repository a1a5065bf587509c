import { Module } from '@nestjs/common';
import { ConnectionRegistry } from './connection-registry';

/**
 * Who is connected live and what they are viewing (`ConnectionRegistry`). Any feature that
 * must tell people something as it happens imports this module; cross-node delivery plugs
 * in here, under the registry, and nowhere else.
 */
@Module({
  providers: [ConnectionRegistry],
  exports: [ConnectionRegistry],
})
export class ConnectionsModule {}
