import { ObjectId, type Document } from 'bson';
import { Catalog } from './catalog';
import type { Collection } from './collection';
import { insertDocument } from './document-writes';
import { findDocuments } from './find-documents';

function engagementEvents(count: number, indexes: Document[] = []): Collection {
  const catalog = new Catalog();
  const collection = catalog.obtain('coproduce', 'engagementEvents', []);
  for (const key of indexes) {
    collection.addIndex({ v: 2, key, name: Object.keys(key).join('_') });
  }
  for (let i = 0; i < count; i++) {
    insertDocument(
      collection,
      {
        _id: new ObjectId(),
        seq: i,
        workspace: `w${i % 50}`,
        kind: i % 2 ? 'drop-in' : 'interview',
        attendees: i % 97,
        themes: [`t${i % 7}`, `t${(i + 3) % 7}`],
      },
      [],
    );
  }
  return collection;
}

function run(collection: Collection, request: Parameters<typeof findDocuments>[1]) {
  const execution = findDocuments(collection, request);
  const docs: Document[] = [];
  for (let next = execution.results.next(); !next.done; next = execution.results.next()) {
    docs.push(next.value);
  }
  return { docs, examined: execution.examined(), index: execution.plan.index?.name };
}

describe('query planner', () => {
  it('examines only the matching documents of an equality on an indexed field, whatever the collection size', () => {
    const small = run(engagementEvents(1_000, [{ seq: 1 }]), { filter: { seq: 500 } });
    const large = run(engagementEvents(10_000, [{ seq: 1 }]), { filter: { seq: 500 } });
    expect(small).toMatchObject({ examined: 1, index: 'seq' });
    expect(large).toMatchObject({ examined: 1, index: 'seq' });
    expect(large.docs.map((doc) => doc.seq)).toEqual([500]);
  });

  it('scans a range, and $in points, on the leading field of a compound index', () => {
    const events = engagementEvents(5_000, [{ attendees: 1, seq: -1 }]);
    const range = run(events, { filter: { attendees: { $gte: 10, $lt: 12 } } });
    const expected = [...events.docs.values()].filter(
      (doc) => doc.attendees >= 10 && doc.attendees < 12,
    );
    expect(range.index).toBe('attendees_seq');
    expect(range.examined).toBe(expected.length);
    expect(range.docs.map((doc) => doc.seq).sort()).toEqual(expected.map((doc) => doc.seq).sort());

    const points = run(events, { filter: { attendees: { $in: [3, 4] }, kind: 'drop-in' } });
    const inExpected = [...events.docs.values()].filter(
      (doc) => (doc.attendees === 3 || doc.attendees === 4) && doc.kind === 'drop-in',
    );
    expect(points.examined).toBe(
      [...events.docs.values()].filter((doc) => doc.attendees === 3 || doc.attendees === 4).length,
    );
    expect(points.docs).toHaveLength(inExpected.length);
  });

  it('uses an equality prefix and then the next field for the sort, without sorting in memory', () => {
    const events = engagementEvents(2_000, [{ workspace: 1, seq: -1 }]);
    const page = run(events, { filter: { workspace: 'w7' }, sort: { seq: -1 }, limit: 3 });
    expect(page.docs.map((doc) => doc.seq)).toEqual([1957, 1907, 1857]);
    expect(page.examined).toBe(3);
    const ascending = run(events, { filter: { workspace: 'w7' }, sort: { seq: 1 }, limit: 2 });
    expect(ascending.docs.map((doc) => doc.seq)).toEqual([7, 57]);
    expect(ascending.examined).toBe(2);
  });

  it('answers a multikey range without intersecting bounds that different elements satisfy', () => {
    const catalog = new Catalog();
    const scores = catalog.obtain('coproduce', 'feedback', []);
    scores.addIndex({ v: 2, key: { ratings: 1 }, name: 'ratings_1' });
    insertDocument(scores, { _id: 1, ratings: [1, 20] }, []);
    insertDocument(scores, { _id: 2, ratings: [7] }, []);
    insertDocument(scores, { _id: 3, ratings: [30] }, []);
    const found = run(scores, { filter: { ratings: { $gt: 5, $lt: 10 } }, sort: { _id: 1 } });
    expect(found.docs.map((doc) => doc._id)).toEqual([1, 2]);
  });

  it('matches numbers across BSON numeric types and null for missing fields through the index', () => {
    const catalog = new Catalog();
    const members = catalog.obtain('coproduce', 'members', []);
    members.addIndex({ v: 2, key: { invitedBy: 1 }, name: 'invitedBy_1' });
    insertDocument(members, { _id: 1, invitedBy: null }, []);
    insertDocument(members, { _id: 2 }, []);
    insertDocument(members, { _id: 3, invitedBy: 4 }, []);
    const nulls = run(members, { filter: { invitedBy: null }, sort: { _id: 1 } });
    expect(nulls.docs.map((doc) => doc._id)).toEqual([1, 2]);
    expect(nulls.index).toBe('invitedBy_1');
    expect(run(members, { filter: { invitedBy: 4.0 } }).docs.map((doc) => doc._id)).toEqual([3]);
  });

  it('keeps an index scan left open across many writes free of errors and repeats', () => {
    const events = engagementEvents(2_000, [{ seq: 1 }]);
    const execution = findDocuments(events, { filter: { seq: { $gte: 0 } }, sort: { seq: 1 } });
    const seen: number[] = [];
    for (let i = 0; i < 500; i++) seen.push(execution.results.next().value.seq);
    for (let i = 0; i < 5_000; i++)
      insertDocument(events, { _id: new ObjectId(), seq: 10_000 + i }, []);
    for (let next = execution.results.next(); !next.done; next = execution.results.next()) {
      seen.push(next.value.seq);
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.slice(0, 2_000)).toEqual(Array.from({ length: 2_000 }, (_, i) => i));
    expect(seen.length).toBeGreaterThanOrEqual(2_000);
  });

  it('reads a $or whose branches are all indexed as a union of index scans', () => {
    const events = engagementEvents(5_000, [{ seq: 1 }, { attendees: 1 }]);
    // seq 96 also has 96 attendees: it is found by both branches and returned once.
    const either = run(events, {
      filter: { $or: [{ seq: 96 }, { attendees: 96 }] },
      sort: { seq: 1 },
    });
    const expected = [...events.docs.values()].filter(
      (doc) => doc.seq === 96 || doc.attendees === 96,
    );
    expect(either.docs.map((doc) => doc.seq)).toEqual(expected.map((doc) => doc.seq));
    expect(either.examined).toBe(expected.length);
    const unindexedBranch = run(events, { filter: { $or: [{ seq: 12 }, { kind: 'survey' }] } });
    expect(unindexedBranch.examined).toBe(5_000);
  });

  it('falls back to a collection scan when no index bounds the filter', () => {
    const events = engagementEvents(300, [{ seq: 1 }]);
    const scan = run(events, { filter: { kind: 'interview', attendees: { $gt: 90 } } });
    expect(scan.index).toBeUndefined();
    expect(scan.examined).toBe(300);
  });
});
