import { parentPort } from 'node:worker_threads';
import type { DocumentNode, ExportCover } from './document-node';
import { writeDocx } from './docx-writer';
import { writePdf } from './pdf-writer';

/** What `FileWriterThread` asks of this thread: one Word or PDF file. */
export interface FileRequest {
  id: number;
  format: 'docx' | 'pdf';
  content: DocumentNode;
  cover: ExportCover;
}

/** The file's bytes, or why it could not be made. */
export type FileAnswer = { id: number; body: Uint8Array } | { id: number; error: string };

// The entry of the file thread (see file-writer-thread.ts): run by `new Worker`, never imported.
parentPort?.on('message', (request: FileRequest) => {
  const answer = (message: FileAnswer) => parentPort!.postMessage(message);
  const write = request.format === 'docx' ? writeDocx : writePdf;
  write(request.content, request.cover).then(
    (body) => answer({ id: request.id, body }),
    (error: unknown) => answer({ id: request.id, error: String(error) }),
  );
});
