import type { EngagementEvent, ReachCount } from '@coproduce/domain';
import { parse } from 'csv-parse/sync';
import { api } from '../support/api';
import { startApp, type RunningApp } from '../support/app';
import { demoTeam, recordEvent, type DemoTeam } from '../support/engagement';

interface ReachAnswer {
  valid?: boolean;
  rows?: number;
  imported?: number;
  reach?: ReachCount[];
  people?: number;
  total?: number;
  errors?: { row: number; message: string }[];
  columns?: { field: string; header: string | null }[];
  error?: { code: string; message: string };
}

describe('importing who took part in an event from a survey tool’s CSV file', () => {
  let app: RunningApp;
  let team: DemoTeam;

  beforeAll(async () => {
    app = await startApp();
    team = await demoTeam(app.url);
  });

  afterAll(async () => {
    await app?.stop();
  });

  /** A new event, with `reach` already counted. */
  async function newEvent(title: string, reach: ReachCount[] = []): Promise<EngagementEvent> {
    return recordEvent(app.url, team.tokens['engagement-lead'], team.workspace, {
      type: 'survey',
      title,
      startsAt: '2027-04-01T09:00:00Z',
      reach,
    });
  }

  async function send(
    eventId: string,
    file: Buffer | string,
    query = '',
    role: 'engagement-lead' | 'steering-member' = 'engagement-lead',
  ): Promise<{ status: number; body: ReachAnswer }> {
    const response = await fetch(
      `${app.url}${team.at(`/engagement-events/${eventId}/reach/import`)}${query}`,
      {
        method: 'POST',
        headers: { authorization: `Bearer ${team.tokens[role]}`, 'content-type': 'text/csv' },
        body: new Uint8Array(typeof file === 'string' ? Buffer.from(file, 'utf8') : file),
      },
    );
    return { status: response.status, body: (await response.json()) as ReachAnswer };
  }

  async function eventNow(eventId: string): Promise<EngagementEvent> {
    const got = await api<EngagementEvent>(
      app.url,
      'GET',
      team.at(`/engagement-events/${eventId}`),
      { token: team.tokens.commissioner },
    );
    return got.body;
  }

  // A survey tool's export: a row per respondent, no count column.
  const RESPONDENTS = [
    'Timestamp,Who are you?,Age group,Comments',
    '2027-04-01 10:00,Young person,11 to 15,More evening sessions',
    '2027-04-01 10:05,Young person,11-15,',
    '2027-04-01 10:10,Parent,,Text me',
    '2027-04-01 10:15,Children and young people,,',
  ].join('\r\n');

  it('checks a file of respondents and changes nothing; with commit=true adds each as one person', async () => {
    const event = await newEvent('Reach survey, respondents', [
      { audience: 'parents-and-carers', count: 2 },
    ]);
    const checked = await send(event.id, RESPONDENTS);
    expect(checked.status).toBe(200);
    expect(checked.body).toMatchObject({
      valid: true,
      rows: 4,
      errors: [],
      people: 4,
      reach: [
        { audience: 'children-and-young-people', count: 1 },
        { audience: 'children-and-young-people', ageBand: '11-15', count: 2 },
        { audience: 'parents-and-carers', count: 1 },
      ],
    });
    expect(checked.body.columns).toEqual([
      { field: 'audience', header: 'Who are you?' },
      { field: 'ageBand', header: 'Age group' },
      { field: 'count', header: null },
    ]);
    expect((await eventNow(event.id)).total).toBe(2);

    const imported = await send(event.id, RESPONDENTS, '?commit=true');
    expect(imported.status).toBe(201);
    expect(imported.body).toMatchObject({ imported: 4, total: 6 });
    const after = await eventNow(event.id);
    expect(after.reach).toEqual([
      { audience: 'children-and-young-people', count: 1 },
      { audience: 'children-and-young-people', ageBand: '11-15', count: 2 },
      { audience: 'parents-and-carers', count: 3 },
    ]);
    expect(after.total).toBe(6);
  });

  it('adds a summary table’s numbers, columns found by name', async () => {
    const event = await newEvent('Reach survey, summary');
    const file =
      'Audience,Age band,Number of people\nProfessionals,,"1,200"\nVCSE,,7\nParents and carers,,0\n';
    const imported = await send(event.id, file, '?commit=true');
    expect([imported.status, imported.body.imported]).toEqual([201, 1207]);
    expect((await eventNow(event.id)).reach).toEqual([
      { audience: 'professionals', count: 1200 },
      { audience: 'voluntary-sector-providers', count: 7 },
    ]);
  });

  it('names each bad row and what is wrong with it, and changes nothing, even with commit=true', async () => {
    const event = await newEvent('Reach survey, bad rows', [{ audience: 'other', count: 5 }]);
    const file = [
      'Audience,Age band,Count',
      'Parents and carers,,3',
      'Aliens,,2',
      'Children and young people,30-40,1',
      'Professionals,11-15,1',
      'Professionals,,lots',
      'Professionals,,',
      'Other,,-2',
    ].join('\n');
    for (const query of ['', '?commit=true']) {
      const answer = await send(event.id, file, query);
      expect(answer.status).toBe(query ? 400 : 200);
      expect(answer.body.valid).toBe(false);
      expect(answer.body.errors!.map((error) => error.row)).toEqual([3, 4, 5, 6, 7, 8]);
      expect(answer.body.errors!.map((error) => error.message)).toEqual([
        expect.stringContaining('“Aliens” is not an audience'),
        expect.stringContaining('“30-40” is not an age band'),
        expect.stringContaining('only for children and young people'),
        expect.stringContaining('“lots” is not a number of people'),
        expect.stringContaining('How many is empty'),
        expect.stringContaining('“-2” is not a number of people'),
      ]);
      if (query) {
        expect(answer.body.error).toEqual({
          code: 'bad-request',
          message: expect.stringContaining('6 rows'),
        });
      }
    }
    const after = await eventNow(event.id);
    expect([after.reach, after.total]).toEqual([[{ audience: 'other', count: 5 }], 5]);
  });

  it('refuses a file that is not CSV, one with no audience column, and a steering member, in words a person can act on', async () => {
    const event = await newEvent('Reach survey, refused');
    const workbook = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00]);
    const notCsv = await send(event.id, workbook, '?commit=true');
    expect(notCsv.status).toBe(400);
    expect(notCsv.body.error?.message).toMatch(/not a CSV file.*Save it from your spreadsheet/);
    const noAudience = await send(event.id, 'Name,Count\nSam,3\n');
    expect(noAudience.status).toBe(400);
    expect(noAudience.body.error?.message).toMatch(/No column holds the audience/);
    const openQuote = await send(event.id, 'Audience,Count\n"Parents,3\n');
    expect(openQuote.body.error?.message).toMatch(/could not be read as CSV/);
    expect((await send(event.id, RESPONDENTS, '?commit=true', 'steering-member')).status).toBe(403);
    const nobody = await send('0123456789abcdef01234567', RESPONDENTS);
    expect(nobody.status).toBe(404);
    expect((await eventNow(event.id)).total).toBe(0);
  });

  it('reads a Windows-1252 file and a UTF-8 file with a byte order mark alike, with the workspace’s remembered columns', async () => {
    const remembered = await api(app.url, 'PUT', team.at('/engagement/reach-import-columns'), {
      token: team.tokens['engagement-lead'],
      body: {
        columns: [
          { field: 'audience', header: 'Catégorie' },
          { field: 'count', header: 'Combien (£0 each)' },
        ],
      },
    });
    expect(remembered.status).toBe(200);
    const read = await api<{ columns: { field: string; header: string }[] }>(
      app.url,
      'GET',
      team.at('/engagement/reach-import-columns'),
      { token: team.tokens.commissioner },
    );
    expect(read.body.columns).toEqual([
      { field: 'audience', header: 'Catégorie' },
      { field: 'count', header: 'Combien (£0 each)' },
    ]);
    // "é" 0xE9, "£" 0xA3 and "–" 0x96 in Windows-1252: the headings match only when read right.
    const windows = Buffer.concat([
      Buffer.from('Cat', 'latin1'),
      Buffer.from([0xe9]),
      Buffer.from('gorie,Combien (', 'latin1'),
      Buffer.from([0xa3]),
      Buffer.from('0 each),Age\r\nYoung people,4,16', 'latin1'),
      Buffer.from([0x96]),
      Buffer.from('18\r\n', 'latin1'),
    ]);
    const event = await newEvent('Reach survey, encodings');
    expect((await send(event.id, windows, '?commit=true')).status).toBe(201);
    const bom = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from('Catégorie,Combien (£0 each)\nParents,2\n', 'utf8'),
    ]);
    expect((await send(event.id, bom, '?commit=true')).status).toBe(201);
    expect((await eventNow(event.id)).reach).toEqual([
      { audience: 'children-and-young-people', ageBand: '16-18', count: 4 },
      { audience: 'parents-and-carers', count: 2 },
    ]);
    await api(app.url, 'PUT', team.at('/engagement/reach-import-columns'), {
      token: team.tokens['engagement-lead'],
      body: { columns: [] },
    });
  });

  it('never takes a formula-looking cell for a number or an audience', async () => {
    const event = await newEvent('Reach survey, formulas');
    const answer = await send(
      event.id,
      'Audience,Count\nParents,=1+2\n"=HYPERLINK(""http://example.org"",""Parents"")",1\n@SUM(A1),1\nOther,+3\n',
      '?commit=true',
    );
    expect(answer.status).toBe(400);
    expect(answer.body.errors!.map((error) => [error.row, error.message])).toEqual([
      [2, expect.stringContaining('“=1+2” is not a number of people')],
      [
        3,
        expect.stringContaining('“=HYPERLINK("http://example.org","Parents")” is not an audience'),
      ],
      [4, expect.stringContaining('“@SUM(A1)” is not an audience')],
      [5, expect.stringContaining('“+3” is not a number of people')],
    ]);
    expect((await eventNow(event.id)).total).toBe(0);
  });

  it('exports who took part, a row per event and group, which reads back as the same counts', async () => {
    const counted = await newEvent('=Reach export, spring', [
      { audience: 'children-and-young-people', ageBand: '5-10', count: 3 },
      { audience: 'statutory-providers', count: 2 },
    ]);
    const response = await fetch(`${app.url}${team.at('/engagement/export?data=reach')}`, {
      headers: { authorization: `Bearer ${team.tokens.observer}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const text = Buffer.from(await response.arrayBuffer()).toString('utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const rows = parse(text.slice(1), { columns: true }) as Record<string, string>[];
    // Never a formula in a spreadsheet: the title's cell starts with an apostrophe.
    const mine = rows.filter((row) => row['Event'] === "'=Reach export, spring");
    expect(mine.map((row) => [row['Audience'], row['Age band'], row['People']])).toEqual([
      ['Children and young people', '5-10', '3'],
      ['Statutory providers', '', '2'],
    ]);
    const drop = rows.filter((row) => row['Event'] === 'Drop-in at Riverside Family Hub');
    expect(drop.find((row) => row['Audience'] === 'Parents and carers')?.['People']).toBe('17');

    const again = await newEvent('Reach export, read back');
    const file = [
      'Event,Starts,Audience,Age band,People',
      ...mine.map((row) =>
        Object.values(row)
          .map((cell) => `"${cell.replace(/"/g, '""')}"`)
          .join(','),
      ),
    ].join('\n');
    expect((await send(again.id, file, '?commit=true')).status).toBe(201);
    expect((await eventNow(again.id)).reach).toEqual((await eventNow(counted.id)).reach);
  });
});
