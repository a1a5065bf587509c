import { getSchema, type Extensions } from '@tiptap/core';
import type { Schema } from '@tiptap/pm/model';
import StarterKit from '@tiptap/starter-kit';
import { GuidanceAttribute } from './guidance';
import { SectionIds } from './section-id-extension';

/**
 * The node and mark types of a specification: the editor in the browser, the template
 * writer and the renderers on the server all read the document through this one list.
 * The editor adds only what has no bearing on the stored document (placeholders,
 * collaboration, carets).
 */
export function specificationExtensions(): Extensions {
  return [
    // Yjs keeps the history: Tiptap's own undo would undo other people's typing.
    StarterKit.configure({ undoRedo: false }),
    GuidanceAttribute,
    SectionIds,
  ];
}

let schema: Schema | undefined;

/** The ProseMirror schema of `specificationExtensions()`, built once. */
export function specificationSchema(): Schema {
  schema ??= getSchema(specificationExtensions());
  return schema;
}
