// Members take part for an organisation: required for a provider, optional for
// everyone else, set with the role in an invitation and copied into the membership,
// changeable by a commissioner, and shown in the members list. Memberships and
// invitations stored before organisations existed still load.
import type {
  AuditEntry,
  CreatedInvitation,
  InvitationPreview,
  InvitationSummary,
  MemberChange,
  MemberSummary,
  WorkspaceSummary,
} from '@coproduce/domain';
import { BSON } from 'mongodb';
import { openDatabase, startApp, type OpenDatabase, type RunningApp } from '../support/app';
import { api, DEMO_EMAIL, errorWithCode, joinByLink, signIn } from '../support/api';

jest.setTimeout(120_000);

let app: RunningApp;
let database: OpenDatabase;
let commissioner: string;
let workspaceId: string;

beforeAll(async () => {
  // Its own database, to store memberships and invitations as they were before organisations.
  app = await startApp({ ownDatabase: true });
  database = await openDatabase(app);
  commissioner = await signIn(app.url, DEMO_EMAIL.commissioner);
  workspaceId = (
    await api<WorkspaceSummary[]>(app.url, 'GET', '/api/workspaces', { token: commissioner })
  ).body[0]!.id;
});
afterAll(async () => {
  await database?.close();
  await app?.stop();
});

const membersPath = () => `/api/workspaces/${workspaceId}/members`;
const invitationsPath = () => `/api/workspaces/${workspaceId}/invitations`;

async function members(): Promise<MemberSummary[]> {
  return (await api<MemberSummary[]>(app.url, 'GET', membersPath(), { token: commissioner })).body;
}
async function memberByEmail(email: string): Promise<MemberSummary> {
  const member = (await members()).find((m) => m.email === email);
  if (!member) throw new Error(`${email} is not a member`);
  return member;
}
async function invitations(): Promise<InvitationSummary[]> {
  return (
    await api<InvitationSummary[]>(app.url, 'GET', invitationsPath(), { token: commissioner })
  ).body;
}
async function audit(): Promise<AuditEntry[]> {
  return (
    await api<AuditEntry[]>(app.url, 'GET', `/api/workspaces/${workspaceId}/audit`, {
      token: commissioner,
    })
  ).body;
}
function changeMember(userId: string, body: unknown, token = commissioner) {
  return api<MemberChange>(app.url, 'PATCH', `${membersPath()}/${userId}`, { token, body });
}
/** Someone with no organisation recorded: joined as an observer through a plain link. */
async function memberWithoutOrganisation(name: string, email: string): Promise<MemberSummary> {
  await joinByLink(app.url, commissioner, workspaceId, { name, email });
  return memberByEmail(email);
}

// Text an organisation may not be, each with what makes it wrong.
// prettier-ignore
const BAD_ORGANISATIONS: Array<[string, unknown]> = [
  ['201 characters', 'o'.repeat(201)],
  ['two lines', 'Riverside Families\nTogether'],
  ['a line separator', 'Riverside Families\u2028Together'],
  ['a control character', 'Riverside\u0007Families'],
  ['only spaces', '   '],
  ['empty', ''],
  ['a number', 42],
  ['null', null],
  ['a query operator', { $gt: '' }],
];

describe('the members list', () => {
  it('shows the organisation each demo member takes part for', async () => {
    const byRole = Object.fromEntries((await members()).map((m) => [m.role, m.organisation]));
    expect(byRole).toEqual({
      commissioner: 'North Riverside Integrated Care Board',
      'steering-member': 'Riverside and Vale Commissioning Support Unit',
      'expert-by-experience': 'Riverside Parent Carer Forum',
      'engagement-lead': 'Riverside City Council',
      provider: 'Riverside Families Together',
      observer: 'Healthwatch Riverside',
    });
  });
});

describe('inviting with an organisation', () => {
  it('a provider invitation without an organisation is refused, says what to give, and stores nothing', async () => {
    const before = { invitations: await invitations(), audit: await audit() };
    for (const body of [
      { role: 'provider' },
      { role: 'provider', email: 'bids@provider.example' },
      { role: 'provider', organisation: '  ' },
    ]) {
      const response = await api<{ error: { message: string } }>(
        app.url,
        'POST',
        invitationsPath(),
        { token: commissioner, body },
      );
      expect([body, response.status]).toEqual([body, 400]);
      expect(response.body).toEqual(errorWithCode('bad-request'));
      expect(response.body.error.message).toMatch(/organisation/i);
    }
    expect({ invitations: await invitations(), audit: await audit() }).toEqual(before);
  });

  it.each(BAD_ORGANISATIONS)(
    'an organisation that is %s is refused and stores nothing',
    async (_, organisation) => {
      const before = await invitations();
      const response = await api(app.url, 'POST', invitationsPath(), {
        token: commissioner,
        body: { role: 'observer', organisation },
      });
      expect(response.status).toBe(400);
      expect(await invitations()).toEqual(before);
    },
  );

  it('a provider invited with their organisation joins with it, trimmed', async () => {
    const created = await api<CreatedInvitation>(app.url, 'POST', invitationsPath(), {
      token: commissioner,
      body: { role: 'provider', organisation: '  Brightwater Children’s Charity ' },
    });
    expect(created.status).toBe(201);
    expect(created.body.organisation).toBe('Brightwater Children’s Charity');
    expect((await invitations()).find((i) => i.id === created.body.id)?.organisation).toBe(
      'Brightwater Children’s Charity',
    );
    const preview = await api<InvitationPreview>(
      app.url,
      'GET',
      `/api/invitations/${created.body.token}`,
    );
    expect(preview.body.organisation).toBe('Brightwater Children’s Charity');

    const accepted = await api(app.url, 'POST', `/api/invitations/${created.body.token}/accept`, {
      body: { name: 'Dev Patel', email: 'dev@brightwater.example', password: 'a long password' },
    });
    expect(accepted.status).toBe(200);
    expect(await memberByEmail('dev@brightwater.example')).toMatchObject({
      name: 'Dev Patel',
      role: 'provider',
      organisation: 'Brightwater Children’s Charity',
    });
  });

  it('for anyone else the organisation is optional', async () => {
    const without = await joinByLink(app.url, commissioner, workspaceId, {
      name: 'Sam Lee',
      email: 'sam.lee@example.org',
    });
    expect((await memberByEmail('sam.lee@example.org')).organisation).toBeNull();
    expect(without.user.email).toBe('sam.lee@example.org');

    const created = await api<CreatedInvitation>(app.url, 'POST', invitationsPath(), {
      token: commissioner,
      body: { role: 'expert-by-experience', organisation: 'Riverside Young Voices' },
    });
    expect(created.status).toBe(201);
    await api(app.url, 'POST', `/api/invitations/${created.body.token}/accept`, {
      body: { name: 'Ali Khan', email: 'ali@example.org', password: 'a long password' },
    });
    expect((await memberByEmail('ali@example.org')).organisation).toBe('Riverside Young Voices');
  });
});

describe("changing a member's organisation", () => {
  it('becoming a provider without an organisation is refused and changes nothing', async () => {
    const member = await memberWithoutOrganisation('Kim Ng', 'kim.ng@example.org');
    const auditBefore = await audit();
    const refused = await changeMember(member.userId, { role: 'provider' });
    expect(refused.status).toBe(400);
    expect(refused.body).toEqual(errorWithCode('bad-request'));
    expect(await memberByEmail('kim.ng@example.org')).toEqual(member);
    expect(await audit()).toEqual(auditBefore);
  });

  it('becoming a provider with an organisation in the same change works', async () => {
    const member = await memberWithoutOrganisation('Lou Grant', 'lou.grant@example.org');
    const changed = await changeMember(member.userId, {
      role: 'provider',
      organisation: 'Grant Family Support CIC',
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toEqual({
      userId: member.userId,
      role: 'provider',
      previousRole: 'observer',
      organisation: 'Grant Family Support CIC',
      previousOrganisation: null,
    });
    expect(await memberByEmail('lou.grant@example.org')).toMatchObject({
      role: 'provider',
      organisation: 'Grant Family Support CIC',
    });
  });

  it('a member whose organisation is recorded becomes a provider with the role alone', async () => {
    const lead = await memberByEmail(DEMO_EMAIL['engagement-lead']);
    const changed = await changeMember(lead.userId, { role: 'provider' });
    expect(changed.status).toBe(200);
    expect(await memberByEmail(DEMO_EMAIL['engagement-lead'])).toMatchObject({
      role: 'provider',
      organisation: 'Riverside City Council',
    });
    expect((await changeMember(lead.userId, { role: 'engagement-lead' })).status).toBe(200);
  });

  it('a commissioner changes an organisation on its own; the audit log records it', async () => {
    const provider = await memberByEmail(DEMO_EMAIL.provider);
    const changed = await changeMember(provider.userId, { organisation: 'Riverside Families CIC' });
    expect(changed.status).toBe(200);
    expect(changed.body).toEqual({
      userId: provider.userId,
      role: 'provider',
      previousRole: 'provider',
      organisation: 'Riverside Families CIC',
      previousOrganisation: 'Riverside Families Together',
    });
    expect((await memberByEmail(DEMO_EMAIL.provider)).organisation).toBe('Riverside Families CIC');
    const entry = (await audit()).find((e) => e.action === 'member.organisation-change');
    expect(entry).toMatchObject({
      actor: { email: DEMO_EMAIL.commissioner },
      target: { type: 'member', id: provider.userId },
      detail: {
        organisation: 'Riverside Families CIC',
        previousOrganisation: 'Riverside Families Together',
      },
    });
  });

  it.each(BAD_ORGANISATIONS)(
    'an organisation that is %s is refused and leaves the member as they were',
    async (_, organisation) => {
      const provider = await memberByEmail(DEMO_EMAIL.provider);
      const response = await changeMember(provider.userId, { organisation });
      expect(response.status).toBe(400);
      expect(await memberByEmail(DEMO_EMAIL.provider)).toEqual(provider);
    },
  );

  it('a change with neither a role nor an organisation is refused', async () => {
    const provider = await memberByEmail(DEMO_EMAIL.provider);
    const response = await changeMember(provider.userId, {});
    expect(response.status).toBe(400);
    expect(response.body).toEqual(errorWithCode('bad-request'));
  });

  it('only a commissioner may change an organisation', async () => {
    const provider = await memberByEmail(DEMO_EMAIL.provider);
    const steering = await signIn(app.url, DEMO_EMAIL['steering-member']);
    const response = await changeMember(provider.userId, { organisation: 'Not mine' }, steering);
    expect(response.status).toBe(403);
    expect(await memberByEmail(DEMO_EMAIL.provider)).toEqual(provider);
  });
});

describe('memberships and invitations stored before organisations', () => {
  it('a provider with no organisation field still loads, listed as not recorded, and can be given one', async () => {
    const member = await memberWithoutOrganisation('Pat Early', 'pat.early@example.org');
    const stored = await database.db
      .collection('memberships')
      .updateOne(
        { userId: new BSON.ObjectId(member.userId) },
        { $set: { role: 'provider' }, $unset: { organisation: '' } },
      );
    expect(stored.modifiedCount).toBe(1);

    expect(await memberByEmail('pat.early@example.org')).toMatchObject({
      role: 'provider',
      organisation: null,
    });
    const given = await changeMember(member.userId, { organisation: 'Early Years Partnership' });
    expect(given.status).toBe(200);
    expect(given.body.previousOrganisation).toBeNull();
    expect((await memberByEmail('pat.early@example.org')).organisation).toBe(
      'Early Years Partnership',
    );
  });

  it('a provider invitation made without an organisation cannot be accepted, and nothing is created', async () => {
    const link = await api<CreatedInvitation>(app.url, 'POST', invitationsPath(), {
      token: commissioner,
      body: { role: 'observer' },
    });
    await database.db
      .collection('invitations')
      .updateOne(
        { _id: new BSON.ObjectId(link.body.id) },
        { $set: { role: 'provider' }, $unset: { organisation: '' } },
      );
    expect((await invitations()).find((i) => i.id === link.body.id)?.organisation).toBeNull();

    const accepting = await api<{ error: { message: string } }>(
      app.url,
      'POST',
      `/api/invitations/${link.body.token}/accept`,
      { body: { name: 'Old Link', email: 'old.link@example.org', password: 'a long password' } },
    );
    expect(accepting.status).toBe(400);
    expect(accepting.body.error.message).toMatch(/new invitation/);
    const preview = await api<InvitationPreview>(
      app.url,
      'GET',
      `/api/invitations/${link.body.token}`,
    );
    expect(preview.body.status).toBe('pending');
    expect((await members()).map((m) => m.email)).not.toContain('old.link@example.org');
    expect(
      await database.db.collection('users').countDocuments({ email: 'old.link@example.org' }),
    ).toBe(0);
  });
});
