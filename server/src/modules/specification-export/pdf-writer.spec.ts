import type { DocumentNode } from './document-node';
import { writePdf } from './pdf-writer';

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
