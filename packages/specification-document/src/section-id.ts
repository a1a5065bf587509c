import { Extension } from '@tiptap/core';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { ySyncPluginKey } from '@tiptap/y-tiptap';

/** The heading attribute that names a section for the outline, anchors, links and diffs. */
export const SECTION_ID = 'id';

// 64 symbols, so that each random byte picks one without bias.
const ID_SYMBOLS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';
const ID_LENGTH = 12;

/**
 * A new section id, 72 random bits. From `getRandomValues` rather than `randomUUID`,
 * which browsers offer only on https or localhost pages.
 */
export function newSectionId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(ID_LENGTH));
  return Array.from(bytes, (byte) => ID_SYMBOLS[byte & 63]).join('');
}

export function sectionIdOf(attributes: Record<string, unknown>): string | null {
  const id = attributes[SECTION_ID];
  return typeof id === 'string' && id !== '' ? id : null;
}

/**
 * The positions of the headings that need a new id: those without one, and every copy
 * of an id but one. Splitting a heading copies its attributes to both halves, so the id
 * stays with the first copy that has words: a heading split at its start keeps its id on
 * the half that still reads as the section.
 */
export function headingsNeedingSectionIds(doc: ProseMirrorNode): number[] {
  const missing: number[] = [];
  const byId = new Map<string, { position: number; hasText: boolean }[]>();
  doc.descendants((node, position) => {
    if (node.type.name !== 'heading') return node.isBlock && !node.isTextblock;
    const id = sectionIdOf(node.attrs);
    if (id === null) missing.push(position);
    else byId.set(id, [...(byId.get(id) ?? []), { position, hasText: node.textContent !== '' }]);
    return false;
  });
  const copies = [...byId.values()].flatMap((headings) => {
    const keeper = headings.find((heading) => heading.hasText) ?? headings[0];
    return headings.filter((heading) => heading !== keeper).map((heading) => heading.position);
  });
  return [...missing, ...copies].sort((a, b) => a - b);
}

/**
 * Every heading carries a stable section id (HTML `id` when rendered). The template
 * writer gives the template's headings theirs; in the editor, a heading someone makes,
 * splits or pastes gets a fresh one as the change is made.
 */
export const SectionIds = Extension.create({
  name: 'sectionIds',
  addGlobalAttributes() {
    return [
      {
        types: ['heading'],
        attributes: {
          [SECTION_ID]: {
            default: null,
            keepOnSplit: false,
            // A heading pasted in is a new section, even when copied from this one.
            parseHTML: () => null,
            renderHTML: (attributes) => {
              const id = sectionIdOf(attributes);
              return id === null ? {} : { id };
            },
          },
        },
      },
    ];
  },
  addProseMirrorPlugins() {
    return [sectionIdPlugin()];
  },
});

/**
 * Names the headings of a change made in this editor that need a section id. Other
 * people's changes arrive through y-sync, already named by their own editors; naming
 * them here too would have two people racing to rename one section.
 */
export function sectionIdPlugin(): Plugin {
  return new Plugin({
    key: new PluginKey('sectionIds'),
    appendTransaction(transactions, _before, state) {
      const changedHere = transactions.some(
        (transaction) => transaction.docChanged && !transaction.getMeta(ySyncPluginKey),
      );
      if (!changedHere) return null;
      const positions = headingsNeedingSectionIds(state.doc);
      if (positions.length === 0) return null;
      const transaction = state.tr;
      for (const position of positions) {
        transaction.setNodeAttribute(position, SECTION_ID, newSectionId());
      }
      return transaction;
    },
  });
}
