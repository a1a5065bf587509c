import { parentPort } from 'node:worker_threads';
import type { DocumentNode, ExportCover } from './document-node';
import { writePdf } from './pdf-writer';

/** What `PdfWriterThread` asks of this thread: one PDF. */
export interface PdfRequest {
  id: number;
  content: DocumentNode;
  cover: ExportCover;
}

/** The PDF's bytes, or why it could not be made. */
export type PdfAnswer = { id: number; body: Uint8Array } | { id: number; error: string };

// The entry of the PDF thread (see pdf-writer-thread.ts): run by `new Worker`, never imported.
parentPort?.on('message', (request: PdfRequest) => {
  const answer = (message: PdfAnswer) => parentPort!.postMessage(message);
  writePdf(request.content, request.cover).then(
    (body) => answer({ id: request.id, body }),
    (error: unknown) => answer({ id: request.id, error: String(error) }),
  );
});
