import { dirname, join } from 'node:path';
import pdfmake from 'pdfmake';
import type { Content, ContentText, TDocumentDefinitions } from 'pdfmake/interfaces';
import {
  hasMark,
  headingLevelOf,
  safeLink,
  textOf,
  type DocumentNode,
  type ExportCover,
} from './document-node';

// Roboto, shipped with pdfmake: it covers £, curly quotes, dashes and accented names.
const FONT_DIRECTORY = join(dirname(require.resolve('pdfmake/package.json')), 'fonts', 'Roboto');

let fontsSet = false;

/** pdfmake's fonts, once; and it may read nothing but them, from disk or the network. */
function preparePdfmake(): void {
  if (fontsSet) return;
  pdfmake.setFonts({
    Roboto: {
      normal: join(FONT_DIRECTORY, 'Roboto-Regular.ttf'),
      bold: join(FONT_DIRECTORY, 'Roboto-Medium.ttf'),
      italics: join(FONT_DIRECTORY, 'Roboto-Italic.ttf'),
      bolditalics: join(FONT_DIRECTORY, 'Roboto-MediumItalic.ttf'),
    },
  });
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((path) => path.startsWith(FONT_DIRECTORY));
  fontsSet = true;
}

const HEADING_SIZES = [20, 16, 14, 12.5, 12, 11.5];

/**
 * A specification as a PDF: a title, headings in sizes by level (and in the PDF's
 * outline, so readers can jump between sections), lists, page numbers, and the
 * document's title and language for screen readers. Not tagged: pdfmake marks a PDF
 * tagged but writes an empty structure tree, and a reader that trusts the mark finds no
 * text at all; untagged, readers take the text in the order it is laid out (one column).
 */
export async function writePdf(content: DocumentNode, cover: ExportCover): Promise<Buffer> {
  preparePdfmake();
  return pdfmake.createPdf(pdfDefinition(content, cover)).getBuffer();
}

/** What pdfmake lays out: the page, the styles, the cover and the blocks. */
export function pdfDefinition(content: DocumentNode, cover: ExportCover): TDocumentDefinitions {
  return {
    info: { title: cover.title, subject: cover.subtitle, creator: 'Coproduce' },
    language: 'en-GB',
    displayTitle: true,
    pageSize: 'A4',
    pageMargins: [56, 56, 56, 64],
    defaultStyle: { font: 'Roboto', fontSize: 11, lineHeight: 1.25 },
    styles: {
      title: { fontSize: 24, bold: true, margin: [0, 0, 0, 6] },
      subtitle: { fontSize: 11, italics: true, color: '4c6272', margin: [0, 0, 0, 18] },
      paragraph: { margin: [0, 0, 0, 8] },
      quote: { italics: true, color: '4c6272', margin: [16, 0, 0, 8] },
      code: { background: '#f0f4f5' },
    },
    // Every page after the first says what it is part of: which specification, which version.
    header: (currentPage) =>
      currentPage === 1
        ? null
        : {
            text: `${cover.title} · ${cover.subtitle}`,
            fontSize: 9,
            color: '4c6272',
            margin: [56, 28, 56, 0],
          },
    footer: (currentPage, pageCount) => ({
      text: `Page ${currentPage} of ${pageCount}`,
      alignment: 'center',
      fontSize: 9,
      color: '4c6272',
      margin: [0, 24, 0, 0],
    }),
    content: [
      { text: cover.title, style: 'title' },
      { text: cover.subtitle, style: 'subtitle' },
      ...blocks(content.content, { quoted: false, placeInOutline: outlineNesting() }),
    ],
  };
}

/** Where a block sits: in a quote or not, and how headings nest in the outline. */
interface Placement {
  quoted: boolean;
  placeInOutline: (level: number) => { id: string; outlineParentId?: string };
}

/**
 * Each heading under the nearest heading above it of a higher level, so the PDF's
 * outline reads like a contents list, sections within sections.
 */
function outlineNesting(): Placement['placeInOutline'] {
  const open: Array<{ level: number; id: string }> = [];
  let headings = 0;
  return (level) => {
    while (open.length > 0 && open.at(-1)!.level >= level) open.pop();
    const placed = { id: `section-${++headings}`, outlineParentId: open.at(-1)?.id };
    open.push({ level, id: placed.id });
    return placed;
  };
}

/**
 * How many lines a group kept on one page may take at most, counting a heading's line as
 * two: well under a page, because pdfmake drops whatever an unbreakable group carries
 * past the end of one.
 */
const MOST_LINES_KEPT_TOGETHER = 14;
const CHARACTERS_A_LINE = 80;

/** Lines a block takes at least as many as (roughly: every text block one or more). */
function linesOf(node: DocumentNode): number {
  if (node.type === 'heading' || node.type === 'paragraph' || node.type === 'codeBlock') {
    const text = textOf(node);
    const breaks = (node.content ?? []).filter((child) => child.type === 'hardBreak').length;
    const lines = Math.max(1, Math.ceil(text.length / CHARACTERS_A_LINE)) + breaks;
    const newlines = node.type === 'codeBlock' ? (text.match(/\n/g)?.length ?? 0) : 0;
    return (lines + newlines) * (node.type === 'heading' ? 2 : 1);
  }
  return (node.content ?? []).reduce((sum, child) => sum + linesOf(child), 0);
}

/**
 * The blocks, each heading kept on a page with what follows it (more headings, and the
 * first block of text) when they are short enough to, so no heading ends a page alone.
 */
function blocks(nodes: DocumentNode[] | undefined, at: Placement): Content[] {
  const laidOut: Content[] = [];
  let kept: { contents: Content[]; lines: number } | undefined;
  const release = () => {
    if (kept) laidOut.push({ stack: kept.contents, unbreakable: kept.contents.length > 1 });
    kept = undefined;
  };
  for (const node of nodes ?? []) {
    const contents = block(node, at);
    const lines = linesOf(node);
    const single = contents.length === 1;
    if (kept && single && kept.lines + lines <= MOST_LINES_KEPT_TOGETHER) {
      kept.contents.push(contents[0]!);
      kept.lines += lines;
      // An empty paragraph (a section not written yet) shows nothing to keep a heading with.
      if (node.type !== 'heading' && textOf(node).trim() !== '') release();
      continue;
    }
    release();
    if (node.type === 'heading' && single && lines < MOST_LINES_KEPT_TOGETHER) {
      kept = { contents, lines };
    } else {
      laidOut.push(...contents);
    }
  }
  release();
  return laidOut;
}

function block(node: DocumentNode, at: Placement): Content[] {
  switch (node.type) {
    case 'heading': {
      const level = headingLevelOf(node);
      return [
        {
          ...at.placeInOutline(level),
          text: inline(node.content),
          fontSize: HEADING_SIZES[level - 1],
          bold: true,
          margin: [0, level === 1 ? 16 : 10, 0, 6],
          headlineLevel: level,
          outline: true,
          outlineText: textOf(node),
        } as ContentText,
      ];
    }
    case 'paragraph':
      return [{ text: inline(node.content), style: at.quoted ? 'quote' : 'paragraph' }];
    case 'bulletList':
      return [{ ul: listItems(node, at), margin: [0, 0, 0, 8] }];
    case 'orderedList':
      return [{ ol: listItems(node, at), margin: [0, 0, 0, 8] }];
    case 'blockquote':
      return blocks(node.content, { ...at, quoted: true });
    case 'codeBlock':
      return [
        {
          text: node.content?.map((text) => text.text ?? '').join('') ?? '',
          style: ['paragraph', 'code'],
          preserveLeadingSpaces: true,
        },
      ];
    case 'horizontalRule':
      return [
        {
          canvas: [
            { type: 'line', x1: 0, y1: 4, x2: 483, y2: 4, lineWidth: 0.5, lineColor: '#999999' },
          ],
          margin: [0, 4, 0, 12],
        },
      ];
    default:
      return blocks(node.content, at);
  }
}

/** Each item a stack of its blocks, so paragraphs and nested lists stay under their bullet. */
function listItems(list: DocumentNode, at: Placement): Content[] {
  return (list.content ?? []).map((item) => {
    const parts = blocks(item.content, at);
    return parts.length === 1 ? parts[0]! : { stack: parts };
  });
}

function inline(nodes: DocumentNode[] | undefined): ContentText['text'] {
  return (nodes ?? []).flatMap((node): ContentText[] => {
    if (node.type === 'hardBreak') return [{ text: '\n' }];
    if (node.type !== 'text' || !node.text) return [];
    const link = node.marks?.find((mark) => mark.type === 'link');
    const href = link ? safeLink(link) : null;
    const decoration = [
      ...(hasMark(node, 'underline') || href ? ['underline' as const] : []),
      ...(hasMark(node, 'strike') ? ['lineThrough' as const] : []),
    ];
    return [
      {
        text: node.text,
        bold: hasMark(node, 'bold'),
        italics: hasMark(node, 'italic'),
        ...(decoration.length
          ? { decoration: decoration.length === 1 ? decoration[0] : decoration }
          : {}),
        ...(hasMark(node, 'code') ? { style: 'code' } : {}),
        ...(href ? { link: href, color: '005eb8' } : {}),
      },
    ];
  });
}
