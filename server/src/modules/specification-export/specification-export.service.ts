import { Injectable } from '@nestjs/common';
import type { ExportFormat } from '@coproduce/domain';
import { Y } from '@coproduce/protocol';
import {
  readableSpecificationContent,
  renderSpecificationMarkdown,
} from '@coproduce/specification-document';
import type { DocumentNode, ExportCover } from './document-node';
import { FileWriterThread } from './file-writer-thread';

/** What is exported: a specification's text (a Yjs state) and how its cover names it. */
export interface ExportSubject {
  /** The full Yjs state, or a Y.Doc holding it: the draft now, or a version as it was published. */
  state: Uint8Array | Y.Doc;
  cover: ExportCover;
}

export interface ExportedFile {
  body: Buffer;
  contentType: string;
  /** Without a folder; the route sends it as `Content-Disposition` with an ASCII fallback. */
  fileName: string;
}

const CONTENT_TYPES: Record<ExportFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  md: 'text/markdown; charset=utf-8',
};

/**
 * Makes the files people download: Word, PDF and Markdown, from a specification's Yjs
 * state, never from the template sections stored beside it (stale once anyone edits).
 * Publishing exports a version's stored state; the draft route exports the text now.
 */
@Injectable()
export class SpecificationExportService {
  constructor(private readonly files: FileWriterThread) {}

  async export(format: ExportFormat, subject: ExportSubject): Promise<ExportedFile> {
    const file = (body: Buffer): ExportedFile => ({
      body,
      contentType: CONTENT_TYPES[format],
      fileName: `${fileNameFrom(subject.cover.title)}.${format}`,
    });
    if (subject.state instanceof Y.Doc) {
      return file(await this.write(format, subject.state, subject.cover));
    }
    const doc = new Y.Doc();
    try {
      Y.applyUpdate(doc, subject.state);
      return file(await this.write(format, doc, subject.cover));
    } finally {
      doc.destroy();
    }
  }

  /**
   * Word or PDF of a document other features compose (a market engagement notice, "You said,
   * we did") in the specification's node types, with the same cover and look.
   */
  async exportDocument(
    format: Exclude<ExportFormat, 'md'>,
    content: DocumentNode,
    cover: ExportCover,
  ): Promise<ExportedFile> {
    return {
      body: await this.files.write(format, content, cover),
      contentType: CONTENT_TYPES[format],
      fileName: `${fileNameFrom(cover.title)}.${format}`,
    };
  }

  private write(format: ExportFormat, doc: Y.Doc, cover: ExportCover): Promise<Buffer> {
    if (format === 'md') {
      const heading = `# ${markdownText(cover.title)}\n\n_${markdownText(cover.subtitle)}_\n\n`;
      return Promise.resolve(Buffer.from(heading + renderSpecificationMarkdown(doc), 'utf8'));
    }
    const content = readableSpecificationContent(doc) as DocumentNode;
    return this.files.write(format, content, cover);
  }
}

/** A line of text as Markdown: what Markdown would read as formatting, escaped. */
export function markdownText(line: string): string {
  return line.replace(/\s+/g, ' ').replace(/([\\`*_[\]#<>])/g, '\\$1');
}

/** Characters some file system refuses in a name. */
const NOT_IN_FILE_NAMES = new Set('/\\:*?"<>|');

function fitsFileName(character: string): boolean {
  const code = character.codePointAt(0)!;
  const loneSurrogate = code >= 0xd800 && code <= 0xdfff;
  return code >= 32 && code !== 127 && !loneSurrogate && !NOT_IN_FILE_NAMES.has(character);
}

/** A file name from a title: what a file system accepts everywhere, never empty. */
export function fileNameFrom(title: string): string {
  const name = [...title.normalize('NFC')]
    .map((character) => (fitsFileName(character) ? character : ' '))
    .join('')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '');
  // Cut by characters, not UTF-16 units: half an emoji cannot be encoded in a header.
  return [...name].slice(0, 120).join('').trim() || 'Specification';
}
