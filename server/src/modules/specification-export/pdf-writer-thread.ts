import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { ServiceUnavailable } from '../../base/errors';
import type { DocumentNode, ExportCover } from './document-node';
import type { PdfAnswer, PdfRequest } from './pdf-worker';

interface Waiting {
  resolve: (body: Buffer) => void;
  reject: (error: Error) => void;
}

/** A running PDF thread and the PDFs asked of it that it has not answered yet. */
interface PdfThread {
  worker: Worker;
  waiting: Map<number, Waiting>;
}

/**
 * PDFs waiting for the thread at most (about a second each for 60 pages): one more would
 * wait so long that its reader gives up, so it is told to come back instead.
 */
export const MOST_WAITING_PDFS = 8;

/**
 * Lays PDFs out on a thread of their own. pdfmake works synchronously and a 60-page
 * specification takes about a second, which every other request and live edit on the
 * server would otherwise wait through. One thread, started by the first PDF, makes them
 * in turn; if it dies, what it was making fails and the next PDF starts a new one.
 */
@Injectable()
export class PdfWriterThread implements OnModuleDestroy {
  private thread: PdfThread | undefined;
  private lastId = 0;

  write(content: DocumentNode, cover: ExportCover): Promise<Buffer> {
    const { worker, waiting } = this.running();
    if (waiting.size >= MOST_WAITING_PDFS) {
      const busy = new ServiceUnavailable(
        'Many PDFs are being made just now. Try again in a minute, or download the Word or Markdown file.',
      );
      return Promise.reject(Object.assign(busy, { retryAfterSeconds: 60 }));
    }
    const id = ++this.lastId;
    return new Promise((resolve, reject) => {
      waiting.set(id, { resolve, reject });
      worker.postMessage({ id, content, cover } satisfies PdfRequest);
    });
  }

  async onModuleDestroy(): Promise<void> {
    await this.thread?.worker.terminate();
  }

  /** The thread's script: compiled beside this file (dist), as a thread runs JavaScript only. */
  protected startWorker(): Worker {
    return new Worker(join(__dirname, 'pdf-worker.js'));
  }

  private running(): PdfThread {
    if (this.thread) return this.thread;
    const worker = this.startWorker();
    // An idle thread never keeps a stopping server alive.
    worker.unref();
    const thread: PdfThread = { worker, waiting: new Map() };
    worker.on('message', (answer: PdfAnswer) => {
      const waiting = thread.waiting.get(answer.id);
      thread.waiting.delete(answer.id);
      if ('error' in answer) waiting?.reject(new Error(`The PDF was not made: ${answer.error}`));
      else waiting?.resolve(Buffer.from(answer.body));
    });
    const failAll = (error: Error) => {
      if (this.thread === thread) this.thread = undefined;
      for (const waiting of thread.waiting.values()) waiting.reject(error);
      thread.waiting.clear();
    };
    worker.on('error', failAll);
    worker.on('exit', (code) => failAll(new Error(`The PDF thread stopped (exit code ${code}).`)));
    this.thread = thread;
    return thread;
  }
}
