import type { Mark, Node } from '@tiptap/pm/model';
import {
  serializeChildrenToHTMLString,
  type TiptapStaticRendererOptions,
} from '@tiptap/static-renderer';

type Mappings = Partial<TiptapStaticRendererOptions<string, Mark, Node>>;

const children = (rendered: string | string[] | undefined) =>
  serializeChildrenToHTMLString(rendered);

// Characters that would otherwise start emphasis, code, links, HTML or entities.
const INLINE_SYNTAX = /[\\`*_[\]<>&~]/g;
// What would turn the start of a paragraph into a heading, quote, list or rule; a
// numbered list's marker is escaped at its full stop, as digits cannot be escaped.
const BLOCK_START = /^(\s*)(?:([#>+=-])|(\d+)([.)]))/;
const LINK_SCHEMES = /^(https?:|mailto:)/i;

/**
 * Where the renderer's own Markdown (which its authors call a sketch) falls short for
 * a published specification: text is escaped, headings with formatting inside render
 * whole, nested lists stay nested and numbered lists keep their start, and links keep
 * only web and email addresses.
 */
export const MARKDOWN_MAPPINGS: Mappings = {
  nodeMapping: {
    text({ node, parent }) {
      const text = node.text ?? '';
      // Backslashes are literal in code; its backticks or fences delimit it.
      const inCode =
        parent?.type.name === 'codeBlock' || node.marks.some((mark) => mark.type.name === 'code');
      if (inCode) return text;
      const escaped = text.replace(INLINE_SYNTAX, '\\$&');
      if (!parent || !startsLine(node, parent)) return escaped;
      return escaped.replace(
        BLOCK_START,
        (_match, space: string, sign?: string, digits?: string, stop?: string) =>
          sign ? `${space}\\${sign}` : `${space}${digits}\\${stop}`,
      );
    },
    // A hard break (Shift+Enter) in CommonMark; a bare newline would join the lines.
    hardBreak() {
      return '\\\n';
    },
    heading({ node, children: rendered }) {
      return `\n${'#'.repeat(Number(node.attrs['level']))} ${children(rendered)}\n`;
    },
    listItem({ node, parent, children: rendered }) {
      const marker =
        parent?.type.name === 'orderedList'
          ? `${Number(parent.attrs['start'] ?? 1) + indexIn(parent, node)}. `
          : '- ';
      const indent = ' '.repeat(marker.length);
      const lines = children(rendered).trim().split('\n');
      return `${marker}${lines.map((line, i) => (i === 0 || line === '' ? line : indent + line)).join('\n')}\n`;
    },
  },
  markMapping: {
    link({ mark, children: rendered }) {
      const href = String(mark.attrs['href'] ?? '');
      if (!LINK_SCHEMES.test(href)) return children(rendered);
      return `[${children(rendered)}](<${href.replace(/[<>\s]/g, encodeURIComponent)}>)`;
    },
  },
};

/** Whether text begins a line of a paragraph, where Markdown would read block syntax. */
function startsLine(node: Node, parent: Node): boolean {
  if (parent.type.name !== 'paragraph') return false;
  const index = indexIn(parent, node);
  return index === 0 || parent.child(index - 1).type.name === 'hardBreak';
}

function indexIn(parent: Node, node: Node): number {
  let index = -1;
  parent.forEach((child, _offset, i) => {
    if (child === node) index = i;
  });
  return index;
}
