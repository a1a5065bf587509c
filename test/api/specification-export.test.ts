import { Y } from '@coproduce/protocol';
import { DEMO_EMAIL, signIn } from '../support/api';
import {
  collabApp,
  connectAs,
  createSpecification,
  demoWorkspaceId,
  openSpecification,
} from '../support/collab';
import { appendRichSection, openWordDocument, pdfText } from '../support/exported-files';

interface Download {
  status: number;
  type: string | null;
  disposition: string | null;
  bytes: Buffer;
}

async function download(url: string, token: string): Promise<Download> {
  const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  return {
    status: response.status,
    type: response.headers.get('content-type'),
    disposition: response.headers.get('content-disposition'),
    bytes: Buffer.from(await response.arrayBuffer()),
  };
}

const TITLE = 'Children’s emotional wellbeing — “drop-in” £1.2m';

describe('downloading a draft specification', () => {
  const collab = collabApp();
  let exportUrl: string;
  let commissioner: string;

  /** A new specification written through Yjs as `write` says; the URL of its export. */
  async function writeSpecification(title: string, write: (doc: Y.Doc) => void) {
    const specificationId = await createSpecification(collab.url, title);
    const connection = await connectAs(collab.url, 'commissioner');
    const { doc, provider } = await openSpecification(connection, specificationId);
    write(doc);
    await provider.whenSaved(20_000);
    connection.close();
    const workspaceId = await demoWorkspaceId(collab.url, commissioner);
    return `${collab.url}/api/workspaces/${workspaceId}/specifications/${specificationId}/export`;
  }

  beforeAll(async () => {
    commissioner = await signIn(collab.url, DEMO_EMAIL.commissioner);
    exportUrl = await writeSpecification(TITLE, (doc) =>
      appendRichSection(doc, 'What young people said'),
    );
  });

  it('as Word: headings in Word heading styles, list items numbered by Word, the characters intact', async () => {
    const file = await download(`${exportUrl}?format=docx`, commissioner);

    expect(file.status).toBe(200);
    expect(file.type).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(file.disposition).toContain(
      `attachment; filename="Children's emotional wellbeing - 'drop-in' GBP1.2m.docx"`,
    );
    expect(file.disposition).toContain(
      `filename*=UTF-8''${encodeURIComponent(`${TITLE}.docx`).replace(/'/g, '%27')}`,
    );
    const word = await openWordDocument(file.bytes);
    expect(word.properties).toContain(`<dc:title>${TITLE}</dc:title>`);
    const find = (text: string) => word.paragraphs.find((paragraph) => paragraph.text === text);
    expect(find(TITLE)?.style).toBe('Title');
    expect(find('What young people said')?.style).toBe('Heading2');
    expect(find('1. Population needs')?.style).toBe('Heading2');
    expect(find('1.1. National and local context')?.style).toBe('Heading3');
    for (const listed of [
      'Drop-in sessions at the youth centre',
      'Staffed until 10pm',
      'First step: referral',
    ]) {
      expect(find(listed)?.listed).toBe(true);
    }
    expect(word.paragraphs.map((paragraph) => paragraph.text)).toContain(
      'Young people told us the service must be open after school, not only in term time. ' +
        'Budget £1.2m — “indicative” for Zoë’s café and Siân’s group. See the guidance.',
    );
    expect(word.body).toMatch(/<w:b\/>[\s\S]*?open after school/);
    expect(word.body).toContain('w:hyperlink');
    // The template's guidance is what the editor shows in empty sections, not text.
    expect(word.body).not.toContain('Describe the health and care needs');
  });

  it('as PDF: its title, headings, list items and characters are in the text', async () => {
    const file = await download(`${exportUrl}?format=pdf`, commissioner);

    expect(file.status).toBe(200);
    expect(file.type).toBe('application/pdf');
    const pdf = await pdfText(file.bytes);
    expect(pdf.title).toBe(TITLE);
    // Lines wrap where the page ends them.
    const text = pdf.pages.join('\n').replace(/\s+/g, ' ');
    expect(text).toContain(TITLE);
    expect(text).toContain('What young people said');
    expect(text).toContain('3.2. Service description and care pathway');
    expect(text).toContain('Staffed until 10pm');
    expect(text).toContain('Zoë’s café and Siân’s group');
    expect(text).toMatch(/Page 1 of \d+/);
  });

  it('a long specification as PDF: every page numbered, and the server answers others while it is laid out', async () => {
    const longUrl = await writeSpecification('A long specification', (doc) => {
      for (let part = 1; part <= 120; part++) appendRichSection(doc, `Part ${part} of the service`);
    });
    let slowestHealthMs = 0;
    let downloading = true;
    const watching = (async () => {
      while (downloading) {
        const started = performance.now();
        await (await fetch(`${collab.url}/health`)).arrayBuffer();
        slowestHealthMs = Math.max(slowestHealthMs, performance.now() - started);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    })();
    const started = performance.now();
    const file = await download(`${longUrl}?format=pdf`, commissioner);
    const exportMs = performance.now() - started;
    downloading = false;
    await watching;

    expect(file.status).toBe(200);
    const pdf = await pdfText(file.bytes);
    expect(pdf.pages.length).toBeGreaterThan(30);
    const lastPage = pdf.pages.at(-1)!.replace(/\s+/g, ' ');
    expect(lastPage).toContain(`Page ${pdf.pages.length} of ${pdf.pages.length}`);
    expect(lastPage).toContain('Nobody asked me what I needed.');
    expect(pdf.pages.join(' ')).toContain('Part 120 of the service');
    // Every page after the first is headed with what it is part of.
    expect(pdf.pages[0]).not.toContain('A long specification ·');
    for (const page of pdf.pages.slice(1)) {
      expect(page).toContain('A long specification · Draft, not published');
    }
    // A heading is never left alone at the foot of a page, away from its text: the text
    // under it, or under its first subheading. (A section not written yet has none.)
    const markdown = (await download(`${longUrl}?format=md`, commissioner)).bytes.toString('utf8');
    const blocks = markdown.split(/\n\n+/).map((block) => block.trim());
    const levelOf = (block: string | undefined) => /^(#+) /.exec(block ?? '')?.[1]!.length ?? 0;
    const hasText = blocks.map(() => false);
    for (let index = blocks.length - 2; index >= 0; index--) {
      const [level, next] = [levelOf(blocks[index]), levelOf(blocks[index + 1])];
      hasText[index] = level > 0 && (next === 0 || (next > level && hasText[index + 1]!));
    }
    const headings = new Set(
      blocks
        .filter((block, index) => levelOf(block) >= 2 && hasText[index])
        .map((heading) => heading.replace(/^#+ /, '').replace(/\\/g, '')),
    );
    expect(headings.has('Part 120 of the service')).toBe(true);
    const lastLines = pdf.pages.map((page) => {
      const lines = page
        .split('\n')
        .filter((line) => line.trim() && !/^(Page \d+ of|A long specification ·)/.test(line));
      return lines.at(-1)!.trim();
    });
    expect(lastLines.filter((line) => headings.has(line))).toEqual([]);
    // Laid out on the event loop, the PDF would hold every other request for nearly all of it.
    expect(slowestHealthMs).toBeLessThan(exportMs / 2);
  });

  it('as Markdown: the rendered text under a title', async () => {
    const file = await download(`${exportUrl}?format=md`, commissioner);

    expect(file.status).toBe(200);
    expect(file.type).toBe('text/markdown; charset=utf-8');
    const markdown = file.bytes.toString('utf8');
    expect(markdown.startsWith(`# ${TITLE}\n`)).toBe(true);
    expect(markdown).toContain('## What young people said');
    expect(markdown).toContain('**open after school**');
    expect(markdown).toMatch(/- Drop-in sessions at the youth centre/);
    expect(markdown).toContain('1. First step: referral');
  });

  it('in a format it does not make: 400 naming the formats it does', async () => {
    for (const query of ['?format=rtf', '', '?format[]=pdf']) {
      const file = await download(`${exportUrl}${query}`, commissioner);
      expect(file.status).toBe(400);
      expect(JSON.parse(file.bytes.toString('utf8'))).toEqual({
        error: { code: 'bad-request', message: expect.stringContaining('docx (Word), pdf or md') },
      });
    }
  });

  it('is a draft: a provider gets 404 as if it did not exist, in every format', async () => {
    const provider = await signIn(collab.url, DEMO_EMAIL.provider);
    for (const format of ['docx', 'pdf', 'md']) {
      const file = await download(`${exportUrl}?format=${format}`, provider);
      expect(file.status).toBe(404);
      expect(file.bytes.toString('utf8')).not.toContain('young people');
    }
  });

  it('can be read by an observer, who may read drafts', async () => {
    const observer = await signIn(collab.url, DEMO_EMAIL.observer);
    const file = await download(`${exportUrl}?format=md`, observer);
    expect(file.status).toBe(200);
  });
});
