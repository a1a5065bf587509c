// A thread holds at most 500 comments, even when the last places are taken at once.
import type { CommentThread, SpecificationSummary } from '@coproduce/domain';
import { BSON } from 'mongodb';
import { openDatabase, startApp, type OpenDatabase, type RunningApp } from '../support/app';
import { api, DEMO_EMAIL, signIn } from '../support/api';
import { demoWorkspaceId } from '../support/collab';
import { startThread } from '../support/comments';

jest.setTimeout(120_000);

let app: RunningApp;
let database: OpenDatabase;
let token: string;
let workspace: string;
let draft: string;

beforeAll(async () => {
  app = await startApp({ ownDatabase: true });
  database = await openDatabase(app);
  token = await signIn(app.url, DEMO_EMAIL['steering-member']);
  workspace = await demoWorkspaceId(app.url, token);
  draft = (
    await api<SpecificationSummary[]>(
      app.url,
      'GET',
      `/api/workspaces/${workspace}/specifications`,
      {
        token,
      },
    )
  ).body[0]!.id;
});
afterAll(async () => {
  await database?.close();
  await app?.stop();
});

it('two replies racing for the 500th place: one is stored, the other is told to start a new thread', async () => {
  const thread = await startThread(app.url, 'steering-member', workspace, draft, 'key worker');
  const threads = database.db.collection('comment_threads');
  const stored = await threads.findOne({ _id: new BSON.ObjectId(thread.id) });
  const first = (stored!['comments'] as Array<Record<string, unknown>>)[0]!;
  // 498 more, as if written over months: 499 in all.
  const more = Array.from({ length: 498 }, () => ({ ...first, _id: new BSON.ObjectId() }));
  await threads.updateOne({ _id: stored!._id }, { $set: { comments: [first, ...more] } });

  const reply = (body: string) =>
    api(app.url, 'POST', `/api/workspaces/${workspace}/threads/${thread.id}/comments`, {
      token,
      body: { body },
    });
  const answers = await Promise.all([reply('First to the last place'), reply('Second')]);
  expect(answers.map((answer) => answer.status).sort()).toEqual([201, 409]);
  const refused = answers.find((answer) => answer.status === 409)!;
  expect(refused.body).toEqual({
    error: { code: 'conflict', message: expect.stringMatching(/start a new thread/i) },
  });
  const listed = await api<CommentThread[]>(
    app.url,
    'GET',
    `/api/workspaces/${workspace}/specifications/${draft}/threads`,
    { token },
  );
  expect(listed.body.find((each) => each.id === thread.id)!.comments).toHaveLength(500);
});
