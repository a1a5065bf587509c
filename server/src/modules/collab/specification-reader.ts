import { Injectable } from '@nestjs/common';
import { Y } from '@coproduce/protocol';
import { DocumentRegistry } from './document-registry';

/**
 * How any feature reads a specification's current text without joining it as a socket
 * (to check an anchor, keep the state at publishing, render it): it borrows the open
 * document, or opens it, and hands back a copy of what everyone editing it has now.
 * Every frame received is applied to the open document as it arrives, so the copy holds
 * everything received so far. The reader does not authorise: the caller has already
 * found the specification and decided the person may read it.
 */
@Injectable()
export class SpecificationReader {
  constructor(private readonly registry: DocumentRegistry) {}

  /** The current state as one Yjs update. */
  async state(specificationId: string): Promise<Uint8Array> {
    const document = await this.registry.acquire(specificationId);
    try {
      return Y.encodeStateAsUpdate(document.doc);
    } finally {
      this.registry.released(document);
    }
  }

  /** A copy of the current document, the caller's to read and destroy; edits to it go nowhere. */
  async read(specificationId: string): Promise<Y.Doc> {
    const copy = new Y.Doc();
    Y.applyUpdate(copy, await this.state(specificationId));
    return copy;
  }
}
