import type { Role } from '@coproduce/domain';
import type { CollabConnection } from '@coproduce/collab-provider';
import { Y } from '@coproduce/protocol';
import { specificationFragment } from '@coproduce/specification-document';
import { startApp, type RunningApp } from '../support/app';
import {
  connectAs,
  createSpecification,
  eventually,
  openSpecification,
  storedState,
  type OpenSpecification,
} from '../support/collab';

const EDITORS: Role[] = ['commissioner', 'steering-member', 'expert-by-experience'];
const CLIENTS = 10;
const EDITING_MS = 4_000;

function seeded(seed: number): (below: number) => number {
  let state = seed;
  return (below) => {
    state = (Math.imul(state, 1_103_515_245) + 12_345) & 0x7fffffff;
    return state % below;
  };
}

/** One random edit: insert or delete in the notes, or a new paragraph in the editor content. */
function randomEdit(doc: Y.Doc, random: (below: number) => number, tag: string): void {
  const text = doc.getText('notes');
  const choice = random(10);
  if (choice < 6 || text.length === 0) {
    text.insert(random(text.length + 1), `${tag} `);
  } else if (choice < 9) {
    const at = random(text.length);
    text.delete(at, Math.min(1 + random(6), text.length - at));
  } else {
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText(tag)]);
    const fragment = specificationFragment(doc);
    fragment.insert(random(fragment.length + 1), [paragraph]);
  }
}

function stateOf(doc: Y.Doc): string {
  return `${specificationFragment(doc).toString()}\n${doc.getText('notes').toString()}`;
}

describe('convergence', () => {
  let app: RunningApp;
  const connections: CollabConnection[] = [];

  beforeAll(async () => {
    app = await startApp({ ownDatabase: true });
  });

  afterAll(async () => {
    for (const connection of connections) connection.close();
    await app?.stop();
  });

  it('10 clients on 3 documents, editing at once, some dropping off and editing offline, end identical and stored', async () => {
    const docIds = await Promise.all(
      [1, 2, 3].map((n) => createSpecification(app.url, `Convergence ${n}`)),
    );
    const replicas: OpenSpecification[][] = docIds.map(() => []);
    for (let c = 0; c < CLIENTS; c++) {
      const connection = await connectAs(app.url, EDITORS[c % EDITORS.length]);
      connections.push(connection);
      // Every client has every document open over its one connection.
      for (let d = 0; d < docIds.length; d++) {
        replicas[d].push(await openSpecification(connection, docIds[d]));
      }
    }

    const random = seeded(424_242);
    const offline = new Set<number>();
    const deadline = Date.now() + EDITING_MS;
    let edits = 0;
    while (Date.now() < deadline) {
      const c = random(CLIENTS);
      const d = random(docIds.length);
      randomEdit(replicas[d][c].doc, random, `c${c}e${edits++}`);
      // Now and then a client drops off (its edits pile up offline) or comes back.
      if (random(40) === 0) {
        const who = random(CLIENTS);
        if (offline.has(who)) {
          offline.delete(who);
          connections[who].socket.connect();
        } else if (offline.size < 3) {
          offline.add(who);
          connections[who].socket.disconnect();
        }
      }
      await new Promise((resolve) => setTimeout(resolve, random(4)));
    }
    for (const who of offline) connections[who].socket.connect();

    for (let d = 0; d < docIds.length; d++) {
      await eventually(
        () => replicas[d].every((replica) => stateOf(replica.doc) === stateOf(replicas[d][0].doc)),
        `every replica of document ${d + 1} is identical`,
        30_000,
      );
      await Promise.all(replicas[d].map((replica) => replica.provider.whenSaved(30_000)));
    }
    expect(edits).toBeGreaterThan(200);

    for (let d = 0; d < docIds.length; d++) {
      const stored = await storedState(app.databaseUri as string, docIds[d]);
      expect(stateOf(stored)).toBe(stateOf(replicas[d][0].doc));
      expect(stateOf(replicas[d][0].doc)).toContain('c');
    }
  });
});
