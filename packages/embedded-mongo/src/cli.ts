import { parseArgs } from 'node:util';
import { startEmbeddedMongo } from './in-process';

const USAGE = 'usage: embedded-mongo [--port <n>] [--host <address>] [--dbpath <dir>]';

function fail(message: string): never {
  process.stderr.write(`embedded-mongo: ${message}\n${USAGE}\n`);
  process.exit(2);
}

async function main(): Promise<void> {
  let values: { port?: string; host?: string; dbpath?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        dbpath: { type: 'string' },
        help: { type: 'boolean' },
      },
    }));
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const port = Number(values.port ?? 0);
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`invalid --port '${values.port}'`);

  let stopping = false;
  const server = await startEmbeddedMongo(
    { port, host: values.host, dbpath: values.dbpath },
    {
      // An append that failed cannot be acknowledged: exit rather than serve what is not durable.
      onFatal: (error) => {
        process.stderr.write(`embedded-mongo: storage failed, exiting: ${error.message}\n`);
        process.exit(1);
      },
    },
  );
  const shutdown = () => {
    if (stopping) return;
    stopping = true;
    server.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`embedded-mongo: error while stopping: ${String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
  // Launched by launchEmbeddedMongo: the parent going away closes this channel.
  if (process.send) process.on('disconnect', shutdown);
  process.stdout.write(`embedded-mongo: listening on ${server.uri}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `embedded-mongo: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
