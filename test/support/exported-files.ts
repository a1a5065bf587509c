// Opens downloaded specification files the way a reader's software would, to check them.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import JSZip from 'jszip';
import { Y } from '@coproduce/protocol';
import { specificationFragment } from '@coproduce/specification-document';

export interface WordDocument {
  /** word/document.xml, the body. */
  body: string;
  /** docProps/core.xml: title and the like. */
  properties: string;
  /** The text of each paragraph with the style it uses (e.g. Heading2) and whether it is in a list. */
  paragraphs: Array<{ style: string | null; listed: boolean; text: string }>;
}

/** Unzips a .docx and reads its paragraphs out of the WordprocessingML. */
export async function openWordDocument(bytes: Buffer): Promise<WordDocument> {
  const zip = await JSZip.loadAsync(bytes);
  const body = await zip.file('word/document.xml')!.async('string');
  const properties = (await zip.file('docProps/core.xml')?.async('string')) ?? '';
  const paragraphs = [...body.matchAll(/<w:p\b[^>]*>([\s\S]*?)<\/w:p>/g)].map(([, inner]) => ({
    style: /<w:pStyle w:val="([^"]+)"/.exec(inner!)?.[1] ?? null,
    listed: inner!.includes('<w:numPr>'),
    text: [...inner!.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)]
      .map(([, text]) => decodeXml(text!))
      .join(''),
  }));
  return { body, properties, paragraphs };
}

function decodeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

export interface PdfText {
  /** Each page's text, line by line as laid out. */
  pages: string[];
  title: string | null;
}

/** The text of a PDF, extracted by pdf.js in a child process (it is an ES module). */
export function pdfText(bytes: Buffer): Promise<PdfText> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      process.execPath,
      [join(__dirname, 'pdf-text.mjs')],
      { maxBuffer: 64 * 1024 * 1024 },
      (error, stdout) => (error ? reject(error) : resolve(JSON.parse(stdout) as PdfText)),
    );
    child.stdin!.end(bytes);
  });
}

type Attributes = Record<string, unknown>;

function element(
  name: string,
  children: Array<Y.XmlElement | Y.XmlText>,
  attributes: Attributes = {},
) {
  const node = new Y.XmlElement(name);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value as string);
  node.insert(0, children);
  return node;
}

/** Text with marks, stored as y-prosemirror stores them (a mark's attributes by its name). */
function text(parts: Array<string | [string, Attributes]>): Y.XmlText {
  const node = new Y.XmlText();
  let at = 0;
  for (const part of parts) {
    const [words, marks] = typeof part === 'string' ? [part, {}] : part;
    node.insert(at, words, marks);
    at += words.length;
  }
  return node;
}

const paragraph = (...parts: Array<string | [string, Attributes]>) =>
  element('paragraph', [text(parts)]);
const item = (...children: Y.XmlElement[]) => element('listItem', children);

/**
 * Appends a section with everything the editor can hold — a heading, marks, a link,
 * nested bullet and numbered lists, a quote — and the characters a plain font lacks.
 */
export function appendRichSection(doc: Y.Doc, heading: string): void {
  const nodes = [
    element('heading', [text([heading])], { level: 2 }),
    paragraph(
      'Young people told us the service must be ',
      ['open after school', { bold: {} }],
      ', ',
      ['not only in term time', { italic: {} }],
      '. Budget £1.2m — “indicative” for Zoë’s café and Siân’s group. See ',
      ['the guidance', { link: { href: 'https://www.england.nhs.uk/' } }],
      '.',
    ),
    element('bulletList', [
      item(paragraph('Drop-in sessions at the youth centre')),
      item(
        paragraph('Online chat in the evening'),
        element('bulletList', [item(paragraph('Staffed until 10pm'))]),
      ),
    ]),
    element(
      'orderedList',
      [item(paragraph('First step: referral')), item(paragraph('Second step: assessment'))],
      {
        start: 1,
      },
    ),
    element('blockquote', [paragraph('Nobody asked me what I needed.')]),
  ];
  specificationFragment(doc).push(nodes);
}
