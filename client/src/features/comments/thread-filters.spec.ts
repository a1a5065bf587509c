import type { CommentThread, SpecificationComment } from '@coproduce/domain';
import { collapsedComments } from './collapsed-comments';
import { filterCounts, matchesFilter } from './thread-filters';
import { inDocumentOrder, withComment, withThread } from './thread-order';

const sam = { id: 'sam', name: 'Sam Patel' };
const ali = { id: 'ali', name: 'Ali Khan' };

function comment(id: string, change: Partial<SpecificationComment> = {}): SpecificationComment {
  return {
    id,
    author: ali,
    body: 'A comment',
    createdAt: '2026-12-01T10:00:00.000Z',
    editedAt: null,
    deleted: false,
    mentions: [],
    ...change,
  };
}

function thread(id: string, change: Partial<CommentThread> = {}): CommentThread {
  return {
    id,
    specificationId: 'spec',
    status: 'open',
    anchor: { start: 'AA==', end: 'AA==' },
    quote: 'dynamic support register',
    textRemoved: false,
    comments: [comment(`${id}-1`)],
    createdBy: ali,
    createdAt: '2026-12-01T10:00:00.000Z',
    resolvedBy: null,
    resolvedAt: null,
    updatedAt: '2026-12-01T10:00:00.000Z',
    ...change,
  };
}

describe('filtering the threads panel', () => {
  const started = thread('started', { createdBy: sam });
  const repliedTo = thread('replied', {
    status: 'resolved',
    comments: [comment('r1'), comment('r2', { author: sam })],
  });
  const mentioning = thread('mentioning', { comments: [comment('m1', { mentions: [sam] })] });
  const mentionDeleted = thread('deleted-mention', {
    comments: [comment('d1', { mentions: [sam], deleted: true, body: '' })],
  });
  const all = [started, repliedTo, mentioning, mentionDeleted];

  it('"Yours" holds the threads you started or wrote in', () => {
    expect(all.filter((each) => matchesFilter(each, 'mine', sam.id))).toEqual([started, repliedTo]);
  });

  it('"Mentioning you" leaves out a mention whose comment was deleted', () => {
    expect(all.filter((each) => matchesFilter(each, 'mentions', sam.id))).toEqual([mentioning]);
  });

  it('counts each filter, open and resolved together making every thread', () => {
    expect(filterCounts(all, sam.id)).toEqual({ open: 3, resolved: 1, mine: 2, mentions: 1 });
    expect(filterCounts(all, 'nobody')).toEqual({ open: 3, resolved: 1, mine: 0, mentions: 0 });
  });
});

describe('keeping the threads in order and up to date', () => {
  it('orders by where the text starts now, threads without text last in the order given', () => {
    const starts: Record<string, number | null> = { a: 40, b: null, c: 5, d: null, e: 40 };
    const ordered = inDocumentOrder(
      ['a', 'b', 'c', 'd', 'e'].map((id) => thread(id)),
      (each) => starts[each.id] ?? null,
    );
    expect(ordered.map((each) => each.id)).toEqual(['c', 'a', 'e', 'b', 'd']);
  });

  it('adds a new thread, replaces a changed one, and keeps a newer one held over an older answer', () => {
    const older = thread('a', { updatedAt: '2026-12-01T10:00:00.000Z' });
    const newer = thread('a', { status: 'resolved', updatedAt: '2026-12-01T10:05:00.000Z' });
    expect(withThread([], older)).toEqual([older]);
    expect(withThread([older, thread('b')], newer)[0]).toBe(newer);
    expect(withThread([newer], older)[0]).toBe(newer);
  });

  it('adds a reply at the end of its thread and replaces an edited comment in place', () => {
    const threads = [thread('a'), thread('b')];
    const reply = comment('a-2', { author: sam });
    const replied = withComment(threads, 'a', reply);
    expect(replied[0]?.comments.map((each) => each.id)).toEqual(['a-1', 'a-2']);
    expect(replied[1]).toBe(threads[1]);

    const edited = comment('a-1', { body: 'Changed', editedAt: '2026-12-01T11:00:00.000Z' });
    expect(withComment(replied, 'a', edited)[0]?.comments.map((each) => each.body)).toEqual([
      'Changed',
      'A comment',
    ]);
  });
});

describe('folding a long thread', () => {
  it('shows a short thread whole', () => {
    const comments = ['1', '2', '3', '4'].map((id) => comment(id));
    expect(collapsedComments(comments)).toEqual({ first: comments, hidden: 0, last: [] });
  });

  it('shows the first comment and the latest two of a long one, counting those folded away', () => {
    const comments = ['1', '2', '3', '4', '5', '6'].map((id) => comment(id));
    const { first, hidden, last } = collapsedComments(comments);
    expect(first.map((each) => each.id)).toEqual(['1']);
    expect(hidden).toBe(3);
    expect(last.map((each) => each.id)).toEqual(['5', '6']);
  });
});
