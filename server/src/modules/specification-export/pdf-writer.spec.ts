import type { DocumentNode } from './document-node';
import type { Content, ContentStack } from 'pdfmake/interfaces';
import { pdfDefinition, writePdf } from './pdf-writer';

const heading = (level: number, words: string): DocumentNode => ({
  type: 'heading',
  attrs: { level },
  content: [{ type: 'text', text: words }],
});

/** The PDF's objects as written (its page contents are compressed; its catalogue is not). */
async function pdfOf(content: DocumentNode[]): Promise<string> {
  const bytes = await writePdf(
    { type: 'doc', content },
    { title: 'Crisis support', subtitle: 'Draft' },
  );
  return bytes.toString('latin1');
}

describe('writePdf', () => {
  it('names itself for screen readers: its title shown, its language English', async () => {
    const pdf = await pdfOf([heading(2, 'Who it is for')]);

    // The document information's title is an object of its own.
    const titleObject = /\/Title (\d+) 0 R/.exec(pdf)![1];
    expect(pdf).toContain(`\n${titleObject} 0 obj\n(Crisis support)\nendobj`);
    expect(pdf).toContain('/DisplayDocTitle true');
    expect(pdf).toContain('/Lang (en-GB)');
  });

  it('lists every heading in its outline, for readers to jump between sections', async () => {
    const pdf = await pdfOf([
      heading(1, 'Who it is for'),
      { type: 'paragraph', content: [{ type: 'text', text: 'Young people.' }] },
      heading(3, 'Young carers'),
    ]);

    expect(pdf).toContain('/Outlines');
    expect(pdf).toContain('/Title (Who it is for)');
    expect(pdf).toContain('/Title (Young carers)');
  });

  it('nests each heading under the heading above it of a higher level', async () => {
    const pdf = await pdfOf([
      heading(1, 'Who it is for'),
      heading(3, 'Young carers'),
      heading(2, 'Looked-after children'),
      heading(1, 'How it works'),
    ]);
    const parentOf = (title: string) => {
      const item = new RegExp(`<<[^>]*/Title \\(${title}\\)[^>]*>>`).exec(pdf)![0];
      const parent = /\/Parent (\d+) 0 R/.exec(item)![1];
      const object = new RegExp(`\n${parent} 0 obj\n<<([^>]*)>>`).exec(pdf)![1]!;
      return /\/Title \(([^)]*)\)/.exec(object)?.[1] ?? 'the outline itself';
    };

    expect(parentOf('Who it is for')).toBe('the outline itself');
    expect(parentOf('Young carers')).toBe('Who it is for');
    expect(parentOf('Looked-after children')).toBe('Who it is for');
    expect(parentOf('How it works')).toBe('the outline itself');
  });

  it('does not claim tags it does not have: a reader trusting an empty tag tree reads nothing', async () => {
    const pdf = await pdfOf([heading(2, 'Who it is for')]);

    expect(pdf).not.toContain('/Marked true');
  });

  it('runs over as many A4 pages as the text needs', async () => {
    const paragraph: DocumentNode = {
      type: 'paragraph',
      content: [{ type: 'text', text: 'Every child has a named key worker. '.repeat(40) }],
    };
    const pdf = await pdfOf(Array.from({ length: 40 }, () => paragraph));

    expect(pdf.match(/\/Type \/Page\b/g)!.length).toBeGreaterThan(5);
    expect(pdf).toContain('/MediaBox [0 0 595.28 841.89]');
  });
});

describe('pdfDefinition keeps a heading on a page with its text', () => {
  const paragraph = (words: string): DocumentNode => ({
    type: 'paragraph',
    content: words ? [{ type: 'text', text: words }] : [],
  });
  /** The blocks after the cover: each kept group as the texts in it, marked `kept`. */
  function laidOut(content: DocumentNode[]) {
    const blocks = (
      pdfDefinition({ type: 'doc', content }, { title: 'T', subtitle: 'S' }).content as Content[]
    ).slice(2);
    const words = (block: Content) =>
      (JSON.stringify(block).match(/"text":"([^"]*)"/g) ?? []).map((text) => text.slice(8, -1));
    return blocks.map((block) => {
      const stack = block as ContentStack;
      return stack.unbreakable ? { kept: stack.stack.flatMap(words) } : words(block);
    });
  }

  it('with the paragraph after it, and a subheading with its own', () => {
    expect(
      laidOut([heading(1, 'Who'), heading(2, 'Carers'), paragraph('Short.'), paragraph('More.')]),
    ).toEqual([{ kept: ['Who', 'Carers', 'Short.'] }, ['More.']]);
  });

  it('past an empty section, which shows nothing to keep it with', () => {
    expect(
      laidOut([heading(2, 'Empty'), paragraph(''), heading(2, 'Full'), paragraph('Text.')]),
    ).toEqual([{ kept: ['Empty', 'Full', 'Text.'] }]);
  });

  it('never with more than a page could hold, which pdfmake would cut off', () => {
    const long = 'Every child has a named key worker. '.repeat(60);
    expect(laidOut([heading(2, 'Long'), paragraph(long)])).toEqual([['Long'], [long]]);

    const many = Array.from({ length: 30 }, (_, index) => heading(3, `Section ${index}`));
    const groups = laidOut(many);
    expect(groups.flatMap((group) => ('kept' in group ? group.kept : group))).toHaveLength(30);
    for (const group of groups) {
      if ('kept' in group) expect(group.kept.length).toBeLessThanOrEqual(7);
    }
  });
});
