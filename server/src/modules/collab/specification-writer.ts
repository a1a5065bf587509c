import { Injectable } from '@nestjs/common';
import { Y } from '@coproduce/protocol';
import { newLogWriterId } from '../specification-store/log-writer-id';
import { SpecificationStore } from '../specification-store/specification-store';
import { DocumentRegistry } from './document-registry';

/**
 * How a feature changes a specification's text on the server (restoring a checkpoint):
 * never by replacing what is stored, but as a new edit to the live document, which is
 * stored, acknowledged and sent to every open editor like anyone's typing, and merges
 * with what they write meanwhile. Like the reader, it does not authorise: the caller has
 * decided the person may edit.
 */
@Injectable()
export class SpecificationWriter {
  constructor(
    private readonly registry: DocumentRegistry,
    private readonly store: SpecificationStore,
  ) {}

  /**
   * Starts a new live document, `copyId`, as a fork of a specification as everyone editing
   * it has it now (an engagement copy). The copy's first stored entry is that state, so it
   * shares the draft's history up to here and nothing after; resolves with the state once
   * it is durable.
   */
  async fork(specificationId: string, copyId: string): Promise<Uint8Array> {
    const document = await this.registry.acquire(specificationId);
    let state: Uint8Array;
    try {
      state = Y.encodeStateAsUpdate(document.doc);
    } finally {
      this.registry.released(document);
    }
    await this.store.append(copyId, [{ writer: newLogWriterId(), seq: 1, update: state }]);
    return state;
  }

  /**
   * Runs `change` as one transaction on the live document, for `userId`; resolves once
   * the change is durable. `change` gets the document itself: it must only change the
   * text, synchronously, and keep no reference to it.
   */
  async edit(specificationId: string, userId: string, change: (doc: Y.Doc) => void): Promise<void> {
    const document = await this.registry.acquire(specificationId);
    try {
      await document.edit(userId, change);
    } finally {
      this.registry.released(document);
    }
  }
}
