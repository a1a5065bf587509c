// Linking feedback to more words replaces an item's links with the list sent: the links it
// had come back as they were made, and are kept as stored even when their words have since
// been deleted, while a new link must still be to words that are there.
import type { Feedback, SpecificationSummary } from '@coproduce/domain';
import { startApp, type RunningApp } from '../support/app';
import { api, DEMO_EMAIL, signIn } from '../support/api';
import { connectWithToken, demoWorkspaceId, openSpecification } from '../support/collab';
import { anchorOnWords, currentText, findWords } from '../support/comments';

jest.setTimeout(180_000);

// Demo words and the demo feedback linked to them (server/src/modules/seed/demo-engagement.ts).
const REMOVED = 'less stress and uncertainty';
const ADDED = 'coordination, advocacy, advice and information';

let app: RunningApp;
let token: string;
let workspace: string;
let draft: string;

beforeAll(async () => {
  app = await startApp();
  token = await signIn(app.url, DEMO_EMAIL.commissioner);
  workspace = await demoWorkspaceId(app.url, token);
  const specifications = await api<SpecificationSummary[]>(
    app.url,
    'GET',
    `/api/workspaces/${workspace}/specifications`,
    { token },
  );
  draft = specifications.body.find((each) => each.status === 'draft')!.id;
});
afterAll(async () => {
  await app?.stop();
});

const behindText = async () =>
  (
    await api<Feedback[]>(
      app.url,
      'GET',
      `/api/workspaces/${workspace}/specifications/${draft}/feedback`,
      { token },
    )
  ).body;

it('keeps a link whose words were deleted when another is added, and refuses a new one to deleted words', async () => {
  const item = (await behindText()).find((each) =>
    each.links.some((link) => link.currentText === REMOVED),
  );
  if (!item) throw new Error(`No demo feedback is linked to "${REMOVED}"`);
  const [before] = item.links;
  const added = {
    specificationId: draft,
    anchor: anchorOnWords(await currentText(app.url, token, draft), ADDED),
    quote: ADDED,
  };

  // Someone deletes the words the item shaped.
  const connection = await connectWithToken(app.url, token);
  try {
    const { doc, provider } = await openSpecification(connection, draft);
    const { text, index } = findWords(doc, REMOVED);
    text.delete(index, REMOVED.length);
    const deadline = Date.now() + 10_000;
    while (
      !(await behindText()).find((each) => each.id === item.id)?.links[0]?.textRemoved &&
      Date.now() < deadline
    ) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    provider.destroy();
  } finally {
    connection.close();
  }

  // A link to the deleted words that is not the one stored (another quote) is new, and
  // refused, in words that say what to do.
  const refused = await api<{ error: { message: string } }>(
    app.url,
    'PATCH',
    `/api/workspaces/${workspace}/feedback/${item.id}`,
    {
      token,
      body: { links: [{ specificationId: draft, anchor: before!.anchor, quote: 'less stress' }] },
    },
  );
  expect(refused.status).toBe(400);
  expect(refused.body.error.message).toContain('Select the text again');

  // The link it had, sent back as it was made, stays; the new one is added.
  const changed = await api<Feedback>(
    app.url,
    'PATCH',
    `/api/workspaces/${workspace}/feedback/${item.id}`,
    {
      token,
      body: {
        links: [{ specificationId: draft, anchor: before!.anchor, quote: before!.quote }, added],
      },
    },
  );
  expect(changed.status).toBe(200);
  expect(
    changed.body.links.map(({ quote, currentText, textRemoved }) => ({
      quote,
      currentText,
      textRemoved,
    })),
  ).toEqual([
    { quote: REMOVED, currentText: null, textRemoved: true },
    { quote: ADDED, currentText: ADDED, textRemoved: false },
  ]);
  expect(changed.body.links[0]!.anchor).toEqual(before!.anchor);
});
