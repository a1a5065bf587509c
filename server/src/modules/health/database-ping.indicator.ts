import { Injectable } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { HealthIndicatorService } from '@nestjs/terminus';
import type { Connection } from 'mongoose';

/**
 * Asks the database itself (`ping`), rather than trusting the driver's idea
 * of the connection state, which lags a server that has gone away by up to
 * a heartbeat.
 */
@Injectable()
export class DatabasePingIndicator {
  constructor(
    @InjectConnection() private readonly connection: Connection,
    private readonly indicators: HealthIndicatorService,
  ) {}

  async ping(key: string, timeoutMs: number) {
    const indicator = this.indicators.check(key);
    const database = this.connection.db;
    if (!database) return indicator.down({ message: 'Not connected to the database yet.' });
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('timeout')), timeoutMs);
    });
    try {
      await Promise.race([database.command({ ping: 1 }), timeout]);
      return indicator.up();
    } catch {
      return indicator.down({ message: `The database did not answer within ${timeoutMs} ms.` });
    } finally {
      clearTimeout(timer);
    }
  }
}
