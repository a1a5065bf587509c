import { encodeSyncStep2, Y } from '@coproduce/protocol';

/** How long an answer is kept for others asking the same, at most: a reconnection storm's length. */
const KEEP_MS = 2_000;

/**
 * A document's sync step 2 answers, by the state vector they answer, for as long as the
 * document stays as it is. After a deploy or a network blip every open editor joins again
 * at once, and those of one document mostly ask with the same state vector (all up to date,
 * or all new): the document is encoded for the first and the same bytes go to the rest,
 * where encoding it for each would grow with the number of people. Any change to the
 * document forgets every answer, and an answer is dropped a little while after it was
 * made, so an idle document does not keep a second copy of itself.
 */
export class SyncAnswers {
  private answers = new Map<string, Uint8Array>();
  private expiry: NodeJS.Timeout | null = null;
  private readonly forget = (): void => this.clear();

  constructor(
    private readonly doc: Y.Doc,
    private readonly maxAnswers = 4,
  ) {
    doc.on('update', this.forget);
  }

  /** The sync step 2 frame for a member whose sync step 1 carried `stateVector`. */
  answer(stateVector: Uint8Array): Uint8Array {
    const key = Buffer.from(
      stateVector.buffer,
      stateVector.byteOffset,
      stateVector.byteLength,
    ).toString('latin1');
    const known = this.answers.get(key);
    if (known) return known;
    const answer = encodeSyncStep2(Y.encodeStateAsUpdate(this.doc, stateVector));
    if (this.answers.size >= this.maxAnswers) this.answers.clear();
    this.answers.set(key, answer);
    // Not what keeps the process alive; cleared with the answers.
    this.expiry ??= setTimeout(this.forget, KEEP_MS).unref();
    return answer;
  }

  clear(): void {
    if (this.answers.size > 0) this.answers = new Map();
    if (this.expiry) {
      clearTimeout(this.expiry);
      this.expiry = null;
    }
  }

  destroy(): void {
    this.doc.off('update', this.forget);
    this.clear();
  }
}
