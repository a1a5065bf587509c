import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { MongoClient } from 'mongodb';
import { launchEmbeddedMongo } from './child-process';

/** The socket path a `mongodb://<percent-encoded path>` URI names. */
function socketPathOf(uri: string): string {
  return decodeURIComponent(uri.slice('mongodb://'.length));
}

/** Inodes of the TCP sockets listening on this machine (state 0A in /proc/net/tcp*). */
function listeningTcpInodes(): Set<string> {
  const inodes = new Set<string>();
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    for (const line of readFileSync(table, 'utf8').split('\n').slice(1)) {
      const fields = line.trim().split(/\s+/);
      if (fields[3] === '0A' && fields[9]) inodes.add(fields[9]);
    }
  }
  return inodes;
}

/** Inodes of the sockets a process holds open. */
function socketInodesOf(pid: number): string[] {
  return readdirSync(`/proc/${pid}/fd`)
    .map((fd) => readlinkSync(`/proc/${pid}/fd/${fd}`))
    .flatMap((target) => /^socket:\[(\d+)\]$/.exec(target)?.[1] ?? []);
}

/** Connects to a Unix domain socket as another user (`nobody`); returns the error code, or 'connected'. */
function connectAsNobody(socketPath: string): string {
  const script = `require('node:net').connect(process.argv[1])
    .on('connect', () => { console.log('connected'); process.exit(0); })
    .on('error', (error) => { console.log(error.code); process.exit(0); });`;
  const result = spawnSync(process.execPath, ['-e', script, socketPath], {
    uid: 65534,
    gid: 65534,
    encoding: 'utf8',
    timeout: 10_000,
  });
  return result.stdout.trim() || `failed: ${result.stderr}`;
}

// Runs the built CLI (`dist/cli.js`): build the package before this spec.
describe('launchEmbeddedMongo', () => {
  let dbpath: string;
  beforeEach(async () => {
    dbpath = await mkdtemp(path.join(os.tmpdir(), 'embedded-mongo-launch-'));
  });
  afterEach(() => rm(dbpath, { recursive: true, force: true }));

  it('keeps acknowledged writes across a restart of the child process', async () => {
    const first = await launchEmbeddedMongo({ dbpath });
    let client = await new MongoClient(first.uri).connect();
    const specifications = () => client.db('coproduce').collection('specifications');
    await specifications().createIndex({ title: 1 }, { unique: true });
    await specifications().insertOne({ title: 'Key worker service', status: 'draft' });
    await specifications().updateOne(
      { title: 'Key worker service' },
      { $set: { status: 'published' } },
    );
    await client.close();
    await first.stop();

    const second = await launchEmbeddedMongo({ dbpath });
    client = await new MongoClient(second.uri).connect();
    try {
      expect(await specifications().findOne({}, { projection: { _id: 0 } })).toEqual({
        title: 'Key worker service',
        status: 'published',
      });
      expect((await specifications().indexes()).map((index) => index.name)).toEqual([
        '_id_',
        'title_1',
      ]);
    } finally {
      await client.close();
      await second.stop();
    }
  });

  it('rejects with the child’s reason when the data directory is already in use', async () => {
    const running = await launchEmbeddedMongo({ dbpath });
    try {
      await expect(launchEmbeddedMongo({ dbpath })).rejects.toThrow(/in use/);
    } finally {
      await running.stop();
    }
  });

  describe('as the app runs it (no port, no host)', () => {
    it('listens on a socket in a directory only its user may open, and on no TCP port', async () => {
      const store = await launchEmbeddedMongo({ dbpath });
      try {
        expect(store.uri).toMatch(/^mongodb:\/\/%2F.*mongod\.sock$/);
        const socketPath = socketPathOf(store.uri);
        expect((await stat(path.dirname(socketPath))).mode & 0o777).toBe(0o700);
        expect((await stat(socketPath)).mode & 0o777).toBe(0o600);

        const listening = listeningTcpInodes();
        expect(socketInodesOf(store.pid).filter((inode) => listening.has(inode))).toEqual([]);

        const client = await new MongoClient(store.uri).connect();
        try {
          await client.db('coproduce').collection('users').insertOne({ email: 'a@demo.test' });
          expect(await client.db('coproduce').collection('users').countDocuments()).toBe(1);
        } finally {
          await client.close();
        }
      } finally {
        await store.stop();
      }
      // Stopping removes the socket's directory with it.
      await expect(stat(path.dirname(socketPathOf(store.uri)))).rejects.toThrow(/ENOENT/);
    });

    // Only root may start a process as another user; elsewhere the modes above must do.
    const asRoot = process.getuid?.() === 0 ? it : it.skip;
    asRoot('refuses another user of the machine before any command is read', async () => {
      const store = await launchEmbeddedMongo({ dbpath });
      try {
        expect(connectAsNobody(socketPathOf(store.uri))).toBe('EACCES');
      } finally {
        await store.stop();
      }
    });
  });

  it('serves TCP, as before, when given a port', async () => {
    const store = await launchEmbeddedMongo({ dbpath, port: 0 });
    try {
      expect(store.uri).toMatch(/^mongodb:\/\/127\.0\.0\.1:\d+$/);
    } finally {
      await store.stop();
    }
  });
});
