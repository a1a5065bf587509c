import type { Feedback, FeedbackTheme } from '@coproduce/domain';
import { parse } from 'csv-parse/sync';
import { api } from '../support/api';
import { startApp, type RunningApp } from '../support/app';
import { demoTeam, recordEvent, type DemoTeam } from '../support/engagement';

interface ImportAnswer {
  valid?: boolean;
  rows?: number;
  imported?: number;
  errors?: { row: number; message: string }[];
  headers?: string[];
  columns?: { field: string; header: string | null }[];
  error?: { code: string; message: string };
}

describe('importing feedback from a survey tool’s CSV file', () => {
  let app: RunningApp;
  let team: DemoTeam;

  beforeAll(async () => {
    app = await startApp();
    team = await demoTeam(app.url);
    await recordEvent(app.url, team.tokens['engagement-lead'], team.workspace, {
      type: 'survey',
      title: 'Import survey, spring',
      startsAt: '2027-03-01T09:00:00Z',
      reach: [],
    });
  });

  afterAll(async () => {
    await app?.stop();
  });

  async function send(
    file: Buffer | string,
    query = '',
    role: 'engagement-lead' | 'steering-member' = 'engagement-lead',
  ): Promise<{ status: number; body: ImportAnswer }> {
    const response = await fetch(`${app.url}${team.at('/feedback/import')}${query}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${team.tokens[role]}`, 'content-type': 'text/csv' },
      body: new Uint8Array(typeof file === 'string' ? Buffer.from(file, 'utf8') : file),
    });
    return { status: response.status, body: (await response.json()) as ImportAnswer };
  }

  async function stored(search: string): Promise<Feedback[]> {
    const response = await api<Feedback[]>(
      app.url,
      'GET',
      team.at(`/feedback?search=${encodeURIComponent(search)}&pageSize=200`),
      { token: team.tokens.commissioner },
    );
    return response.body;
  }

  const GOOD = [
    'Timestamp,Who are you?,Comment,Age group,Themes,Event,Verbatim',
    '2027-03-02 10:00,Parent,Import good: waiting lists are too long,,Import waits; Import information,Import survey spring,yes',
    '2027-03-02 11:00,Young person,"Import good: text me, don’t write",16 to 18,Import information,,no',
    '2027-03-02 12:00,Professionals,Import good: one plan the family holds,,,"Import survey, spring",',
  ].join('\r\n');

  it('checks a good file and stores nothing; with commit=true stores every row, its themes and events', async () => {
    const checked = await send(GOOD);
    expect(checked.status).toBe(200);
    expect(checked.body).toMatchObject({ valid: true, rows: 3, errors: [] });
    expect(checked.body.columns).toEqual(
      expect.arrayContaining([
        { field: 'text', header: 'Comment' },
        { field: 'audience', header: 'Who are you?' },
        { field: 'ageBand', header: 'Age group' },
      ]),
    );
    expect(await stored('Import good')).toEqual([]);

    const imported = await send(GOOD, '?commit=true');
    expect([imported.status, imported.body]).toEqual([201, { imported: 3 }]);
    const items = await stored('Import good');
    expect(
      items.map((item) => [item.text, item.audience, item.ageBand, item.verbatim]).sort(),
    ).toEqual([
      ['Import good: one plan the family holds', 'professionals', null, false],
      ['Import good: text me, don’t write', 'children-and-young-people', '16-18', false],
      ['Import good: waiting lists are too long', 'parents-and-carers', null, true],
    ]);
    const waiting = items.find((item) => item.text.includes('waiting'))!;
    expect(waiting.themes).toEqual(['Import waits', 'Import information']);
    expect(waiting.event?.title).toBe('Import survey, spring');
    expect(items.every((item) => item.status === 'new')).toBe(true);
    const themes = await api<FeedbackTheme[]>(app.url, 'GET', team.at('/feedback-themes'), {
      token: team.tokens.commissioner,
    });
    expect(themes.body.find((theme) => theme.name === 'Import information')?.feedbackCount).toBe(2);
    const audit = await api<{ action: string; detail: Record<string, string> }[]>(
      app.url,
      'GET',
      team.at('/audit?limit=50'),
      { token: team.tokens.commissioner },
    );
    expect(audit.body.find((entry) => entry.action === 'feedback.import')?.detail).toEqual({
      imported: '3',
    });
  });

  it('names each bad row and what is wrong with it, and stores nothing, even with commit=true', async () => {
    const file = [
      'What was said,Audience,Age band,Event',
      'Import bad: fine row,Parents and carers,,',
      ',Parents and carers,,',
      'Import bad: who?,Aliens,,',
      'Import bad: too old,Children and young people,30-40,',
      'Import bad: no such event,Professionals,,The spring fair',
      'Import bad: adult with an age band,Professionals,11-15,',
    ].join('\n');
    for (const query of ['', '?commit=true']) {
      const answer = await send(file, query);
      expect(answer.status).toBe(query ? 400 : 200);
      expect(answer.body.valid).toBe(false);
      expect(answer.body.errors!.map((error) => error.row)).toEqual([3, 4, 5, 6, 7]);
      expect(answer.body.errors!.map((error) => error.message)).toEqual([
        expect.stringContaining('What was said is empty'),
        expect.stringContaining('“Aliens” is not an audience'),
        expect.stringContaining('“30-40” is not an age band'),
        expect.stringContaining('no engagement event called “The spring fair”'),
        expect.stringContaining('only for children and young people'),
      ]);
      if (query)
        expect(answer.body.error).toEqual({
          code: 'bad-request',
          message: expect.stringContaining('5 rows'),
        });
    }
    expect(await stored('Import bad')).toEqual([]);
  });

  it('refuses a file that is not CSV, and one with no column for what was said, in words a person can act on', async () => {
    const workbook = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00]);
    const notCsv = await send(workbook, '?commit=true');
    expect(notCsv.status).toBe(400);
    expect(notCsv.body.error?.message).toMatch(/not a CSV file.*Save it from your spreadsheet/);
    const noText = await send('Name,Audience\nSam,Parents and carers\n');
    expect(noText.status).toBe(400);
    expect(noText.body.error?.message).toMatch(/No column holds what was said/);
    const openQuote = await send('Comment,Audience\n"Import open quote,Parents\n');
    expect(openQuote.status).toBe(400);
    expect(openQuote.body.error?.message).toMatch(/could not be read as CSV/);
    const empty = await send('');
    expect(empty.status).toBe(400);
  });

  it('reads a Windows-1252 file and a UTF-8 file with a byte order mark alike', async () => {
    const words = 'Import encoding: café costs £5 – too much';
    const windows = Buffer.concat([
      Buffer.from('Comment,Audience\r\n', 'latin1'),
      // "é" 0xE9, "£" 0xA3, "–" 0x96 in Windows-1252.
      Buffer.from([...Buffer.from('Import encoding: caf', 'latin1'), 0xe9]),
      Buffer.from(' costs ', 'latin1'),
      Buffer.from([0xa3]),
      Buffer.from('5 ', 'latin1'),
      Buffer.from([0x96]),
      Buffer.from(' too much,Parents and carers\r\n', 'latin1'),
    ]);
    const fromWindows = await send(windows, '?commit=true');
    expect([fromWindows.status, fromWindows.body]).toEqual([201, { imported: 1 }]);
    const bom = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from(`Comment,Audience\n${words.replace('Import encoding', 'Import bom')},Parents\n`),
    ]);
    expect((await send(bom, '?commit=true')).status).toBe(201);
    expect((await stored('Import encoding')).map((item) => item.text)).toEqual([words]);
    expect((await stored('Import bom')).map((item) => item.text)).toEqual([
      words.replace('Import encoding', 'Import bom'),
    ]);
  });

  it('keeps a formula-looking cell as the words it is, never as a formula', async () => {
    const formula = '=HYPERLINK("http://example.org","Import formula")';
    const answer = await send(
      `Comment,Audience\n"${formula.replace(/"/g, '""')}",Other\n`,
      '?commit=true',
    );
    expect(answer.status).toBe(201);
    expect((await stored('Import formula')).map((item) => item.text)).toEqual([formula]);
  });

  it('remembers which column holds which field for the workspace', async () => {
    const file =
      'Q1. What would help most?,Q2. You are a…\nImport remembered: evening sessions,Parent\n';
    expect((await send(file)).status).toBe(400);
    const remembered = await api(app.url, 'PUT', team.at('/feedback/import-columns'), {
      token: team.tokens['engagement-lead'],
      body: {
        columns: [
          { field: 'text', header: 'Q1. What would help most?' },
          { field: 'audience', header: 'Q2. You are a…' },
        ],
      },
    });
    expect(remembered.status).toBe(200);
    const read = await api<{ columns: { field: string; header: string }[] }>(
      app.url,
      'GET',
      team.at('/feedback/import-columns'),
      { token: team.tokens.commissioner },
    );
    expect(read.body.columns).toHaveLength(2);
    expect((await send(file, '?commit=true')).body).toEqual({ imported: 1 });
  });

  it('refuses a file over the size limit before reading it, and a steering member', async () => {
    const huge = Buffer.alloc(21 * 1024 * 1024, 'a');
    const tooLarge = await send(huge);
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.body.error?.code).toBe('payload-too-large');
    expect((await send(GOOD, '?commit=true', 'steering-member')).status).toBe(403);
  });

  it('imports 20,000 rows at once, all or nothing', async () => {
    const rows = Array.from(
      { length: 20_000 },
      (_, i) =>
        `Import many: row ${i + 1},${i % 2 ? 'Parents and carers' : 'Professionals'},Import many`,
    );
    const started = Date.now();
    const answer = await send(['Comment,Audience,Themes', ...rows].join('\n'), '?commit=true');
    expect(answer.body).toEqual({ imported: 20_000 });
    const list = await fetch(`${app.url}${team.at('/feedback?search=Import%20many&pageSize=1')}`, {
      headers: { authorization: `Bearer ${team.tokens.commissioner}` },
    });
    expect(list.headers.get('x-total-count')).toBe('20000');
    expect(Date.now() - started).toBeLessThan(60_000);
  }, 120_000);

  it('exports events with their reach, and feedback, as CSV a spreadsheet opens and reads back', async () => {
    const download = async (data: string) => {
      const response = await fetch(`${app.url}${team.at(`/engagement/export?data=${data}`)}`, {
        headers: { authorization: `Bearer ${team.tokens.observer}` },
      });
      expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      const text = Buffer.from(await response.arrayBuffer()).toString('utf8');
      expect(text.startsWith('\uFEFF')).toBe(true);
      return parse(text.slice(1), { columns: true }) as Record<string, string>[];
    };
    const events = await download('events');
    const survey = events.find((row) => row['Title'] === 'Import survey, spring')!;
    expect(survey['Type']).toBe('Survey');
    const drop = events.find((row) => row['Title'] === 'Drop-in at Riverside Family Hub')!;
    expect(drop['Parents and carers']).toBe('17');
    expect(drop['Children and young people aged 5 to 10 years']).toBe('4');

    const feedback = await download('feedback');
    const formula = feedback.find((row) => row['What was said']!.includes('Import formula'))!;
    // Never a formula in a spreadsheet: the cell starts with an apostrophe.
    expect(formula['What was said']!.startsWith("'=HYPERLINK")).toBe(true);
    const good = feedback.find(
      (row) => row['What was said'] === 'Import good: waiting lists are too long',
    )!;
    expect(good).toMatchObject({
      Event: 'Import survey, spring',
      Words: 'verbatim',
      Audience: 'Parents and carers',
      Themes: 'Import waits; Import information',
      Status: 'New',
    });
    const provider = await fetch(`${app.url}${team.at('/engagement/export?data=feedback')}`, {
      headers: { authorization: `Bearer ${team.tokens.provider}` },
    });
    expect(provider.status).toBe(403);
  });
});
