import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { ServiceUnavailable } from '../../base/errors';
import type { DocumentNode, ExportCover } from './document-node';
import type { FileAnswer, FileRequest } from './file-worker';

interface Waiting {
  resolve: (body: Buffer) => void;
  reject: (error: Error) => void;
}

/** A running file thread and the files asked of it that it has not answered yet. */
interface FileThread {
  worker: Worker;
  waiting: Map<number, Waiting>;
}

/**
 * Files waiting for the thread at most (up to a second each for 60 pages): one more would
 * wait so long that its reader gives up, so it is told to come back instead.
 */
export const MOST_WAITING_FILES = 8;

/**
 * Makes Word and PDF files on a thread of their own. pdfmake lays a 60-page specification
 * out in about a second and docx builds it in a fifth, synchronously: every other request
 * and live edit on the server would wait through that. One thread, started by the first
 * file, makes them in turn; if it dies, what it was making fails and the next file starts
 * a new one.
 */
@Injectable()
export class FileWriterThread implements OnModuleDestroy {
  private thread: FileThread | undefined;
  private lastId = 0;

  write(format: FileRequest['format'], content: DocumentNode, cover: ExportCover): Promise<Buffer> {
    const { worker, waiting } = this.running();
    if (waiting.size >= MOST_WAITING_FILES) {
      const busy = new ServiceUnavailable(
        'Many files are being made just now. Try again in a minute, or download the Markdown file.',
      );
      return Promise.reject(Object.assign(busy, { retryAfterSeconds: 60 }));
    }
    const id = ++this.lastId;
    return new Promise((resolve, reject) => {
      waiting.set(id, { resolve, reject });
      worker.postMessage({ id, format, content, cover } satisfies FileRequest);
    });
  }

  async onModuleDestroy(): Promise<void> {
    await this.thread?.worker.terminate();
  }

  /** The thread's script: compiled beside this file (dist), as a thread runs JavaScript only. */
  protected startWorker(): Worker {
    return new Worker(join(__dirname, 'file-worker.js'));
  }

  private running(): FileThread {
    if (this.thread) return this.thread;
    const worker = this.startWorker();
    // An idle thread never keeps a stopping server alive.
    worker.unref();
    const thread: FileThread = { worker, waiting: new Map() };
    worker.on('message', (answer: FileAnswer) => {
      const waiting = thread.waiting.get(answer.id);
      thread.waiting.delete(answer.id);
      if ('error' in answer) waiting?.reject(new Error(`The file was not made: ${answer.error}`));
      else waiting?.resolve(Buffer.from(answer.body));
    });
    const failAll = (error: Error) => {
      if (this.thread === thread) this.thread = undefined;
      for (const waiting of thread.waiting.values()) waiting.reject(error);
      thread.waiting.clear();
    };
    worker.on('error', failAll);
    worker.on('exit', (code) => failAll(new Error(`The file thread stopped (exit code ${code}).`)));
    this.thread = thread;
    return thread;
  }
}
