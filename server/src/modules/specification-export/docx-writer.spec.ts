import JSZip from 'jszip';
import type { DocumentNode } from './document-node';
import { writeDocx } from './docx-writer';

const text = (words: string, ...marks: DocumentNode['marks'] & object): DocumentNode => ({
  type: 'text',
  text: words,
  ...(marks.length ? { marks } : {}),
});
const paragraph = (...content: DocumentNode[]): DocumentNode => ({ type: 'paragraph', content });
const item = (...content: DocumentNode[]): DocumentNode => ({ type: 'listItem', content });
const list = (type: 'bulletList' | 'orderedList', ...content: DocumentNode[]): DocumentNode => ({
  type,
  content,
});

/** The body's paragraphs: their text, style, and list level and numbering instance if listed. */
async function paragraphsOf(content: DocumentNode[]) {
  const bytes = await writeDocx(
    { type: 'doc', content },
    { title: 'Crisis support', subtitle: 'Draft' },
  );
  const body = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
  const paragraphs = [...body.matchAll(/<w:p\b[^>]*>([\s\S]*?)<\/w:p>/g)].map(([, xml]) => ({
    xml: xml!,
    text: [...xml!.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map(([, t]) => t).join(''),
    style: /<w:pStyle w:val="([^"]+)"/.exec(xml!)?.[1],
    level: /<w:ilvl w:val="(\d+)"/.exec(xml!)?.[1],
    numbering: /<w:numId w:val="(\d+)"/.exec(xml!)?.[1],
  }));
  return { body, paragraphs, find: (words: string) => paragraphs.find((p) => p.text === words)! };
}

describe('writeDocx', () => {
  it('numbers every page, and heads every page after the first with the title and version', async () => {
    const bytes = await writeDocx(
      { type: 'doc', content: [paragraph(text('Text.'))] },
      { title: 'Crisis support', subtitle: 'Version 2: For engagement, published 4 December 2026' },
    );
    const zip = await JSZip.loadAsync(bytes);
    const part = async (name: string) => zip.file(`word/${name}`)!.async('string');
    const body = await part('document.xml');
    const relations = await part('_rels/document.xml.rels');
    /** The text of the header or footer a section points to as `kind` (first, default). */
    const partText = async (reference: 'headerReference' | 'footerReference', kind: string) => {
      const id = new RegExp(`<w:${reference} w:type="${kind}" r:id="([^"]+)"`).exec(body)![1];
      const target =
        new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(relations)?.[1] ??
        new RegExp(`Target="([^"]+)"[^>]*Id="${id}"`).exec(relations)![1]!;
      const xml = await part(target);
      return [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map(([, t]) => t).join('');
    };

    expect(body).toContain('<w:titlePg/>');
    expect(await partText('headerReference', 'first')).toBe('');
    expect(await partText('headerReference', 'default')).toBe(
      'Crisis support · Version 2: For engagement, published 4 December 2026',
    );
    for (const kind of ['first', 'default']) {
      const footer = await partText('footerReference', kind);
      expect(footer).toMatch(/^Page .* of /);
    }
  });

  it('starts with the title and subtitle, then headings in Word heading styles', async () => {
    const { paragraphs, find } = await paragraphsOf([
      { type: 'heading', attrs: { level: 1 }, content: [text('Who it is for')] },
      { type: 'heading', attrs: { level: 4 }, content: [text('Young carers')] },
      { type: 'heading', attrs: { level: 99 }, content: [text('Out of range')] },
    ]);

    expect(paragraphs.slice(0, 2).map((p) => [p.text, p.style])).toEqual([
      ['Crisis support', 'Title'],
      ['Draft', undefined],
    ]);
    expect(find('Who it is for').style).toBe('Heading1');
    expect(find('Young carers').style).toBe('Heading4');
    expect(find('Out of range').style).toBe('Heading1');
    // Kept with the next paragraph, so no heading ends a page alone.
    expect(find('Young carers').xml).toContain('<w:keepNext/>');
  });

  it('nests lists by level, and each numbered list counts from 1 on its own', async () => {
    const { find } = await paragraphsOf([
      list(
        'bulletList',
        item(paragraph(text('Evenings')), list('bulletList', item(paragraph(text('Until 10pm'))))),
      ),
      list('orderedList', item(paragraph(text('Referral'))), item(paragraph(text('Assessment')))),
      paragraph(text('Between the lists')),
      list('orderedList', item(paragraph(text('Again from one')))),
    ]);

    expect(find('Evenings').level).toBe('0');
    expect(find('Until 10pm').level).toBe('1');
    expect(find('Referral').numbering).toBe(find('Assessment').numbering);
    expect(find('Again from one').numbering).not.toBe(find('Referral').numbering);
    expect(find('Between the lists').numbering).toBeUndefined();
  });

  it('keeps the marks as character formatting, and links only to the web or email', async () => {
    const { body, find } = await paragraphsOf([
      paragraph(
        text('bold ', { type: 'bold' }),
        text('italic ', { type: 'italic' }),
        text('struck ', { type: 'strike' }),
        text('underlined ', { type: 'underline' }),
        text('code ', { type: 'code' }),
        text('NHS', { type: 'link', attrs: { href: 'https://www.nhs.uk/' } }),
        { type: 'hardBreak' },
        text('script', { type: 'link', attrs: { href: 'javascript:alert(1)' } }),
      ),
    ]);

    const runs = find('bold italic struck underlined code NHSscript').xml;
    expect(runs).toMatch(/<w:b\/>[\s\S]*?bold /);
    expect(runs).toMatch(/<w:i\/>[\s\S]*?italic /);
    expect(runs).toMatch(/<w:strike\/>[\s\S]*?struck /);
    expect(runs).toMatch(/<w:u w:val="single"\/>[\s\S]*?underlined /);
    expect(runs).toMatch(/w:ascii="Consolas"[\s\S]*?code /);
    expect(runs).toContain('<w:br/>');
    expect(body.match(/<w:hyperlink /g)).toHaveLength(1);
  });

  it('sets quotes apart and keeps a code block line by line', async () => {
    const { find } = await paragraphsOf([
      { type: 'blockquote', content: [paragraph(text('Nobody asked me'))] },
      { type: 'codeBlock', content: [text('first line\n  second line')] },
    ]);

    expect(find('Nobody asked me').xml).toContain('<w:left w:val="single"');
    expect(find('first line').xml).toContain('Consolas');
    expect(find('  second line').xml).toContain('xml:space="preserve"');
  });
});
