// The workspace audit log's filters (who, what, when, target), its paging and its filter
// options, and live editing summarised as one entry per person, specification and hour,
// against a real server whose collab notices come every 200 ms instead of every 30 s.
import type {
  AuditEntry,
  AuditFilterOptions,
  MemberSummary,
  SpecificationSummary,
} from '@coproduce/domain';
import { BSON } from 'mongodb';
import { api, DEMO_EMAIL, signIn } from '../support/api';
import { openDatabase, startApp, type OpenDatabase, type RunningApp } from '../support/app';
import { connectWithToken, demoWorkspaceId, openSpecification } from '../support/collab';

jest.setTimeout(120_000);

const HOUR_MS = 60 * 60 * 1000;

let app: RunningApp;
let database: OpenDatabase;
let commissioner: string;
let steering: string;
let workspaceId: string;
const people: Record<'commissioner' | 'steering', string> = { commissioner: '', steering: '' };
/** A specification the commissioner started and renamed. */
let renamed = '';

async function audit(query = '', token = commissioner) {
  return api<AuditEntry[]>(app.url, 'GET', `/api/workspaces/${workspaceId}/audit${query}`, {
    token,
  });
}

async function createSpecification(token: string, title: string): Promise<string> {
  const created = await api<SpecificationSummary>(
    app.url,
    'POST',
    `/api/workspaces/${workspaceId}/specifications`,
    { token, body: { title } },
  );
  expect(created.status).toBe(201);
  return created.body.id;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(async () => {
  app = await startApp({
    ownDatabase: true,
    env: { COLLAB_EDIT_NOTICE_MS: '200', COLLAB_UNLOAD_GRACE_MS: '100' },
  });
  database = await openDatabase(app);
  commissioner = await signIn(app.url, DEMO_EMAIL.commissioner);
  steering = await signIn(app.url, DEMO_EMAIL['steering-member']);
  workspaceId = await demoWorkspaceId(app.url, commissioner);
  const members = await api<MemberSummary[]>(
    app.url,
    'GET',
    `/api/workspaces/${workspaceId}/members`,
    { token: commissioner },
  );
  const idOf = (email: string) => members.body.find((member) => member.email === email)!.userId;
  people.commissioner = idOf(DEMO_EMAIL.commissioner);
  people.steering = idOf(DEMO_EMAIL['steering-member']);

  renamed = await createSpecification(commissioner, 'Short breaks');
  await api(app.url, 'PATCH', `/api/workspaces/${workspaceId}/specifications/${renamed}`, {
    token: commissioner,
    body: { title: 'Short breaks for disabled children' },
  });
  await createSpecification(commissioner, 'Transitions to adult services');
  await createSpecification(steering, 'Steering group notes');
  await api(app.url, 'POST', `/api/workspaces/${workspaceId}/invitations`, {
    token: commissioner,
    body: { role: 'observer' },
  });

  // Entries either side of UK midnights in summer (BST), put straight into the log.
  const entry = (at: string, name: string) => ({
    workspaceId: new BSON.ObjectId(workspaceId),
    actorId: new BSON.ObjectId(people.commissioner),
    action: 'workspace.update',
    targetType: 'workspace',
    targetId: workspaceId,
    detail: { name },
    at: new Date(at),
  });
  await database.db
    .collection('audit_log')
    .insertMany([
      entry('2024-06-30T22:59:59.000Z', '30 June, a second before midnight'),
      entry('2024-06-30T23:00:00.000Z', '1 July, at midnight'),
      entry('2024-07-01T22:59:59.000Z', '1 July, a second before midnight'),
      entry('2024-07-01T23:00:00.000Z', '2 July, at midnight'),
    ]);
});
afterAll(async () => {
  await database?.close();
  await app?.stop();
});

describe('the audit log, filtered and paged', () => {
  it('a plain GET answers as before, newest first, and says how many entries there are', async () => {
    const plain = await audit();
    expect(plain.status).toBe(200);
    expect(Array.isArray(plain.body)).toBe(true);
    const total = Number(plain.headers.get('x-total-count'));
    expect(total).toBe(plain.body.length);
    const times = plain.body.map((entry) => entry.at);
    expect([...times].sort().reverse()).toEqual(times);
    expect((await audit('?limit=2')).body).toEqual(plain.body.slice(0, 2));
  });

  it('who: only what one person did', async () => {
    const theirs = await audit(`?actorId=${people.steering}`);
    expect(theirs.status).toBe(200);
    expect(theirs.body.length).toBeGreaterThan(0);
    expect(theirs.body.every((entry) => entry.actor?.id === people.steering)).toBe(true);
    expect(theirs.body.map((entry) => entry.detail['title'])).toContain('Steering group notes');
    expect(theirs.headers.get('x-total-count')).toBe(String(theirs.body.length));
  });

  it('what: one action, or every action that starts so', async () => {
    const renames = await audit('?action=specification.rename');
    expect(renames.body.map((entry) => [entry.action, entry.target.id])).toEqual([
      ['specification.rename', renamed],
    ]);
    const specifications = await audit('?action=specification.');
    const actions = new Set(specifications.body.map((entry) => entry.action));
    expect([...actions].sort()).toEqual(['specification.create', 'specification.rename']);
    expect(specifications.body.filter((e) => e.action === 'specification.create')).toHaveLength(3);
    // Filters combine: the steering member's specification changes.
    const theirs = await audit(`?action=specification.&actorId=${people.steering}`);
    expect(theirs.body.map((entry) => entry.detail['title'])).toEqual(['Steering group notes']);
  });

  it('target: a kind of thing, or one thing', async () => {
    const invitations = await audit('?targetType=invitation');
    expect(invitations.body.map((entry) => entry.action)).toEqual(['invitation.create']);
    const one = await audit(`?targetId=${renamed}`);
    expect(one.body.map((entry) => entry.action)).toEqual([
      'specification.rename',
      'specification.create',
    ]);
    expect((await audit(`?targetType=member&targetId=${renamed}`)).body).toEqual([]);
  });

  it('when: whole days in UK time, both ends included', async () => {
    const names = async (query: string) =>
      (await audit(query)).body.map((entry) => entry.detail['name']);
    expect(await names('?from=2024-07-01&to=2024-07-01')).toEqual([
      '1 July, a second before midnight',
      '1 July, at midnight',
    ]);
    expect(await names('?to=2024-06-30')).toEqual(['30 June, a second before midnight']);
    expect(await names('?from=2024-07-02&to=2024-07-02')).toEqual(['2 July, at midnight']);
    expect(await names('?from=2024-06-30&to=2024-07-02&action=workspace.update')).toHaveLength(4);
    // From a day on: everything since, today's changes included.
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(
      new Date(),
    );
    const sinceToday = await audit(`?from=${today}`);
    expect(sinceToday.body.map((entry) => entry.action)).toContain('invitation.create');
    expect(sinceToday.body.map((entry) => entry.detail['name'])).not.toContain(
      '2 July, at midnight',
    );
  });

  it('one page at a time, each in order, together the whole list', async () => {
    const all = (await audit('?action=specification.')).body;
    expect(all.length).toBe(4);
    const page = async (n: number) => audit(`?action=specification.&page=${n}&pageSize=3`);
    const [first, second, past] = await Promise.all([page(1), page(2), page(3)]);
    expect(first.body.map((e) => e.id)).toEqual(all.slice(0, 3).map((e) => e.id));
    expect(second.body.map((e) => e.id)).toEqual(all.slice(3).map((e) => e.id));
    expect(past.body).toEqual([]);
    for (const each of [first, second, past]) expect(each.headers.get('x-total-count')).toBe('4');
  });

  it('refuses what it cannot read, saying why', async () => {
    const refusals: Array<[string, string]> = [
      ['?actorId=someone', 'actorId must be the id of a person.'],
      [
        '?action=specification',
        'action must be an action such as specification.rename, or the start of some followed by a dot, such as specification.',
      ],
      ['?from=2024-02-30', 'from must be a date like 2027-01-29.'],
      ['?to=1%20July', 'to must be a date like 2027-01-29.'],
      [
        '?from=2024-07-02&to=2024-07-01',
        'The from date must be the same as the to date or before it.',
      ],
      ['?targetType=thing', expect.stringContaining('targetType must be one of: ') as string],
      ['?targetId=abc', 'targetId must be the id of something in the log.'],
      ['?page=0', 'page must be a whole number from 1 to 10,000.'],
      ['?pageSize=501', 'pageSize must be a whole number from 1 to 500.'],
      [
        '?pageSize=10&limit=10',
        'Give pageSize or limit, not both: limit is the older name of pageSize.',
      ],
      ['?before=2024-07-01', '"before" is not a field this request accepts; remove it.'],
    ];
    for (const [query, message] of refusals) {
      const response = await audit(query);
      expect([query, response.status, response.body]).toEqual([
        query,
        400,
        { error: { code: 'bad-request', message } },
      ]);
    }
  });

  it('filter options: the people, actions and kinds of thing the log holds', async () => {
    const options = await api<AuditFilterOptions>(
      app.url,
      'GET',
      `/api/workspaces/${workspaceId}/audit/filter-options`,
      { token: commissioner },
    );
    expect(options.status).toBe(200);
    expect(options.body.actors.map((actor) => actor.id)).toEqual(
      expect.arrayContaining([people.commissioner, people.steering]),
    );
    expect(options.body.actors[0]).toEqual({ id: expect.any(String), name: expect.any(String) });
    expect(options.body.actions).toEqual(
      expect.arrayContaining(['invitation.create', 'specification.create', 'workspace.update']),
    );
    expect(options.body.targetTypes).toEqual(
      expect.arrayContaining(['invitation', 'specification', 'workspace']),
    );
    // Only commissioners read the log, and so what it holds.
    const forSteering = await api(
      app.url,
      'GET',
      `/api/workspaces/${workspaceId}/audit/filter-options`,
      { token: steering },
    );
    expect(forSteering.status).toBe(403);
  });
});

describe('live edits in the audit log', () => {
  it('are one entry per person, specification and hour, counting the hour’s edit notices', async () => {
    const specification = await createSpecification(commissioner, 'Edited live');
    const started = Date.now();
    const connections = await Promise.all(
      [commissioner, steering].map((token) => connectWithToken(app.url, token)),
    );
    const editors = await Promise.all(
      connections.map((connection) => openSpecification(connection, specification)),
    );
    // 20 keystrokes each over two seconds: notices every 200 ms at most, not one a keystroke.
    for (let keystroke = 0; keystroke < 20; keystroke += 1) {
      for (const [index, editor] of editors.entries()) {
        editor.doc.getText('notes').insert(0, index === 0 ? 'c' : 's');
      }
      await sleep(100);
    }
    await Promise.all(editors.map((editor) => editor.provider.whenSaved()));
    const finished = Date.now();
    // The hours the editing touched: one, or two if it ran over the hour.
    const hours = new Set([started, finished].map((at) => Math.floor(at / HOUR_MS) * HOUR_MS));

    const summaries = async () =>
      (await audit(`?action=specification.edit&targetId=${specification}`)).body;
    let entries = await summaries();
    const counted = (list: AuditEntry[]) =>
      list.reduce((sum, entry) => sum + Number(entry.detail['editNotices']), 0);
    // Recorded beside the edits, not inside them: wait for the last notices to land.
    for (let tries = 0; tries < 50; tries += 1) {
      const before = counted(entries);
      await sleep(300);
      entries = await summaries();
      if (entries.length >= 2 && counted(entries) === before) break;
    }
    for (const connection of connections) connection.close();

    expect(entries).toHaveLength(2 * hours.size);
    expect(new Set(entries.map((entry) => entry.actor?.id))).toEqual(
      new Set([people.commissioner, people.steering]),
    );
    for (const entry of entries) {
      expect(entry.target).toEqual({ type: 'specification', id: specification });
      expect(hours.has(Date.parse(entry.at))).toBe(true);
      const notices = Number(entry.detail['editNotices']);
      // Two seconds of typing at one notice per 200 ms at most: several, far fewer than 20.
      expect(notices).toBeGreaterThanOrEqual(hours.size === 1 ? 3 : 1);
      expect(notices).toBeLessThanOrEqual(12);
      const last = Date.parse(entry.detail['lastNoticeAt']!);
      expect(last).toBeGreaterThanOrEqual(Date.parse(entry.at));
      expect(last).toBeLessThan(Date.parse(entry.at) + HOUR_MS);
    }
    // In the store too: no entry per keystroke, only the summaries and the creation.
    const stored = await database.db
      .collection('audit_log')
      .countDocuments({ targetId: specification });
    expect(stored).toBe(1 + 2 * hours.size);
  });
});
