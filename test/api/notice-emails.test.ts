import type { MemberSummary, SpecificationSummary } from '@coproduce/domain';
import { api, DEMO_EMAIL } from '../support/api';
import type { StartOptions } from '../support/app';
import { collabApp } from '../support/collab';
import { startThread } from '../support/comments';
import { linkIn, startMailCatcher, type MailCatcher } from '../support/mail-catcher';
import { demoPublishing } from '../support/publishing';

let mail: MailCatcher;
/** Filled once the catcher listens: the app starts after it, with these settings. */
const options: StartOptions = {};
beforeAll(async () => {
  mail = await startMailCatcher();
  options.env = { SMTP_URL: mail.url, PUBLIC_URL: 'https://coproduce.example.org' };
});
afterAll(() => mail?.stop());

describe('the notices people get by email: mentions and published answers', () => {
  const collab = collabApp(options);

  async function memberIds(workspaceId: string, token: string): Promise<Map<string, string>> {
    const members = await api<MemberSummary[]>(
      collab.url,
      'GET',
      `/api/workspaces/${workspaceId}/members`,
      {
        token,
      },
    );
    return new Map(members.body.map((member) => [member.email ?? '', member.userId]));
  }

  it('whoever a comment @mentions is emailed the comment with a link to its thread; an edit emails only those it adds', async () => {
    const demo = await demoPublishing(collab.url);
    const ids = await memberIds(demo.workspaceId, demo.commissioner);
    const drafts = await api<SpecificationSummary[]>(
      collab.url,
      'GET',
      `/api/workspaces/${demo.workspaceId}/specifications`,
      { token: demo.commissioner },
    );
    const specificationId = drafts.body.find((each) => each.status === 'draft')!.id;
    const title = drafts.body.find((each) => each.id === specificationId)!.title;
    const thread = await startThread(
      collab.url,
      'commissioner',
      demo.workspaceId,
      specificationId,
      'key worker',
      'Tom, can you check this with the steering group?',
      [ids.get(DEMO_EMAIL['steering-member'])!],
    );
    const message = await mail.next(DEMO_EMAIL['steering-member']);
    expect(message.subject).toBe('Priya Shah mentioned you in a comment');
    expect(message.text).toContain('“Tom, can you check this with the steering group?”');
    expect(message.text).toContain(`“${title}”`);
    expect(message.text).toContain(
      `https://coproduce.example.org/workspaces/${demo.workspaceId}/specifications/${specificationId}?thread=${thread.id}`,
    );
    expect(message.html).toContain('Read the comment and reply');

    const edited = await api(
      collab.url,
      'PATCH',
      `/api/workspaces/${demo.workspaceId}/threads/${thread.id}/comments/${thread.comments[0]!.id}`,
      {
        token: demo.commissioner,
        body: {
          body: 'Tom and Jordan, can you check this?',
          mentions: [
            ids.get(DEMO_EMAIL['steering-member'])!,
            ids.get(DEMO_EMAIL['expert-by-experience'])!,
          ],
        },
      },
    );
    expect(edited.status).toBe(200);
    expect((await mail.next(DEMO_EMAIL['expert-by-experience'])).text).toContain(
      '“Tom and Jordan, can you check this?”',
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    // Tom was told when first mentioned: the edit does not tell him again.
    await expect(mail.next(DEMO_EMAIL['steering-member'], 300)).rejects.toThrow(/No email/);
  });

  it('every provider is emailed a published answer with its question, and never who asked', async () => {
    const demo = await demoPublishing(collab.url);
    const specifications = await api<SpecificationSummary[]>(
      collab.url,
      'GET',
      `/api/workspaces/${demo.workspaceId}/specifications`,
      { token: demo.provider },
    );
    const published = specifications.body.find((each) => each.status === 'published')!;
    // A second provider, who did not ask, invited by email: theirs must not say who did.
    const invited = await api(
      collab.url,
      'POST',
      `/api/workspaces/${demo.workspaceId}/invitations`,
      {
        token: demo.commissioner,
        body: {
          email: 'sasha.patel@example.org',
          role: 'provider',
          organisation: 'Vale Autism Partnership',
        },
      },
    );
    expect(invited.status).toBe(201);
    const token = new URL(
      linkIn(await mail.next('sasha.patel@example.org'), /\/invitations\//),
    ).pathname
      .split('/')
      .pop()!;
    const joined = await api(collab.url, 'POST', `/api/invitations/${token}/accept`, {
      body: { name: 'Sasha Patel', password: 'a long enough password' },
    });
    expect(joined.status).toBe(200);
    const asked = await api<{ id: string }>(
      collab.url,
      'POST',
      `${demo.base(published.id)}/versions/1/questions`,
      {
        token: demo.provider,
        body: { body: 'Can short breaks be booked at a week’s notice?' },
      },
    );
    expect(asked.status).toBe(201);
    const answered = await api(
      collab.url,
      'POST',
      `/api/workspaces/${demo.workspaceId}/questions/${asked.body.id}/answer`,
      {
        token: demo.commissioner,
        body: { answer: 'Yes: the specification asks for booking at 7 days’ notice.' },
      },
    );
    expect(answered.status).toBe(200);
    const message = await mail.next('sasha.patel@example.org');
    expect(message.subject).toContain('has been answered');
    expect((await mail.next(DEMO_EMAIL.provider)).text).toContain('Question: Can short breaks');
    expect(message.text).toContain('Question: Can short breaks be booked at a week’s notice?');
    expect(message.text).toContain(
      'Answer: Yes: the specification asks for booking at 7 days’ notice.',
    );
    for (const asker of ['Chris Morgan', 'Riverside Families Together']) {
      expect(message.text).not.toContain(asker);
    }
  });
});
