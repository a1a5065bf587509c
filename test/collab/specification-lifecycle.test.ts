import type { SpecificationSummary } from '@coproduce/domain';
import { api, DEMO_EMAIL, errorWithCode, signIn } from '../support/api';
import { openDatabase, startApp, type RunningApp } from '../support/app';
import {
  connectAs,
  createSpecification,
  demoWorkspaceId,
  eventually,
  insertionFrame,
  openSpecification,
  rawClient,
  type RawCollabClient,
} from '../support/collab';

describe('archiving, restoring and deleting a specification someone has open', () => {
  let app: RunningApp;
  let commissioner: string;
  let workspaceId: string;
  const closers: Array<{ close(): void }> = [];

  beforeAll(async () => {
    app = await startApp({ ownDatabase: true });
    commissioner = await signIn(app.url, DEMO_EMAIL.commissioner);
    workspaceId = await demoWorkspaceId(app.url, commissioner);
  });

  afterEach(() => {
    for (const closer of closers.splice(0)) closer.close();
  });

  afterAll(async () => {
    await app?.stop();
  });

  async function steeringMember(): Promise<RawCollabClient> {
    const client = await rawClient(app.url, await signIn(app.url, DEMO_EMAIL['steering-member']));
    closers.push(client);
    return client;
  }

  const specificationPath = (id: string, rest = '') =>
    `/api/workspaces/${workspaceId}/specifications/${id}${rest}`;

  async function textNow(docId: string): Promise<string> {
    const connection = await connectAs(app.url, 'commissioner');
    closers.push(connection);
    const { doc } = await openSpecification(connection, docId);
    return doc.getText('notes').toString();
  }

  /** Waits until the stored text, read by a fresh client, has `words`. */
  async function untilTextHas(docId: string, words: string): Promise<void> {
    for (let tries = 0; tries < 50; tries++) {
      if ((await textNow(docId)).includes(words)) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`"${words}" never reached the stored text`);
  }

  it('an archived specification turns read-only at once for an editor who has it open, and editable again when restored', async () => {
    const docId = await createSpecification(app.url, 'Archived while open');
    const editor = await steeringMember();
    expect(await editor.join(docId)).toMatchObject({ ok: true, canEdit: true });

    const archived = await api<SpecificationSummary>(
      app.url,
      'POST',
      specificationPath(docId, '/archive'),
      { token: commissioner },
    );
    expect(archived.status).toBe(200);
    expect(archived.body.archivedAt).toEqual(expect.any(String));
    await eventually(() => editor.roles.length > 0, 'the editor is told');
    expect(editor.roles).toEqual([
      { docId, role: 'steering-member', canEdit: false, archived: true },
    ]);

    editor.send(docId, insertionFrame('typed after archiving'));
    await eventually(() => editor.errors.length > 0, 'the edit is answered');
    expect(editor.errors[0]).toMatchObject({ docId, code: 'forbidden' });
    expect(editor.errors[0]!.message).toMatch(/archived/);
    expect(await textNow(docId)).not.toContain('typed after archiving');

    // Whoever opens it now is told too, in the answer to joining.
    const later = await steeringMember();
    expect(await later.join(docId)).toEqual({
      ok: true,
      role: 'steering-member',
      canEdit: false,
      archived: true,
    });

    const listed = await api<SpecificationSummary[]>(app.url, 'GET', specificationPath('', ''), {
      token: commissioner,
    });
    expect(listed.body.find((each) => each.id === docId)?.archivedAt).toEqual(expect.any(String));

    const restored = await api<SpecificationSummary>(
      app.url,
      'DELETE',
      specificationPath(docId, '/archive'),
      { token: commissioner },
    );
    expect([restored.status, restored.body.archivedAt]).toEqual([200, undefined]);
    await eventually(() => editor.roles.length > 1, 'the editor is told it is back');
    expect(editor.roles[1]).toEqual({ docId, role: 'steering-member', canEdit: true });
    editor.send(docId, insertionFrame('typed after restoring'));
    await untilTextHas(docId, 'typed after restoring');

    const entries = await api<Array<{ action: string; target: { id: string } }>>(
      app.url,
      'GET',
      `/api/workspaces/${workspaceId}/audit`,
      { token: commissioner },
    );
    expect(
      entries.body.filter((entry) => entry.target.id === docId).map((entry) => entry.action),
    ).toEqual(expect.arrayContaining(['specification.archive', 'specification.restore']));
  });

  it('restoring a checkpoint into an archived specification is refused, and nothing changes', async () => {
    const docId = await createSpecification(app.url, 'No restores while archived');
    const checkpoint = await api<{ id: string }>(
      app.url,
      'POST',
      specificationPath(docId, '/checkpoints'),
      { token: commissioner, body: { name: 'Before archiving' } },
    );
    expect(checkpoint.status).toBe(201);
    await api(app.url, 'POST', specificationPath(docId, '/archive'), { token: commissioner });
    const restore = await api(app.url, 'POST', specificationPath(docId, '/restore'), {
      token: commissioner,
      body: { checkpointId: checkpoint.body.id },
    });
    expect([restore.status, restore.body]).toEqual([409, errorWithCode('conflict')]);
  });

  it('only commissioners archive, restore and delete', async () => {
    const docId = await createSpecification(app.url, 'Roles');
    for (const [role, status] of [
      ['steering-member', 403],
      ['observer', 403],
      // As for renaming: a provider may not, whatever they know of the specification.
      ['provider', 403],
    ] as const) {
      const token = await signIn(app.url, DEMO_EMAIL[role]);
      for (const [method, rest] of [
        ['POST', '/archive'],
        ['DELETE', '/archive'],
        ['DELETE', ''],
      ] as const) {
        const response = await api(app.url, method, specificationPath(docId, rest), { token });
        expect([role, method, rest, response.status]).toEqual([role, method, rest, status]);
      }
    }
  });

  it('deleting a never-published draft takes everyone out of it and removes its text; a published one is kept', async () => {
    const docId = await createSpecification(app.url, 'Deleted while open');
    const editor = await steeringMember();
    expect((await editor.join(docId)).ok).toBe(true);
    editor.send(docId, insertionFrame('words to be deleted'));
    await untilTextHas(docId, 'words to be deleted');

    const deleted = await api(app.url, 'DELETE', specificationPath(docId), { token: commissioner });
    expect(deleted.status).toBe(204);
    await eventually(() => editor.errors.length > 0, 'the editor is told');
    expect(editor.errors[0]).toMatchObject({ docId, code: 'forbidden' });
    expect(await editor.join(docId)).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(
      (await api(app.url, 'GET', specificationPath(docId), { token: commissioner })).status,
    ).toBe(404);
    const database = await openDatabase(app);
    try {
      for (const collection of ['specification_updates', 'specification_snapshots']) {
        const names = (await database.db.listCollections().toArray()).map((each) => each.name);
        if (!names.includes(collection)) continue;
        expect(
          await database.db.collection(collection).countDocuments({ specificationId: docId }),
        ).toBe(0);
      }
    } finally {
      await database.close();
    }

    const published = await createSpecification(app.url, 'Published, so kept');
    const version = await api(app.url, 'POST', specificationPath(published, '/versions'), {
      token: commissioner,
      body: { name: 'Version 1', notes: '' },
    });
    expect(version.status).toBe(201);
    const refused = await api(app.url, 'DELETE', specificationPath(published), {
      token: commissioner,
    });
    expect(refused.status).toBe(409);
    expect(refused.body).toEqual(errorWithCode('conflict'));
  });

  it('an archived workspace is read-only for everyone, open editors included, listed apart, and restorable', async () => {
    const started = await api<{ id: string }>(app.url, 'POST', '/api/workspaces', {
      token: commissioner,
      body: {
        name: 'Finished project',
        serviceArea: 'Short breaks',
        leadOrganisation: 'Riverside City Council',
      },
    });
    expect(started.status).toBe(201);
    const base = `/api/workspaces/${started.body.id}`;
    const created = await api<{ id: string }>(app.url, 'POST', `${base}/specifications`, {
      token: commissioner,
      body: { title: 'Short breaks' },
    });
    const docId = created.body.id;
    const editor = await rawClient(app.url, commissioner);
    closers.push(editor);
    expect(await editor.join(docId)).toMatchObject({ ok: true, canEdit: true });

    const archived = await api<{ archivedAt: string | null; permissions: string[] }>(
      app.url,
      'POST',
      `${base}/archive`,
      { token: commissioner },
    );
    expect(archived.status).toBe(200);
    expect(archived.body.archivedAt).toEqual(expect.any(String));
    expect(archived.body.permissions).not.toContain('specification.create');
    await eventually(() => editor.roles.length > 0, 'the open editor is told');
    expect(editor.roles[0]).toEqual({
      docId,
      role: 'commissioner',
      canEdit: false,
      archived: true,
    });
    editor.send(docId, insertionFrame('typed into an archived workspace'));
    await eventually(() => editor.errors.length > 0, 'the edit is answered');
    expect(editor.errors[0]).toMatchObject({ docId, code: 'forbidden' });

    const refused = await api(app.url, 'POST', `${base}/specifications`, {
      token: commissioner,
      body: { title: 'Not now' },
    });
    expect([refused.status, refused.body]).toEqual([409, errorWithCode('conflict')]);
    expect(
      (await api(app.url, 'GET', `${base}/specifications`, { token: commissioner })).status,
    ).toBe(200);
    const listed = await api<Array<{ id: string }>>(app.url, 'GET', '/api/workspaces', {
      token: commissioner,
    });
    expect(listed.body.map((each) => each.id)).not.toContain(started.body.id);
    const all = await api<Array<{ id: string; archivedAt: string | null }>>(
      app.url,
      'GET',
      '/api/workspaces?include=archived',
      { token: commissioner },
    );
    expect(all.body.find((each) => each.id === started.body.id)?.archivedAt).toEqual(
      expect.any(String),
    );

    const restored = await api<{ archivedAt: string | null }>(
      app.url,
      'DELETE',
      `${base}/archive`,
      {
        token: commissioner,
      },
    );
    expect([restored.status, restored.body.archivedAt]).toEqual([200, undefined]);
    await eventually(() => editor.roles.length > 1, 'the open editor is told it is back');
    expect(editor.roles[1]).toEqual({ docId, role: 'commissioner', canEdit: true });
    expect(
      (
        await api(app.url, 'POST', `${base}/specifications`, {
          token: commissioner,
          body: { title: 'Now' },
        })
      ).status,
    ).toBe(201);
  });
});
