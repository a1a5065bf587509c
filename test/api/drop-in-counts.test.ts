// Counting people at a drop-in over REST: each tap is a change with the device's own id,
// applied once however often it is sent (a lost answer, a reload, a restarted server);
// two devices at one drop-in add up; an undo never takes a count below 0; who may count;
// bad requests change nothing; the audit log gets one entry per request that counted.
import {
  MAX_COUNT_CHANGES_PER_REQUEST,
  type AgeBand,
  type Audience,
  type CountChange,
  type EngagementEvent,
  type RecordedCounts,
} from '@coproduce/domain';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BSON } from 'mongodb';
import { openDatabase, startApp, type RunningApp } from '../support/app';
import { api, errorWithCode } from '../support/api';
import { auditOf, demoTeam, dropIn, recordEvent, type DemoTeam } from '../support/engagement';

jest.setTimeout(240_000);

let app: RunningApp;
let team: DemoTeam;

beforeAll(async () => {
  app = await startApp({ ownDatabase: true });
  team = await demoTeam(app.url);
});
afterAll(async () => {
  await app?.stop();
});

const countsPath = (eventId: string) => team.at(`/engagement-events/${eventId}/counts`);

function tap(audience: Audience, ageBand?: AgeBand, change: 1 | -1 = 1): CountChange {
  return { clientId: randomUUID(), audience, ...(ageBand ? { ageBand } : {}), change };
}

function send(eventId: string, changes: CountChange[], token = team.tokens['engagement-lead']) {
  return api<RecordedCounts>(app.url, 'POST', countsPath(eventId), {
    token,
    body: { changes },
  });
}

async function eventNow(eventId: string): Promise<EngagementEvent> {
  const got = await api<EngagementEvent>(app.url, 'GET', team.at(`/engagement-events/${eventId}`), {
    token: team.tokens.commissioner,
  });
  expect(got.status).toBe(200);
  return got.body;
}

const newDropIn = (title: string, changes = {}) =>
  recordEvent(app.url, team.tokens['engagement-lead'], team.workspace, dropIn(title, changes));

describe('counting at a drop-in', () => {
  it('a tap adds one to its group and to the total, and the answer says so', async () => {
    const event = await newDropIn('Counting: one tap');
    const change = tap('children-and-young-people', '11-15');
    const answer = await send(event.id, [change]);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      changes: [{ clientId: change.clientId, applied: 1 }],
      reach: [
        { audience: 'children-and-young-people', ageBand: '11-15', count: 7 },
        { audience: 'parents-and-carers', count: 4 },
      ],
      total: 11,
    });
    expect(await eventNow(event.id)).toMatchObject({ reach: answer.body.reach, total: 11 });
  });

  it('a group nobody was counted in yet gets its row, in reading order', async () => {
    const event = await newDropIn('Counting: new groups');
    const answer = await send(event.id, [
      tap('professionals'),
      tap('children-and-young-people', '0-4'),
      tap('children-and-young-people'),
    ]);
    expect(answer.status).toBe(200);
    expect(answer.body.reach).toEqual([
      { audience: 'children-and-young-people', count: 1 },
      { audience: 'children-and-young-people', ageBand: '0-4', count: 1 },
      { audience: 'children-and-young-people', ageBand: '11-15', count: 6 },
      { audience: 'parents-and-carers', count: 4 },
      { audience: 'professionals', count: 1 },
    ]);
    expect(answer.body.total).toBe(13);
  });

  it('sending the same changes again answers the same and changes nothing', async () => {
    const event = await newDropIn('Counting: resend');
    const changes = [
      tap('parents-and-carers'),
      tap('parents-and-carers'),
      tap('parents-and-carers', undefined, -1),
    ];
    const first = await send(event.id, changes);
    expect(first.status).toBe(200);
    expect(first.body.total).toBe(11);
    const again = await send(event.id, changes);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    // Part of a batch sent again with new changes: only the new ones count.
    const mixed = await send(event.id, [changes[1]!, tap('parents-and-carers')]);
    expect(mixed.body.changes.map((each) => each.applied)).toEqual([1, 1]);
    expect(mixed.body.total).toBe(12);
    expect((await eventNow(event.id)).reach).toContainEqual({
      audience: 'parents-and-carers',
      count: 6,
    });
  });

  it('a group undone to nobody leaves the list, and comes back with the next tap', async () => {
    const event = await newDropIn('Counting: undone to nobody');
    const tapped = await send(event.id, [
      tap('professionals'),
      tap('professionals', undefined, -1),
    ]);
    expect(tapped.body.reach).toEqual(event.reach);
    const database = await openDatabase(app);
    try {
      const stored = await database.db
        .collection('engagement_events')
        .findOne({ _id: new BSON.ObjectId(event.id) }, { projection: { reach: 1 } });
      expect(stored?.['reach']).toHaveLength(2);
    } finally {
      await database.close();
    }
    const again = await send(event.id, [tap('professionals')]);
    expect(again.body.reach).toContainEqual({ audience: 'professionals', count: 1 });
  });

  it('the same change sent many times at once counts once', async () => {
    const event = await newDropIn('Counting: racing resends');
    const change = tap('children-and-young-people', '16-18');
    const answers = await Promise.all(Array.from({ length: 8 }, () => send(event.id, [change])));
    expect(answers.map((answer) => answer.status)).toEqual(Array(8).fill(200));
    expect(answers.map((answer) => answer.body.changes)).toEqual(
      Array(8).fill([{ clientId: change.clientId, applied: 1 }]),
    );
    expect((await eventNow(event.id)).total).toBe(11);
  });

  it('two devices counting at one drop-in add up', async () => {
    const event = await newDropIn('Counting: two devices');
    const lead = team.tokens['engagement-lead'];
    const commissioner = team.tokens.commissioner;
    const device = (token: string) =>
      (async () => {
        for (let batch = 0; batch < 5; batch++) {
          const changes = Array.from({ length: 6 }, (_, i) =>
            tap(
              i % 2 ? 'parents-and-carers' : 'children-and-young-people',
              i % 2 ? undefined : '11-15',
            ),
          );
          const answer = await send(event.id, changes, token);
          expect(answer.status).toBe(200);
        }
      })();
    await Promise.all([device(lead), device(commissioner), device(lead)]);
    const now = await eventNow(event.id);
    // 10 at the start, 3 devices × 5 batches × 6 taps.
    expect(now.total).toBe(10 + 90);
    expect(now.reach).toEqual([
      { audience: 'children-and-young-people', ageBand: '11-15', count: 6 + 45 },
      { audience: 'parents-and-carers', count: 4 + 45 },
    ]);
  });

  it('an undo never takes a count below 0, and a late resend of it takes nobody away', async () => {
    const event = await newDropIn('Counting: undo');
    const undo = tap('professionals', undefined, -1);
    const first = await send(event.id, [undo]);
    expect(first.body.changes).toEqual([{ clientId: undo.clientId, applied: 0 }]);
    expect(first.body.total).toBe(10);
    // One professional is counted later; the undo sent again still takes nobody away.
    await send(event.id, [tap('professionals')]);
    const again = await send(event.id, [undo]);
    expect(again.body.changes).toEqual([{ clientId: undo.clientId, applied: 0 }]);
    expect(again.body.total).toBe(11);
    // Two undos from two devices for the one person counted: one takes them away.
    const answers = await Promise.all([
      send(event.id, [tap('professionals', undefined, -1)]),
      send(event.id, [tap('professionals', undefined, -1)], team.tokens.commissioner),
    ]);
    expect(answers.map((answer) => answer.body.changes[0]!.applied).sort()).toEqual([-1, 0]);
    const now = await eventNow(event.id);
    expect(now.total).toBe(10);
    expect(now.reach.find((row) => row.audience === 'professionals')).toBeUndefined();
  });

  it('an event whose total was recorded apart from the counts keeps both moving together', async () => {
    const event = await newDropIn('Counting: recorded total', { tookPart: 15 });
    expect(event.total).toBe(15);
    const answer = await send(event.id, [
      tap('parents-and-carers'),
      tap('parents-and-carers'),
      tap('children-and-young-people', '11-15', -1),
    ]);
    expect(answer.body.total).toBe(16);
    expect(await eventNow(event.id)).toMatchObject({ total: 16, tookPart: 16 });
  });

  it('records one audit entry for a request that counted, with what it counted, and none for a resend', async () => {
    const event = await newDropIn('Counting: audit');
    const changes = [
      tap('children-and-young-people', '11-15'),
      tap('children-and-young-people', '11-15'),
      tap('parents-and-carers'),
      tap('parents-and-carers', undefined, -1),
    ];
    await send(event.id, changes);
    await send(event.id, changes);
    const entries = await api<
      { action: string; target: { id: string }; detail: Record<string, string> }[]
    >(app.url, 'GET', team.at('/audit?limit=500'), { token: team.tokens.commissioner });
    const counting = entries.body.filter(
      (entry) => entry.action === 'engagement-event.count' && entry.target.id === event.id,
    );
    expect(counting).toHaveLength(1);
    expect(counting[0]!.detail).toEqual({
      changes: '4',
      counted: 'children-and-young-people 11-15 +2, parents-and-carers ±0',
      total: '12',
    });
    expect(await auditOf(app.url, team.tokens.commissioner, team.workspace, event.id)).toEqual([
      ['engagement-event.count', team.ids['engagement-lead']],
      ['engagement-event.create', team.ids['engagement-lead']],
    ]);
  });

  it('commissioners and engagement leads count; other members may not, and nothing changes', async () => {
    const event = await newDropIn('Counting: who may');
    expect((await send(event.id, [tap('other')], team.tokens.commissioner)).status).toBe(200);
    for (const role of [
      'steering-member',
      'expert-by-experience',
      'observer',
      'provider',
    ] as const) {
      const refused = await send(event.id, [tap('other')], team.tokens[role]);
      expect([role, refused.status, refused.body]).toEqual([role, 403, errorWithCode('forbidden')]);
    }
    expect((await eventNow(event.id)).total).toBe(11);
  });

  it('refuses bad requests with a message a person can act on, and changes nothing', async () => {
    const event = await newDropIn('Counting: bad requests');
    const good = tap('parents-and-carers');
    const tooMany = Array.from({ length: MAX_COUNT_CHANGES_PER_REQUEST + 1 }, () =>
      tap('parents-and-carers'),
    );
    const bad: [string, unknown, number][] = [
      ['no changes', { changes: [] }, 400],
      ['changes not a list', { changes: good }, 400],
      [
        'an age band for parents',
        { changes: [good, { ...tap('parents-and-carers'), ageBand: '5-10' }] },
        400,
      ],
      [
        'the same id twice',
        { changes: [good, { ...tap('professionals'), clientId: good.clientId }] },
        400,
      ],
      ['a change of 2', { changes: [good, { ...tap('other'), change: 2 }] }, 400],
      ['a change of 0', { changes: [{ ...tap('other'), change: 0 }] }, 400],
      ['an unknown audience', { changes: [{ ...tap('other'), audience: 'aliens' }] }, 400],
      ['a short id', { changes: [{ ...tap('other'), clientId: 'abc' }] }, 400],
      ['an id with spaces', { changes: [{ ...tap('other'), clientId: 'not an id at all' }] }, 400],
      ['too many at once', { changes: tooMany }, 400],
      ['an extra field', { changes: [{ ...tap('other'), count: 50 }] }, 400],
    ];
    const outcomes = [];
    for (const [what, body] of bad) {
      const response = await api<{ error: { code: string; message: string } }>(
        app.url,
        'POST',
        countsPath(event.id),
        { token: team.tokens['engagement-lead'], body },
      );
      outcomes.push([what, response.status]);
      expect(response.body.error.message.length).toBeGreaterThan(10);
    }
    expect(outcomes).toEqual(bad.map(([what, , status]) => [what, status]));
    const nobody = '0123456789abcdef01234567';
    expect((await send(nobody, [good])).status).toBe(404);
    const now = await eventNow(event.id);
    expect(now.total).toBe(10);
    expect(now.reach).toEqual(event.reach);
    // The good change refused with its bad companions was never applied: it counts now.
    expect((await send(event.id, [good])).body.changes).toEqual([
      { clientId: good.clientId, applied: 1 },
    ]);
  });
});

describe('counting across a restart', () => {
  it('a change sent again after the server restarted is still known, and counts once', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'coproduce-counts-'));
    try {
      let own = await startApp({ dataDir });
      const ownTeam = await demoTeam(own.url);
      const event = await recordEvent(
        own.url,
        ownTeam.tokens['engagement-lead'],
        ownTeam.workspace,
        dropIn('Counting across a restart'),
      );
      const changes = [tap('parents-and-carers'), tap('children-and-young-people', '5-10')];
      const path = ownTeam.at(`/engagement-events/${event.id}/counts`);
      const first = await api<RecordedCounts>(own.url, 'POST', path, {
        token: ownTeam.tokens['engagement-lead'],
        body: { changes },
      });
      expect(first.body.total).toBe(12);
      await own.stop();
      own = await startApp({ dataDir });
      try {
        const again = await api<RecordedCounts>(own.url, 'POST', path, {
          token: (await demoTeam(own.url)).tokens['engagement-lead'],
          body: { changes },
        });
        expect(again.status).toBe(200);
        expect(again.body).toEqual(first.body);
      } finally {
        await own.stop();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
