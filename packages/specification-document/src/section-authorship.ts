import { Y } from '@coproduce/protocol';
import { specificationFragment } from './fragment';
import { sectionKeyOf } from './section-blocks';

/** What was written and deleted in each section of a fork since it was made. */
export interface SectionEdits {
  /** Yjs client ids whose text in the section was written after the fork and is still there. */
  writers: Set<number>;
  /** Text of the fork deleted since, by id (each a run of one client's characters). */
  deletions: { client: number; clock: number; length: number }[];
}

/**
 * Who changed each section of `copy` since it was forked as `fork` (keyed as
 * sectionBlocksOf keys them): the Yjs clients whose text in it is new, and the fork's
 * text deleted from it. A deleted block belongs to the section it stood in. The caller
 * knows which person wrote as each client, and who deleted which ids.
 */
export function sectionEditsOf(fork: Y.Doc, copy: Y.Doc): Map<string, SectionEdits> {
  const forked = Y.decodeStateVector(Y.encodeStateVector(fork));
  const edits = new Map<string, SectionEdits>();
  let current: SectionEdits | null = null;
  const sectionFor = (key: string): SectionEdits => {
    let found = edits.get(key);
    if (!found) edits.set(key, (found = { writers: new Set(), deletions: [] }));
    return found;
  };
  const visit = (item: Y.Item, section: SectionEdits): void => {
    const { client, clock } = item.id;
    const isNew = clock >= (forked.get(client) ?? 0);
    // Formatting (bold on, bold off) is an uncounted item of its own: its client wrote too.
    if (isNew && !item.deleted && (item.countable || item.content instanceof Y.ContentFormat)) {
      section.writers.add(client);
    }
    if (!isNew && item.deleted && !deletedIn(fork, item.id)) {
      section.deletions.push({ client, clock, length: item.length });
    }
    const content = item.content;
    if (content instanceof Y.ContentType) {
      for (let child = content.type._start; child; child = child.right) visit(child, section);
    }
  };
  for (let item = specificationFragment(copy)._start; item; item = item.right) {
    const type = item.content instanceof Y.ContentType ? item.content.type : null;
    if (!item.deleted && type instanceof Y.XmlElement && type.nodeName === 'heading') {
      current = sectionFor(sectionKeyOf(type));
    }
    visit(item, current ?? sectionFor(sectionKeyOf(null)));
  }
  return edits;
}

/** Whether the item `id` (which the fork has) was deleted there already. */
function deletedIn(doc: Y.Doc, id: Y.ID): boolean {
  return Y.getItem(doc.store, id).deleted;
}
