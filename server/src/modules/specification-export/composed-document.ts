import type { DocumentNode, ExportCover } from './document-node';
import { markdownText } from './specification-export.service';

/** A document a feature writes from its records (a notice, a report): headed sections of text. */
export interface ComposedDocument {
  cover: ExportCover;
  sections: ComposedSection[];
}

export interface ComposedSection {
  heading: string;
  /** Each a paragraph; a line break inside one is kept as a break. */
  paragraphs: string[];
  /** Shown as a bulleted list after the paragraphs. */
  bullets?: string[];
  /** Sections under this one, a heading level down. */
  sections?: ComposedSection[];
}

export function composedMarkdown(document: ComposedDocument): string {
  const lines = [
    `# ${markdownText(document.cover.title)}`,
    '',
    `_${markdownText(document.cover.subtitle)}_`,
    '',
  ];
  const section = (part: ComposedSection, level: number) => {
    lines.push(`${'#'.repeat(level)} ${markdownText(part.heading)}`, '');
    for (const paragraph of part.paragraphs) {
      lines.push(paragraph.split('\n').map(markdownText).join('  \n'), '');
    }
    if (part.bullets?.length) lines.push(...part.bullets.map((b) => `- ${markdownText(b)}`), '');
    for (const child of part.sections ?? []) section(child, Math.min(level + 1, 6));
  };
  for (const part of document.sections) section(part, 2);
  return `${lines.join('\n').trimEnd()}\n`;
}

/** As the Word and PDF writers read a specification: ProseMirror JSON of its node types. */
export function composedContent(document: ComposedDocument): DocumentNode {
  const content: DocumentNode[] = [];
  const paragraph = (text: string): DocumentNode => ({
    type: 'paragraph',
    content: text
      .split('\n')
      .flatMap((line, index): DocumentNode[] => [
        ...(index > 0 ? [{ type: 'hardBreak' }] : []),
        ...(line ? [{ type: 'text', text: line }] : []),
      ]),
  });
  const section = (part: ComposedSection, level: number) => {
    content.push({
      type: 'heading',
      attrs: { level },
      content: [{ type: 'text', text: part.heading }],
    });
    content.push(...part.paragraphs.map(paragraph));
    if (part.bullets?.length) {
      content.push({
        type: 'bulletList',
        content: part.bullets.map((bullet) => ({ type: 'listItem', content: [paragraph(bullet)] })),
      });
    }
    for (const child of part.sections ?? []) section(child, Math.min(level + 1, 6));
  };
  for (const part of document.sections) section(part, 2);
  return { type: 'doc', content };
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ESCAPES[character]!);
}

/** A page of its own, to keep or print: no scripts, no outside resources, readable printed. */
export function composedHtml(document: ComposedDocument): string {
  const parts: string[] = [];
  const section = (part: ComposedSection, level: number) => {
    parts.push(`<h${level}>${escapeHtml(part.heading)}</h${level}>`);
    for (const paragraph of part.paragraphs) {
      parts.push(`<p>${paragraph.split('\n').map(escapeHtml).join('<br>')}</p>`);
    }
    if (part.bullets?.length) {
      parts.push(`<ul>${part.bullets.map((b) => `<li>${escapeHtml(b)}</li>`).join('')}</ul>`);
    }
    for (const child of part.sections ?? []) section(child, Math.min(level + 1, 6));
  };
  for (const part of document.sections) section(part, 2);
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(document.cover.title)}</title>
<style>
body { font-family: Arial, sans-serif; color: #212b32; line-height: 1.5; max-width: 46em; margin: 2em auto; padding: 0 1em; }
h1 { font-size: 2em; } h2 { font-size: 1.5em; margin-top: 1.5em; border-bottom: 1px solid #d8dde0; }
h3 { font-size: 1.1em; } .subtitle { color: #4c6272; }
@media print { body { margin: 0; max-width: none; } h2, h3 { break-after: avoid; } p { orphans: 3; widows: 3; } }
</style>
</head>
<body>
<h1>${escapeHtml(document.cover.title)}</h1>
<p class="subtitle">${escapeHtml(document.cover.subtitle)}</p>
${parts.join('\n')}
</body>
</html>
`;
}
