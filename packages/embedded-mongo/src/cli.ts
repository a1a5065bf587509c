import { parseArgs } from 'node:util';
import { startEmbeddedMongo } from './in-process';

const USAGE = `usage: embedded-mongo [--dbpath <dir>] [--port <n>] [--host <address>]

Without --port or --host it listens on a Unix domain socket in a new directory only
your user may open (and on no TCP port), so other users of this machine cannot reach
it; connect with the URI it prints. --port or --host serve TCP instead, with no
authentication: anyone who reaches that address may read and change every database.
Files under --dbpath are readable by your user only.`;

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
  const overTcp = values.port !== undefined || values.host !== undefined;
  // Whatever the storage code forgets to restrict, the process's umask does.
  process.umask(0o077);

  let stopping = false;
  const server = await startEmbeddedMongo(
    { port, host: values.host, dbpath: values.dbpath, privateSocket: !overTcp },
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
  if (overTcp) {
    process.stderr.write(
      'embedded-mongo: warning: TCP has no authentication here; anyone who can reach ' +
        `${server.uri} can read and change every database. Leave out --port and --host ` +
        'to listen on a socket only your user can open.\n',
    );
  }
  // Launchers read this line for the URI: keep its shape.
  process.stdout.write(`embedded-mongo: listening on ${server.uri}\n`);
  if (!overTcp) {
    process.stdout.write(
      'embedded-mongo: only your user can connect (a Unix domain socket in a 0700 ' +
        `directory); for example: mongosh '${server.uri}'\n`,
    );
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `embedded-mongo: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
