// The feedback behind a specification's text and "You said, we did": in the order of the
// text, grouped by theme, as JSON and as files (HTML, CSV, PDF, Word), quoting the words
// each item shaped as they read now, through another person's edits over a real collab
// connection.
import type { Feedback, SpecificationSummary, YouSaidWeDid } from '@coproduce/domain';
import { api, errorWithCode } from '../support/api';
import { collabApp, createSpecification, openSpecification } from '../support/collab';
import { anchorOnWords, currentText, findWords } from '../support/comments';
import { demoTeam, dropIn, giveFeedback, recordEvent, type DemoTeam } from '../support/engagement';
import { openWordDocument, pdfText } from '../support/exported-files';

jest.setTimeout(180_000);

const app = collabApp();
let team: DemoTeam;

beforeAll(async () => {
  team = await demoTeam(app.url);
});

const feedbackOf = (specification: string) => team.at(`/specifications/${specification}/feedback`);
const reportOf = (specification: string, format?: string) =>
  team.at(`/specifications/${specification}/you-said-we-did${format ? `?format=${format}` : ''}`);

/** Feedback linked to `words` of the specification (or to all of it), then moved to `status`. */
async function linked(
  specification: string,
  words: string | null,
  fields: {
    text: string;
    themes?: string[];
    status?: string;
    reason?: string;
    verbatim?: boolean;
    eventId?: string;
  },
): Promise<Feedback> {
  const token = team.tokens['engagement-lead'];
  let anchor;
  if (words) {
    const doc = await currentText(app.url, token, specification);
    anchor = anchorOnWords(doc, words);
    doc.destroy();
  }
  const item = await giveFeedback(app.url, token, team.workspace, {
    text: fields.text,
    verbatim: fields.verbatim,
    eventId: fields.eventId,
    audience: 'parents-and-carers',
    themes: fields.themes ?? [],
    links: [{ specificationId: specification, ...(anchor ? { anchor, quote: words! } : {}) }],
  });
  if (!fields.status) return item;
  const changed = await api<Feedback>(
    app.url,
    'PATCH',
    team.at(`/feedback/${item.id}`),
    team.as('engagement-lead', { status: fields.status, reason: fields.reason }),
  );
  if (changed.status !== 200) throw new Error(`changing status: ${changed.status}`);
  return changed.body;
}

async function download(path: string, token = team.tokens.commissioner) {
  const response = await fetch(`${app.url}${path}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  return {
    status: response.status,
    type: response.headers.get('content-type'),
    disposition: response.headers.get('content-disposition'),
    bytes: Buffer.from(await response.arrayBuffer()),
  };
}

/** RFC 4180 rows: quoted fields may hold commas, line breaks and doubled quotes. */
function csvRows(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const endField = () => {
    row.push(field);
    field = '';
  };
  const endRow = () => {
    endField();
    rows.push(row);
    row = [];
  };
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i]!;
    if (quoted && c === '"' && text[i + 1] === '"') {
      field += '"';
      i += 1;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (quoted) {
      field += c;
    } else if (c === ',') {
      endField();
    } else if (c === '\r' || c === '\n') {
      if (c === '\r' && text[i + 1] === '\n') i += 1;
      endRow();
    } else {
      field += c;
    }
  }
  if (field !== '' || row.length > 0) endRow();
  return rows;
}

describe('the feedback behind a specification’s text', () => {
  it('comes in the order of the text, links to the whole specification last', async () => {
    const specification = await createSpecification(app.url, 'In the order of the text');
    const later = await linked(specification, 'Outcomes', { text: 'Count what matters.' });
    const whole = await linked(specification, null, { text: 'The whole thing is long.' });
    const earlier = await linked(specification, 'Population needs', { text: 'Who is it for?' });
    const listed = await api<Feedback[]>(
      app.url,
      'GET',
      feedbackOf(specification),
      team.as('observer'),
    );
    expect(listed.status).toBe(200);
    expect(listed.body.map((item) => item.id)).toEqual([earlier.id, later.id, whole.id]);
    expect(listed.body[0]!.links[0]).toMatchObject({
      quote: 'Population needs',
      currentText: 'Population needs',
      textRemoved: false,
    });
  });

  it('is 404 for a provider (a draft does not exist for them) and for a specification of nothing', async () => {
    const specification = await createSpecification(app.url, 'Not for providers');
    await linked(specification, 'Outcomes', { text: 'Hidden from providers.' });
    for (const path of [
      feedbackOf(specification),
      reportOf(specification),
      reportOf(specification, 'csv'),
    ]) {
      const response = await api(app.url, 'GET', path, team.as('provider'));
      expect([path, response.status]).toEqual([path, 404]);
      expect(response.body).toEqual(errorWithCode('not-found'));
    }
    for (const path of [
      feedbackOf('0123456789abcdef01234567'),
      reportOf('0123456789abcdef01234567'),
      feedbackOf('abc'),
    ]) {
      const response = await api(app.url, 'GET', path, team.as('commissioner'));
      expect([path, response.status]).toEqual([path, 404]);
    }
  });
});

describe('“You said, we did”', () => {
  let specification: string;
  let name: string;
  let items: Record<'heard' | 'declined' | 'considering' | 'formula' | 'elsewhere', Feedback>;

  beforeAll(async () => {
    name = 'Key worker service — “You said”';
    specification = await createSpecification(app.url, name);
    const event = await recordEvent(
      app.url,
      team.tokens['engagement-lead'],
      team.workspace,
      dropIn('Drop-in at Riverside Family Hub', { startsAt: '2027-03-04T15:30:00Z' }),
    );
    const other = await createSpecification(app.url, 'Another specification');
    items = {
      heard: await linked(specification, 'Population needs', {
        text: 'Say who the service is for.',
        verbatim: true,
        eventId: event.id,
        themes: ['YSWD evenings'],
        status: 'reflected',
      }),
      declined: await linked(specification, null, {
        text: 'Open every night.',
        themes: ['YSWD evenings', 'YSWD transport'],
        status: 'not-taken-forward',
        reason: 'Out of budget; the crisis line covers nights.',
      }),
      considering: await linked(specification, 'Outcomes', {
        text: 'Measure what families notice.',
        status: 'considering',
      }),
      formula: await linked(specification, 'National and local context', {
        text: '=HYPERLINK("http://example.org","click")',
        themes: ['YSWD transport'],
        status: 'reflected',
      }),
      elsewhere: await linked(other, 'Outcomes', {
        text: 'About another specification.',
        themes: ['YSWD evenings'],
      }),
    };
  });

  it('groups the feedback by theme, each item with the words it shaped now, or why not', async () => {
    const report = await api<YouSaidWeDid>(
      app.url,
      'GET',
      reportOf(specification),
      team.as('observer'),
    );
    expect(report.status).toBe(200);
    const item = (feedback: Feedback, places: unknown[]) => ({
      id: feedback.id,
      text: feedback.text,
      verbatim: feedback.verbatim,
      audience: 'parents-and-carers',
      ageBand: null,
      event: feedback.event,
      source: '',
      status: feedback.status,
      reason: feedback.reason,
      places,
    });
    const at = (words: string) => ({ currentText: words, quote: words, textRemoved: false });
    expect(report.body).toEqual({
      specification: { id: specification, name },
      generatedAt: expect.any(String),
      themes: [
        // Two items each: by name; in each, the order of the text, whole-specification links last.
        {
          name: 'YSWD evenings',
          items: [item(items.heard, [at('Population needs')]), item(items.declined, [])],
        },
        {
          name: 'YSWD transport',
          items: [
            item(items.formula, [at('National and local context')]),
            item(items.declined, []),
          ],
        },
        { name: 'Not themed yet', items: [item(items.considering, [at('Outcomes')])] },
      ],
    });
    expect(report.body.themes[0]!.items[0]!.event).toMatchObject({
      title: 'Drop-in at Riverside Family Hub',
    });
    expect(report.body.themes[0]!.items[1]).toMatchObject({
      status: 'not-taken-forward',
      reason: 'Out of budget; the crisis line covers nights.',
    });
  });

  it('as a web page to print', async () => {
    const file = await download(reportOf(specification, 'html'));
    expect(file.status).toBe(200);
    expect(file.type).toBe('text/html; charset=utf-8');
    expect(file.disposition).toMatch(/^attachment; filename=".*\.html"/);
    const html = file.bytes.toString('utf8');
    expect(html).toContain('You said, we did: Key worker service');
    expect(html).toContain('Say who the service is for.');
    expect(html).toContain('The specification now says: “Population needs”');
    expect(html).toContain('Not taken forward: Out of budget; the crisis line covers nights.');
    expect(html).not.toContain('About another specification.');
  });

  it('as CSV, a cell that starts with "=" kept as text', async () => {
    const file = await download(reportOf(specification, 'csv'));
    expect(file.status).toBe(200);
    expect(file.type).toBe('text/csv; charset=utf-8');
    expect(file.disposition).toMatch(/^attachment; filename=".*\.csv"/);
    const text = file.bytes.toString('utf8');
    // A byte order mark: how Excel knows the file is UTF-8.
    expect(text.startsWith('\uFEFF')).toBe(true);
    const rows = csvRows(text.slice(1));
    expect(rows[0]).toEqual(['Theme', 'You said', 'Words', 'Who and where', 'Status', 'We did']);
    expect(rows.slice(1).map((row) => [row[0], row[1]])).toEqual([
      ['YSWD evenings', 'Say who the service is for.'],
      ['YSWD evenings', 'Open every night.'],
      ['YSWD transport', `'=HYPERLINK("http://example.org","click")`],
      ['YSWD transport', 'Open every night.'],
      ['Not themed yet', 'Measure what families notice.'],
    ]);
    expect(rows.flat().filter((cell) => /^[=+\-@]/.test(cell))).toEqual([]);
    expect(rows[1]).toEqual([
      'YSWD evenings',
      'Say who the service is for.',
      'verbatim',
      expect.stringMatching(/^Parents and carers, at Drop-in at Riverside Family Hub \(/),
      'Reflected in the specification',
      'Reflected in the specification.\nThe specification now says: “Population needs”',
    ]);
    expect(rows[2]![5]).toBe('Not taken forward: Out of budget; the crisis line covers nights.');
  });

  it('as PDF and as Word', async () => {
    const pdf = await download(reportOf(specification, 'pdf'));
    expect(pdf.status).toBe(200);
    expect(pdf.type).toBe('application/pdf');
    expect(pdf.disposition).toMatch(/^attachment; filename=".*\.pdf"/);
    const text = (await pdfText(pdf.bytes)).pages.join('\n').replace(/\s+/g, ' ');
    expect(text).toContain('You said, we did');
    expect(text).toContain('Say who the service is for.');
    expect(text).toContain('Out of budget; the crisis line covers nights.');

    const word = await download(reportOf(specification, 'docx'));
    expect(word.status).toBe(200);
    expect(word.type).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(word.disposition).toMatch(/^attachment; filename=".*\.docx"/);
    const paragraphs = (await openWordDocument(word.bytes)).paragraphs.map((p) => p.text);
    expect(paragraphs).toContain('You said: “Say who the service is for.”');
    expect(paragraphs).toContain('YSWD transport');
    expect(paragraphs.join('\n')).toContain('The specification now says: “Population needs”');
  });

  it('refuses a format it does not make (400); with no feedback it says so', async () => {
    const bad = await api(app.url, 'GET', reportOf(specification, 'xml'), team.as('commissioner'));
    expect(bad.status).toBe(400);
    expect(bad.body).toEqual(errorWithCode('bad-request'));
    const empty = await createSpecification(app.url, 'Nothing said yet');
    const report = await api<YouSaidWeDid>(
      app.url,
      'GET',
      reportOf(empty),
      team.as('commissioner'),
    );
    expect(report.body.themes).toEqual([]);
    const word = await download(reportOf(empty, 'docx'));
    expect((await openWordDocument(word.bytes)).paragraphs.map((p) => p.text)).toContain(
      'No feedback is linked to this specification yet.',
    );
  });
});

describe('“You said, we did” through another person’s edits', () => {
  it('quotes the anchored words as they read now after edits before, after and inside them, and says when they were deleted', async () => {
    const specification = await createSpecification(app.url, 'Edited around the anchor');
    const words = 'National and local context';
    // The engagement lead links feedback to words selected in their own open copy.
    const lead = await openSpecification(await app.connect('engagement-lead'), specification);
    const expert = await openSpecification(
      await app.connect('expert-by-experience'),
      specification,
    );
    const anchor = anchorOnWords(lead.doc, words);
    const item = await giveFeedback(app.url, team.tokens['engagement-lead'], team.workspace, {
      text: 'Say which local plans this follows.',
      audience: 'professionals',
      themes: ['YSWD edits'],
      links: [{ specificationId: specification, anchor, quote: words }],
    });
    await api(
      app.url,
      'PATCH',
      team.at(`/feedback/${item.id}`),
      team.as('engagement-lead', { status: 'reflected' }),
    );
    const placeNow = async () => {
      const report = await api<YouSaidWeDid>(
        app.url,
        'GET',
        reportOf(specification),
        team.as('commissioner'),
      );
      expect(report.status).toBe(200);
      return report.body.themes[0]!.items[0]!.places[0]!;
    };
    expect(await placeNow()).toEqual({ currentText: words, quote: words, textRemoved: false });

    // Another person types before, after and inside the words.
    const { text, index } = findWords(expert.doc, words);
    expert.doc.transact(() => {
      text.insert(index + words.length, ' (2025)'); // after
      text.insert(index + 'National and'.length, ' the'); // inside
      text.insert(index, 'Our '); // before
    });
    await expert.provider.whenSaved();
    expect(findWords(expert.doc, 'Our National and the local context (2025)')).toBeTruthy();
    const edited = 'National and the local context';
    expect(await placeNow()).toEqual({ currentText: edited, quote: words, textRemoved: false });
    const shown = await api<Feedback>(
      app.url,
      'GET',
      team.at(`/feedback/${item.id}`),
      team.as('observer'),
    );
    expect(shown.body.links[0]).toMatchObject({ currentText: edited, quote: words });
    const html = (await download(reportOf(specification, 'html'))).bytes.toString('utf8');
    expect(html).toContain(`The specification now says: “${edited}”`);
    const csv = csvRows(
      (await download(reportOf(specification, 'csv'))).bytes.toString('utf8').slice(1),
    );
    expect(csv[1]![5]).toBe(
      `Reflected in the specification.\nThe specification now says: “${edited}”`,
    );

    // Then deletes them: the report says the text it shaped has gone, and what it read.
    const now = findWords(expert.doc, edited);
    expert.doc.transact(() => now.text.delete(now.index, edited.length));
    await expert.provider.whenSaved();
    expect(await placeNow()).toEqual({ currentText: null, quote: words, textRemoved: true });
    const removed = (await download(reportOf(specification, 'html'))).bytes.toString('utf8');
    expect(removed).toContain(`The text it shaped has since been removed (it read: “${words}”).`);
    const listed = await api<Feedback[]>(
      app.url,
      'GET',
      feedbackOf(specification),
      team.as('commissioner'),
    );
    expect(listed.body[0]!.links[0]).toMatchObject({ currentText: null, textRemoved: true });
  });
});

describe('a specification the caller may not see', () => {
  it('another workspace’s is 404', async () => {
    const created = await api<{ id: string }>(app.url, 'POST', '/api/workspaces', {
      token: team.tokens.commissioner,
      body: { name: 'Elsewhere', serviceArea: 'Elsewhere', leadOrganisation: 'Elsewhere ICB' },
    });
    const theirs = await api<SpecificationSummary>(
      app.url,
      'POST',
      `/api/workspaces/${created.body.id}/specifications`,
      { token: team.tokens.commissioner, body: { title: 'Theirs' } },
    );
    for (const path of [feedbackOf(theirs.body.id), reportOf(theirs.body.id)]) {
      const response = await api(app.url, 'GET', path, team.as('commissioner'));
      expect([path, response.status]).toEqual([path, 404]);
    }
  });
});
