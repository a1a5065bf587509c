import { Y } from '@coproduce/protocol';
import { anchorOnWords, resolveAnchor } from '@coproduce/specification-document';
import { DEMO_THREADS } from './demo-comment-threads';
import { writeDemoSpecification } from './demo-specification-content';

describe('the demo comment threads', () => {
  const doc = new Y.Doc();
  writeDemoSpecification(doc);
  afterAll(() => doc.destroy());

  it.each(DEMO_THREADS.map((thread) => [thread.words, thread] as const))(
    'are anchored to words of the demo text: "%s"',
    (words) => {
      const anchor = anchorOnWords(doc, words);
      expect(anchor && resolveAnchor(doc, anchor)).toEqual({ quote: words, textRemoved: false });
    },
  );

  it('include a question about jargon answered by the commissioner, a proposal with one mention, and one resolved', () => {
    const [jargon, proposal, settled] = DEMO_THREADS;
    expect(jargon?.comments.map((comment) => comment.by)).toEqual([
      'expert-by-experience',
      'commissioner',
    ]);
    expect(proposal?.comments[0]?.by).toBe('steering-member');
    expect(proposal?.comments.flatMap((comment) => comment.mentions ?? [])).toHaveLength(1);
    expect(settled).toMatchObject({ status: 'resolved', resolvedBy: 'commissioner' });
  });

  it('tell each conversation in order', () => {
    for (const thread of DEMO_THREADS) {
      const hours = thread.comments.map((comment) => comment.hoursAgo);
      expect(hours).toEqual([...hours].sort((a, b) => b - a));
    }
  });
});
