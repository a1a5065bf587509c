import { api, DEMO_EMAIL, signIn } from '../support/api';
import { Y } from '@coproduce/protocol';
import type { Role } from '@coproduce/domain';
import { specificationFragment } from '@coproduce/specification-document';
import {
  collabApp,
  contentOf,
  createSpecification,
  demoWorkspaceId,
  eventually,
  openSpecification,
} from '../support/collab';

describe('live co-editing', () => {
  const app = collabApp({ env: { COLLAB_UNLOAD_GRACE_MS: '100' } });
  const connect = (role: Role) => app.connect(role);

  it('a new specification opens with the NHS template sections and guidance', async () => {
    const docId = await createSpecification(app.url, 'Key worker service');
    const { doc } = await openSpecification(await connect('commissioner'), docId);
    const fragment = specificationFragment(doc);
    const first = fragment.get(0) as Y.XmlElement;
    expect(first.nodeName).toBe('heading');
    expect(first.getAttribute('level')).toBe(2);
    expect(first.toString()).toContain('1. Population needs');
    expect(contentOf(doc)).toContain('guidance="Why this service is needed');
    expect(contentOf(doc)).toContain('7. Individual service user placement');
  });

  it("a steering member and an expert by experience see each other's words, and both are told Saved", async () => {
    const docId = await createSpecification(app.url, 'Co-edited');
    const steering = await openSpecification(await connect('steering-member'), docId);
    const expert = await openSpecification(await connect('expert-by-experience'), docId);
    expect(steering.provider.canEdit).toBe(true);
    expect(expert.provider.role).toBe('expert-by-experience');

    steering.doc.getText('notes').insert(0, 'Young people asked for one named worker. ');
    expert.doc.getText('notes').insert(0, 'Parents want evening hours. ');

    await eventually(
      () => steering.doc.getText('notes').toString() === expert.doc.getText('notes').toString(),
      'both replicas hold both edits',
    );
    expect(steering.doc.getText('notes').toString()).toContain('one named worker');
    expect(steering.doc.getText('notes').toString()).toContain('evening hours');
    await Promise.all([steering.provider.whenSaved(), expert.provider.whenSaved()]);
    expect(steering.provider.status).toBe('saved');
  });

  it('the specification says who changed it last, from live edits', async () => {
    const docId = await createSpecification(app.url, 'Who changed it');
    const expert = await openSpecification(await connect('expert-by-experience'), docId);
    expert.doc.getText('notes').insert(0, 'Plain words, please. ');
    await expert.provider.whenSaved();

    const token = await signIn(app.url, DEMO_EMAIL.commissioner);
    const workspaceId = await demoWorkspaceId(app.url, token);
    const lastChangedBy = async () =>
      (
        await api<{ updatedBy: { email: string } }>(
          app.url,
          'GET',
          `/api/workspaces/${workspaceId}/specifications/${docId}`,
          { token },
        )
      ).body.updatedBy.email;
    // Recorded beside the save, not inside it: poll for a few seconds.
    let changedBy = await lastChangedBy();
    for (let tries = 0; changedBy !== DEMO_EMAIL['expert-by-experience'] && tries < 50; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      changedBy = await lastChangedBy();
    }
    expect(changedBy).toBe(DEMO_EMAIL['expert-by-experience']);
  });

  it('a reader who opens the document later loads everything that was saved', async () => {
    const docId = await createSpecification(app.url, 'Reloaded');
    const writer = await openSpecification(await connect('commissioner'), docId);
    writer.doc.getText('notes').insert(0, 'Stored for later');
    await writer.provider.whenSaved();
    writer.provider.destroy();
    // Let the document unload, so the next join reads from the store.
    await new Promise((resolve) => setTimeout(resolve, 400));

    const reader = await openSpecification(await connect('observer'), docId);
    expect(reader.doc.getText('notes').toString()).toBe('Stored for later');
    expect(contentOf(reader.doc)).toBe(contentOf(writer.doc));
  });

  it('presence shows each member by their real name and role, and goes when their socket drops', async () => {
    const docId = await createSpecification(app.url, 'Presence');
    const watcher = await openSpecification(await connect('commissioner'), docId);
    const steeringConnection = await connect('steering-member');
    const steering = await openSpecification(steeringConnection, docId);
    steering.provider.awareness.setLocalStateField('user', {
      name: 'Someone Else',
      color: '#005eb8',
    });

    const seen = () =>
      watcher.provider.awareness.getStates().get(steering.doc.clientID) as
        { user?: { name?: string; role?: string; color?: string } } | undefined;
    await eventually(() => seen()?.user?.color === '#005eb8', 'the commissioner sees the presence');
    expect(seen()?.user).toEqual({ name: 'Tom Okafor', role: 'steering-member', color: '#005eb8' });

    steeringConnection.socket.disconnect();
    await eventually(() => seen() === undefined, 'the presence is removed when the socket drops');
  });

  it('a person back on a new connection keeps their presence; someone else cannot take it', async () => {
    const docId = await createSpecification(app.url, 'Reconnecting');
    const watcher = await openSpecification(await connect('observer'), docId);
    const first = await openSpecification(await connect('expert-by-experience'), docId);
    const clientId = first.doc.clientID;
    first.provider.awareness.setLocalStateField('user', { color: '#007f3b' });
    const seen = () =>
      watcher.provider.awareness.getStates().get(clientId) as
        { user?: { name?: string; color?: string } } | undefined;
    await eventually(() => seen()?.user?.color === '#007f3b', 'the first presence is seen');

    // The same person's replica again, on a second socket, while the first is still open.
    const again = new Y.Doc();
    again.clientID = clientId;
    const second = await openSpecification(await connect('expert-by-experience'), docId, again);
    const problems: string[] = [];
    second.provider.on('error', (error) => problems.push(error.code));
    second.provider.awareness.setLocalStateField('user', { color: '#330072' });
    await eventually(() => seen()?.user?.color === '#330072', 'the new connection takes over');
    expect(problems).toEqual([]);

    // Someone else claiming that presence is refused.
    const impostorDoc = new Y.Doc();
    impostorDoc.clientID = clientId;
    const impostor = await openSpecification(await connect('steering-member'), docId, impostorDoc);
    const refused: string[] = [];
    impostor.provider.on('error', (error) => refused.push(error.code));
    impostor.provider.awareness.setLocalStateField('user', { color: '#d5281b' });
    await eventually(() => refused.includes('forbidden'), 'the impostor is refused');
    expect(seen()?.user).toMatchObject({ name: 'Jordan Reid', color: '#330072' });
  });
});
