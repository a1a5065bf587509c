import type { VersionDetail } from '@coproduce/domain';

/**
 * A published version's text as the server rendered it when the version was published.
 *
 * Why inserting it as HTML is safe: the server makes this HTML from the Yjs document with
 * Tiptap's static renderer and the specification's own schema
 * (packages/specification-document, renderSpecificationHtml), so it holds only that
 * schema's elements — headings, paragraphs, lists, tables, marks — with every text and
 * attribute escaped (its render.spec.ts writes markup into a document and checks it comes
 * out as text). Nothing a person typed becomes markup. It comes from our own API over
 * the signed-in session, and the app's Content-Security-Policy refuses inline scripts
 * and handlers besides, should anything ever slip through.
 */
export function PublishedText({ version }: { version: Pick<VersionDetail, 'html'> }) {
  return (
    <div className="coproduce-published-text" dangerouslySetInnerHTML={{ __html: version.html }} />
  );
}
