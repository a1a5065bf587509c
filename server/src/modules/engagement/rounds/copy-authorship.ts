import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { Y } from '@coproduce/protocol';
import { Types } from 'mongoose';
import { CopyRecords } from './copy-records';
import type { CopyDeletion, CopyWriter } from './engagement-round.schema';

/** How long edits gather before their authorship is written (one write per round, not per keystroke). */
const FLUSH_AFTER_MS = 500;

interface Pending {
  writers: CopyWriter[];
  deletions: CopyDeletion[];
  timer: NodeJS.Timeout | null;
}

/**
 * Who wrote and deleted what in engagement copies: each update a member sends names the
 * Yjs clients it writes as and the characters it deletes, which the server alone can tie
 * to the signed-in person. Kept beside the round (not in the text) and written in
 * batches; the text itself is durable on its own path, so at worst a crash loses the
 * names on the last half-second of edits, never an edit.
 */
@Injectable()
export class CopyAuthorship implements OnApplicationShutdown {
  private readonly logger = new Logger(CopyAuthorship.name);
  private readonly pending = new Map<string, Pending>();
  /** Clients already recorded, per round, so each is written once per node. */
  private readonly known = new Map<string, Set<number>>();

  constructor(private readonly records: CopyRecords) {}

  record(roundId: string, userId: string, update: Uint8Array): void {
    let decoded: ReturnType<typeof Y.decodeUpdate>;
    try {
      decoded = Y.decodeUpdate(update);
    } catch {
      return; // Admitted updates decode; nothing to attribute otherwise.
    }
    const user = new Types.ObjectId(userId);
    const pending = this.pendingOf(roundId);
    let known = this.known.get(roundId);
    if (!known) this.known.set(roundId, (known = new Set()));
    for (const struct of decoded.structs) {
      const client = struct.id.client;
      if (known.has(client)) continue;
      known.add(client);
      pending.writers.push({ client, userId: user });
    }
    for (const [client, ranges] of decoded.ds.clients) {
      for (const range of ranges) {
        pending.deletions.push({ userId: user, client, clock: range.clock, length: range.len });
      }
    }
    if (pending.writers.length + pending.deletions.length === 0) return;
    pending.timer ??= setTimeout(() => void this.flush(roundId), FLUSH_AFTER_MS);
  }

  /** Writes what has gathered for a round now (before its changes are read). */
  async flush(roundId: string): Promise<void> {
    const pending = this.pending.get(roundId);
    if (!pending) return;
    this.pending.delete(roundId);
    if (pending.timer) clearTimeout(pending.timer);
    if (pending.writers.length + pending.deletions.length === 0) return;
    try {
      await this.records.addAuthors(new Types.ObjectId(roundId), {
        writers: pending.writers,
        deletions: mergeRuns(pending.deletions),
      });
    } catch (error) {
      this.logger.error(`recording who edited round ${roundId}: ${String(error)}`);
      this.known.get(roundId)?.clear();
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([...this.pending.keys()].map((roundId) => this.flush(roundId)));
  }

  private pendingOf(roundId: string): Pending {
    let pending = this.pending.get(roundId);
    if (!pending)
      this.pending.set(roundId, (pending = { writers: [], deletions: [], timer: null }));
    return pending;
  }
}

/** One person's deletions of adjacent characters of one client, as one run. */
export function mergeRuns(deletions: CopyDeletion[]): CopyDeletion[] {
  const sorted = [...deletions].sort(
    (a, b) =>
      a.userId.toHexString().localeCompare(b.userId.toHexString()) ||
      a.client - b.client ||
      a.clock - b.clock,
  );
  const merged: CopyDeletion[] = [];
  for (const run of sorted) {
    const last = merged[merged.length - 1];
    if (
      last &&
      last.userId.equals(run.userId) &&
      last.client === run.client &&
      run.clock <= last.clock + last.length
    ) {
      last.length = Math.max(last.length, run.clock + run.length - last.clock);
    } else {
      merged.push({ ...run });
    }
  }
  return merged;
}
