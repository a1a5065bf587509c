import { Y } from '@coproduce/protocol';
import type { JSONContent } from '@tiptap/core';
import { renderToHTMLString, renderToMarkdown } from '@tiptap/static-renderer';
import { yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import { specificationExtensions, specificationSchema } from './extensions';
import { specificationFragment } from './fragment';
import { guidanceOf } from './guidance';
import { MARKDOWN_MAPPINGS } from './markdown-mappings';

/**
 * The specification as HTML, without a browser: headings carry their section id as
 * `id`, text is escaped, and the template's guidance (never document text) is left out.
 */
export function renderSpecificationHtml(doc: Y.Doc): string {
  return renderToHTMLString({
    content: readableSpecificationContent(doc),
    extensions: specificationExtensions(),
  });
}

/** The specification as Markdown (CommonMark), escaped so that text reads as text. */
export function renderSpecificationMarkdown(doc: Y.Doc): string {
  const markdown = renderToMarkdown({
    content: readableSpecificationContent(doc),
    extensions: specificationExtensions(),
    options: MARKDOWN_MAPPINGS,
  });
  return `${markdown.replace(/\n{3,}/g, '\n\n').trim()}\n`;
}

/**
 * The document's content as ProseMirror JSON without the template's guidance, for any
 * renderer (HTML, Markdown, Word, PDF). Read from a copy: y-prosemirror deletes any
 * element the schema refuses from the Y.Doc it reads, and a renderer must never change
 * the live document.
 */
export function readableSpecificationContent(doc: Y.Doc): JSONContent {
  const copy = new Y.Doc();
  try {
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
    const root = yXmlFragmentToProseMirrorRootNode(
      specificationFragment(copy),
      specificationSchema(),
    );
    return withoutGuidance(root.toJSON() as JSONContent);
  } finally {
    copy.destroy();
  }
}

function withoutGuidance(node: JSONContent): JSONContent {
  if (!node.content) return node;
  return {
    ...node,
    content: node.content.filter((child) => !isGuidancePlaceholder(child)).map(withoutGuidance),
  };
}

/** A template paragraph nobody has written in yet: it shows guidance, not text. */
function isGuidancePlaceholder(node: JSONContent): boolean {
  return node.type === 'paragraph' && !node.content?.length && guidanceOf(node.attrs ?? {}) !== '';
}
