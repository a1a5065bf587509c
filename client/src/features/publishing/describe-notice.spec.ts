import type { PublishingNotice } from '@coproduce/domain';
import { describeNotice } from './describe-notice';

const notice = (kind: PublishingNotice['kind']): PublishingNotice => ({
  id: `${kind}:1`,
  kind,
  workspaceId: 'w1',
  specificationId: 's1',
  specificationTitle: 'Key worker service',
  versionNumber: 2,
  questionId: kind.startsWith('question') ? 'q1' : null,
  at: '2026-12-04T10:00:00.000Z',
  unread: true,
});

describe('publishing notices in words', () => {
  it('leads a new or withdrawn version to its reading view', () => {
    expect(describeNotice(notice('version-published'))).toEqual({
      text: 'Version 2 of Key worker service was published',
      to: '/workspaces/w1/specifications/s1/versions/2',
    });
    expect(describeNotice(notice('version-withdrawn')).text).toContain('withdrawn');
  });

  it('leads an answer to the version’s questions, and a new question to the answering page', () => {
    expect(describeNotice(notice('question-answered')).to).toBe(
      '/workspaces/w1/specifications/s1/versions/2#questions',
    );
    expect(describeNotice(notice('question-asked')).to).toBe(
      '/workspaces/w1/specifications/s1/questions',
    );
  });
});
