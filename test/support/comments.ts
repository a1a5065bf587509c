// Comment threads for end-to-end tests: anchors made on a specification's real text,
// read through a collab connection as the client makes them, and a thread started on them.
import type { Anchor, CommentThread, Role } from '@coproduce/domain';
import type { Y } from '@coproduce/protocol';
import {
  anchorOnWords as anchorOnWordsIn,
  findWords as findWordsIn,
  type TextPosition,
} from '@coproduce/specification-document';
import { api, DEMO_EMAIL, signIn } from './api';
import { connectWithToken, openSpecification } from './collab';

/** Where `words` first appear in the specification's text; fails the test if nowhere. */
export function findWords(doc: Y.Doc, words: string): TextPosition {
  const found = findWordsIn(doc, words);
  if (!found) throw new Error(`"${words}" is not in the specification`);
  return found;
}

/** The anchor a client makes when someone selects `words` in `doc`. */
export function anchorOnWords(doc: Y.Doc, words: string): Anchor {
  const anchor = anchorOnWordsIn(doc, words);
  if (!anchor) throw new Error(`"${words}" is not in the specification`);
  return anchor;
}

/** The specification's current text, read over a collab connection as `token`'s owner. */
export async function currentText(baseUrl: string, token: string, docId: string): Promise<Y.Doc> {
  const connection = await connectWithToken(baseUrl, token);
  try {
    const { doc, provider } = await openSpecification(connection, docId);
    provider.destroy();
    return doc;
  } finally {
    connection.close();
  }
}

/** Starts a thread on `words` as a demo role; fails the test unless it is created. */
export async function startThread(
  baseUrl: string,
  role: Role,
  workspaceId: string,
  specificationId: string,
  words: string,
  body = `A question about "${words}".`,
  mentions?: string[],
): Promise<CommentThread> {
  const token = await signIn(baseUrl, DEMO_EMAIL[role]);
  const doc = await currentText(baseUrl, token, specificationId);
  const response = await api<CommentThread>(
    baseUrl,
    'POST',
    `/api/workspaces/${workspaceId}/specifications/${specificationId}/threads`,
    { token, body: { body, quote: words, anchor: anchorOnWords(doc, words), mentions } },
  );
  doc.destroy();
  if (response.status !== 201) {
    throw new Error(
      `Starting a thread failed: ${response.status} ${JSON.stringify(response.body)}`,
    );
  }
  return response.body;
}
