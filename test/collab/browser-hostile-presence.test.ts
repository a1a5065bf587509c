import { encodeAwareness, encodeAwarenessStates, Y } from '@coproduce/protocol';
import { specificationFragment } from '@coproduce/specification-document';
import { DEMO_EMAIL, signIn } from '../support/api';
import { appInBrowser, expectNoAxeViolations, expectNoPageErrors } from '../support/browser';
import {
  connectAs,
  createSpecification,
  demoWorkspaceId,
  eventually,
  openSpecification,
  rawClient,
} from '../support/collab';
import { signInToWorkspaces } from '../browser/screens';

/** An awareness frame of one state, whatever its shape. */
function presenceFrame(clientId: number, clock: number, state: unknown): Uint8Array {
  return encodeAwareness(encodeAwarenessStates([{ clientId, clock, json: JSON.stringify(state) }]));
}

/**
 * An observer's socket sends presences that used to make every open editor throw on each
 * render (a cursor of nulls) or leave a page opened after them blank (a cursor of empty
 * objects). The page keeps showing other people's words and carets.
 */
describe('a specification page while someone sends poisoned presence', () => {
  const app = appInBrowser();

  it('keeps showing others’ edits and carets, with no errors and nothing inaccessible', async () => {
    const token = await signIn(app.url, DEMO_EMAIL.commissioner);
    const workspaceId = await demoWorkspaceId(app.url, token);
    const docId = await createSpecification(app.url, 'Poisoned presence in a browser');
    const hostile = await rawClient(app.url, await signIn(app.url, DEMO_EMAIL.observer));
    const expertConnection = await connectAs(app.url, 'expert-by-experience');
    try {
      expect((await hostile.join(docId)).ok).toBe(true);
      // Before the page opens.
      hostile.send(docId, presenceFrame(777, 1, { cursor: { anchor: {}, head: {} } }));

      await app.withPage(async (page) => {
        await signInToWorkspaces(page, DEMO_EMAIL['steering-member']);
        await page.goto(`/workspaces/${workspaceId}/specifications/${docId}`);
        await page.locator('.coproduce-editor__content').waitFor();
        await page.getByText('1. Population needs').first().waitFor();

        // While it is open.
        hostile.send(docId, presenceFrame(777, 2, { cursor: { anchor: null, head: null } }));
        await eventually(() => hostile.errors.length >= 2, 'the hostile presences are answered');
        expect(hostile.errors.map((error) => error.code)).toEqual(['bad-message', 'bad-message']);

        const expert = await openSpecification(expertConnection, docId);
        const paragraph = new Y.XmlElement('paragraph');
        const text = new Y.XmlText('Evening drop-ins, please.');
        paragraph.insert(0, [text]);
        specificationFragment(expert.doc).push([paragraph]);
        await page
          .locator('.coproduce-editor__content', { hasText: 'Evening drop-ins, please.' })
          .waitFor({ timeout: 15_000 });
        // Drawn inside the text, so set once the text is there.
        expert.provider.awareness.setLocalState({
          user: { color: '#007f3b' },
          cursor: {
            anchor: Y.createRelativePositionFromTypeIndex(text, 3, -1),
            head: Y.createRelativePositionFromTypeIndex(text, 3, -1),
          },
        });

        await page
          .locator('.collaboration-carets__label', { hasText: 'Jordan Reid' })
          .waitFor({ timeout: 15_000 });
        expectNoPageErrors(page);
        await expectNoAxeViolations(page);
        expert.provider.destroy();
      });
    } finally {
      hostile.close();
      expertConnection.close();
    }
  });
});
