import { Worker } from 'node:worker_threads';
import { ServiceUnavailable } from '../../base/errors';
import { FileWriterThread, MOST_WAITING_FILES } from './file-writer-thread';

/**
 * The file thread with a stand-in for file-worker.js (a thread runs JavaScript, and these
 * specs run from TypeScript): `answer` is the body of its message handler.
 */
class StandInThread extends FileWriterThread {
  started = 0;

  constructor(private readonly answer: string) {
    super();
  }

  protected override startWorker(): Worker {
    this.started++;
    return new Worker(
      `const { parentPort } = require('node:worker_threads');
       parentPort.on('message', (request) => { ${this.answer} });`,
      { eval: true },
    );
  }
}

const content = { type: 'doc', content: [] };
const cover = { title: 'Crisis support', subtitle: 'Draft' };

describe('FileWriterThread', () => {
  let thread: FileWriterThread | undefined;
  afterEach(() => thread?.onModuleDestroy());

  it('answers each file with its own bytes, in any order', async () => {
    thread = new StandInThread(
      `setTimeout(() => parentPort.postMessage({ id: request.id,
         body: new TextEncoder().encode(request.cover.title) }), request.cover.title.length);`,
    );

    const [long, short] = await Promise.all([
      thread.write('pdf', content, { ...cover, title: 'a longer title' }),
      thread.write('pdf', content, { ...cover, title: 'short' }),
    ]);
    expect(long.toString()).toBe('a longer title');
    expect(short.toString()).toBe('short');
  });

  it('fails a file the thread could not make, with its reason', async () => {
    thread = new StandInThread(
      `parentPort.postMessage({ id: request.id, error: 'Error: no fonts' });`,
    );

    await expect(thread.write('pdf', content, cover)).rejects.toThrow(
      'The file was not made: Error: no fonts',
    );
  });

  it('fails what a dying thread was making, and starts a new one for the next file', async () => {
    const dying = new StandInThread(
      `if (request.cover.title === 'fatal') process.exit(3);
       parentPort.postMessage({ id: request.id, body: new Uint8Array([1]) });`,
    );
    thread = dying;

    await expect(dying.write('pdf', content, { ...cover, title: 'fatal' })).rejects.toThrow(
      'The file thread stopped (exit code 3).',
    );
    await expect(dying.write('pdf', content, cover)).resolves.toEqual(Buffer.from([1]));
    expect(dying.started).toBe(2);
  });

  it(`refuses a file beyond ${MOST_WAITING_FILES} waiting, saying when to come back`, async () => {
    thread = new StandInThread('/* busy: never answers */');
    for (let waiting = 0; waiting < MOST_WAITING_FILES; waiting++) {
      void thread.write('pdf', content, cover).catch(() => undefined);
    }

    const refused = await thread.write('pdf', content, cover).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ServiceUnavailable);
    expect(refused).toMatchObject({
      retryAfterSeconds: 60,
      message: expect.stringContaining('Try again in a minute'),
    });
  });
});
