import { Y } from '@coproduce/protocol';
import {
  renderSpecificationMarkdown,
  specificationFragment,
} from '@coproduce/specification-document';
import type { DocumentNode, ExportCover } from './document-node';
import { writeDocx } from './docx-writer';
import { FileWriterThread } from './file-writer-thread';
import { writePdf } from './pdf-writer';
import { fileNameFrom, SpecificationExportService } from './specification-export.service';

describe('fileNameFrom', () => {
  it('keeps a title people wrote, accents and typographic punctuation included', () => {
    expect(fileNameFrom('Children’s wellbeing — “drop-in” £1.2m')).toBe(
      'Children’s wellbeing — “drop-in” £1.2m',
    );
  });

  it('replaces what a file system refuses and never starts with a dot', () => {
    expect(fileNameFrom('../a/b\\c:d*e?"f"<g>|h\u0000i\nj')).toBe('a b c d e f g h i j');
  });

  it('is never empty and never very long', () => {
    expect(fileNameFrom(' ?? ')).toBe('Specification');
    expect(fileNameFrom('x'.repeat(300))).toHaveLength(120);
  });

  it('cuts a long name between characters, never inside one', () => {
    const name = fileNameFrom(`${'x'.repeat(119)}😀 and more`);
    expect(name).toBe(`${'x'.repeat(119)}😀`);
    expect(() => encodeURIComponent(name)).not.toThrow();
    expect(fileNameFrom('Half \ud83d an emoji')).toBe('Half an emoji');
  });
});

describe('SpecificationExportService', () => {
  /** Makes the files here: a thread runs JavaScript, and these specs run from TypeScript. */
  class InProcessFiles extends FileWriterThread {
    override write(format: 'docx' | 'pdf', content: DocumentNode, cover: ExportCover) {
      return format === 'docx' ? writeDocx(content, cover) : writePdf(content, cover);
    }
  }
  const exports = new SpecificationExportService(new InProcessFiles());
  const cover = {
    title: 'Crisis *support* #2',
    subtitle: 'Version 1: First_draft, published 4 December 2026',
  };

  function specification(): Y.Doc {
    const doc = new Y.Doc();
    const heading = new Y.XmlElement('heading');
    heading.setAttribute('level', 2 as unknown as string);
    heading.insert(0, [new Y.XmlText('Who it is for')]);
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText('Young people in crisis, day or night.')]);
    specificationFragment(doc).insert(0, [heading, paragraph]);
    return doc;
  }

  it('writes Markdown as the renderer does, under the title (its Markdown escaped) and subtitle', async () => {
    const doc = specification();
    const file = await exports.export('md', { state: Y.encodeStateAsUpdate(doc), cover });

    expect(file.contentType).toBe('text/markdown; charset=utf-8');
    expect(file.fileName).toBe('Crisis support #2.md');
    expect(file.body.toString('utf8')).toBe(
      '# Crisis \\*support\\* \\#2\n\n_Version 1: First\\_draft, published 4 December 2026_\n\n' +
        renderSpecificationMarkdown(doc),
    );
  });

  it('reads a Y.Doc as it reads a state, and leaves the Y.Doc as it was', async () => {
    const doc = specification();
    const fromState = await exports.export('md', { state: Y.encodeStateAsUpdate(doc), cover });
    const fromDoc = await exports.export('md', { state: doc, cover });

    expect(fromDoc.body.equals(fromState.body)).toBe(true);
    expect(specificationFragment(doc).length).toBe(2);
  });

  it('exports an empty specification, and one holding what the editor cannot (left out)', async () => {
    const empty = await exports.export('md', { state: new Y.Doc(), cover });
    expect(empty.body.toString('utf8').trimEnd()).toBe(
      '# Crisis \\*support\\* \\#2\n\n_Version 1: First\\_draft, published 4 December 2026_',
    );

    const doc = specification();
    const table = new Y.XmlElement('table');
    table.insert(0, [new Y.XmlText('Not a node of the editor')]);
    specificationFragment(doc).insert(1, [table]);
    for (const format of ['md', 'docx'] as const) {
      const file = await exports.export(format, { state: doc, cover });
      expect(file.body.length).toBeGreaterThan(0);
    }
    const markdown = (await exports.export('md', { state: doc, cover })).body.toString('utf8');
    expect(markdown).toContain('Young people in crisis');
    expect(markdown).not.toContain('Not a node of the editor');
    // The document exported is never changed by exporting it.
    expect(specificationFragment(doc).get(1)).toBe(table);
  });

  it('writes Word as a zip, named and typed as Word', async () => {
    const file = await exports.export('docx', { state: specification(), cover });

    expect(file.contentType).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(file.fileName.endsWith('.docx')).toBe(true);
    expect(file.body.subarray(0, 2).toString('latin1')).toBe('PK');
  });
});
