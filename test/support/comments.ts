// Comment threads for end-to-end tests: anchors made on a specification's real text,
// read through a collab connection as the client makes them, and a thread started on them.
import type { Anchor, CommentThread, Role } from '@coproduce/domain';
import { Y } from '@coproduce/protocol';
import { anchorFromTextPositions, specificationFragment } from '@coproduce/specification-document';
import { api, DEMO_EMAIL, signIn } from './api';
import { connectWithToken, openSpecification } from './collab';

/** The first Y.XmlText of the specification holding `words`, and where they start in it. */
export function findWords(doc: Y.Doc, words: string): { text: Y.XmlText; index: number } {
  const search = (
    parent: Y.XmlElement | Y.XmlFragment,
  ): { text: Y.XmlText; index: number } | null => {
    for (const child of parent.toArray()) {
      if (child instanceof Y.XmlText) {
        const index = plainTextOf(child).indexOf(words);
        if (index >= 0) return { text: child, index };
      } else if (child instanceof Y.XmlElement) {
        const found = search(child);
        if (found) return found;
      }
    }
    return null;
  };
  const found = search(specificationFragment(doc));
  if (!found) throw new Error(`"${words}" is not in the specification`);
  return found;
}

/** A Y.XmlText's characters without formatting, index for index. */
function plainTextOf(text: Y.XmlText): string {
  return (text.toDelta() as { insert: unknown }[])
    .map(({ insert }) => (typeof insert === 'string' ? insert : '\uFFFC'))
    .join('');
}

/** The anchor a client makes when someone selects `words` in `doc`. */
export function anchorOnWords(doc: Y.Doc, words: string): Anchor {
  const { text, index } = findWords(doc, words);
  return anchorFromTextPositions({ text, index }, { text, index: index + words.length });
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
