import { Y } from '@coproduce/protocol';
import {
  readOutline,
  renderSpecificationHtml,
  renderSpecificationMarkdown,
} from '@coproduce/specification-document';

/** What a version keeps rendered from its text: HTML, Markdown and the contents list. */
export function renderVersion(state: Uint8Array) {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, state);
    return {
      html: renderSpecificationHtml(doc),
      markdown: renderSpecificationMarkdown(doc),
      outline: readOutline(doc),
    };
  } finally {
    doc.destroy();
  }
}
