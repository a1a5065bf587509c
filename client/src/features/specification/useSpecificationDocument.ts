import { useEffect, useState } from 'react';
import { CollabProvider, type SaveStatus } from '@coproduce/collab-provider';
import { Y, type CollabErrorBody, type Role, type SizeWarning } from '@coproduce/protocol';
import { specificationFragment } from '@coproduce/specification-document';
import { IndexeddbPersistence } from 'y-indexeddb';
import { localDraftName } from './local-drafts';
import { sharedCollabConnection } from '../../session/collab-connection';

export interface SpecificationDocument {
  doc: Y.Doc;
  provider: CollabProvider;
  status: SaveStatus;
  role: Role | null;
  canEdit: boolean;
  /** Archived: nobody may edit it until a commissioner restores it. */
  archived: boolean;
  /** An engagement copy whose round has closed: read-only for good, kept as the round's record. */
  closed: boolean;
  synced: boolean;
  /**
   * The editor may bind: synced with the server, or holding content from this device
   * (offline). Binding an empty document early would make the editor write a blank
   * paragraph ahead of the server's template.
   */
  ready: boolean;
  joinError: CollabErrorBody | null;
  /** The server refused something this person sent (cleared once all is saved). */
  problem: CollabErrorBody | null;
  warning: SizeWarning | null;
}

/**
 * A live document for as long as the page shows it: a specification's draft, or the
 * engagement copy of a market engagement round (each named by its own collab docId, so
 * a copy and its draft never share a Y.Doc or a local store). The Y.Doc is kept in
 * IndexedDB (so nothing typed is lost to a reload or a dropped connection) and bound
 * to the server through the shared collab connection. The local copy is kept per
 * person: someone else signing in on this browser never sees, or sends, another
 * person's unsent edits.
 */
export function useSpecificationDocument(
  docId: string,
  userId: string | undefined,
): SpecificationDocument | null {
  const [state, setState] = useState<SpecificationDocument | null>(null);

  useEffect(() => {
    if (!userId) return;
    const doc = new Y.Doc();
    const local = new IndexeddbPersistence(localDraftName(userId, docId), doc);
    const provider = new CollabProvider(sharedCollabConnection(), docId, doc);
    let localLoaded = false;
    const refresh = (change: Partial<SpecificationDocument> = {}) =>
      setState((previous) => ({
        doc,
        provider,
        status: provider.status,
        role: provider.role,
        canEdit: provider.canEdit,
        archived: provider.archived,
        closed: provider.closed,
        synced: provider.synced,
        ready: provider.synced || (localLoaded && specificationFragment(doc).length > 0),
        joinError: previous?.doc === doc ? previous.joinError : null,
        problem: previous?.doc === doc && provider.status !== 'saved' ? previous.problem : null,
        warning: previous?.doc === doc ? previous.warning : null,
        ...change,
      }));
    provider.on('status', () => refresh());
    provider.on('synced', () => refresh());
    provider.on('joined', () => refresh({ joinError: null }));
    provider.on('role', () => refresh());
    provider.on('join-failed', (error) => {
      // Not (or no longer) theirs to read: removed, or made provider. Keep no copy of it.
      if (error.code === 'not-found' || error.code === 'forbidden') void local.clearData();
      refresh({ joinError: error });
    });
    // Being out of the document is mended by the provider joining again.
    provider.on('error', (error) => refresh(error.code === 'not-joined' ? {} : { problem: error }));
    provider.on('warning', (warning) => refresh({ warning }));
    void local.whenSynced.then(() => {
      localLoaded = true;
      refresh();
    });
    refresh();
    return () => {
      provider.destroy();
      void local.destroy();
      doc.destroy();
    };
  }, [docId, userId]);

  return state;
}
