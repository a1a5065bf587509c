import {
  ROLES,
  type AuditEntry,
  type MemberChange,
  type MemberSummary,
  type Role,
  type WorkspaceSummary,
} from '@coproduce/domain';
import { startApp, type RunningApp } from '../support/app';
import { api, DEMO_EMAIL, errorWithCode, signIn } from '../support/api';

// Each file starts real server processes, which on a loaded machine can take a while; the
// root configuration's testTimeout is for unit tests.
jest.setTimeout(120_000);

let app: RunningApp;
const tokens = {} as Record<Role, string>;
let workspaceId: string;
let members: MemberSummary[];

beforeAll(async () => {
  app = await startApp();
  for (const role of ROLES) tokens[role] = await signIn(app.url, DEMO_EMAIL[role]);
  const list = await api<WorkspaceSummary[]>(app.url, 'GET', '/api/workspaces', {
    token: tokens.commissioner,
  });
  workspaceId = list.body[0]!.id;
  members = (
    await api<MemberSummary[]>(app.url, 'GET', membersPath(), { token: tokens.commissioner })
  ).body;
});
afterAll(async () => {
  await app?.stop();
});

function membersPath() {
  return `/api/workspaces/${workspaceId}/members`;
}
function userIdOf(role: Role): string {
  return members.find((m) => m.email === DEMO_EMAIL[role])!.userId;
}

describe('members', () => {
  it('the demo workspace has one member per role', () => {
    expect(members.map((m) => m.role).sort()).toEqual([...ROLES].sort());
  });

  it('those who work with members see their email addresses; an observer sees who takes part, not how to reach them', async () => {
    for (const role of ['steering-member', 'expert-by-experience', 'engagement-lead'] as const) {
      const seen = await api<MemberSummary[]>(app.url, 'GET', membersPath(), {
        token: tokens[role],
      });
      expect(seen.body.map((member) => member.email).sort()).toEqual(
        members.map((member) => member.email).sort(),
      );
    }
    const observed = await api<MemberSummary[]>(app.url, 'GET', membersPath(), {
      token: tokens.observer,
    });
    expect(observed.status).toBe(200);
    expect(observed.body.map((member) => member.name).sort()).toEqual(
      members.map((member) => member.name).sort(),
    );
    expect(observed.body.map((member) => member.email)).toEqual(members.map(() => null));
    expect(JSON.stringify(observed.body)).not.toContain('@demo.test');
  });

  it("a commissioner changes an observer's role; the new role applies to their next request", async () => {
    const before = await api(app.url, 'POST', `/api/workspaces/${workspaceId}/specifications`, {
      token: tokens.observer,
      body: { title: 'Observer draft' },
    });
    expect(before.status).toBe(403);

    const change = await api<MemberChange>(
      app.url,
      'PATCH',
      `${membersPath()}/${userIdOf('observer')}`,
      {
        token: tokens.commissioner,
        body: { role: 'steering-member' },
      },
    );
    expect(change.status).toBe(200);
    expect(change.body).toEqual({
      userId: userIdOf('observer'),
      role: 'steering-member',
      previousRole: 'observer',
    });

    const after = await api(app.url, 'POST', `/api/workspaces/${workspaceId}/specifications`, {
      token: tokens.observer,
      body: { title: 'Observer draft' },
    });
    expect(after.status).toBe(201);

    const back = await api(app.url, 'PATCH', `${membersPath()}/${userIdOf('observer')}`, {
      token: tokens.commissioner,
      body: { role: 'observer' },
    });
    expect(back.status).toBe(200);
  });

  it('only a commissioner may change roles or remove members', async () => {
    for (const role of ROLES.filter((r) => r !== 'commissioner')) {
      const change = await api(app.url, 'PATCH', `${membersPath()}/${userIdOf('observer')}`, {
        token: tokens[role],
        body: { role: 'commissioner' },
      });
      expect(change.status).toBe(403);
      const remove = await api(app.url, 'DELETE', `${membersPath()}/${userIdOf('observer')}`, {
        token: tokens[role],
      });
      expect(remove.status).toBe(403);
    }
    const current = await api<MemberSummary[]>(app.url, 'GET', membersPath(), {
      token: tokens.commissioner,
    });
    expect(current.body).toEqual(members);
  });

  it('the last commissioner can be neither demoted nor removed (409)', async () => {
    const demote = await api(app.url, 'PATCH', `${membersPath()}/${userIdOf('commissioner')}`, {
      token: tokens.commissioner,
      body: { role: 'observer' },
    });
    expect(demote.status).toBe(409);
    expect(demote.body).toEqual(errorWithCode('last-commissioner'));
    const remove = await api(app.url, 'DELETE', `${membersPath()}/${userIdOf('commissioner')}`, {
      token: tokens.commissioner,
    });
    expect(remove.status).toBe(409);
    expect(remove.body).toEqual(errorWithCode('last-commissioner'));
    const detail = await api<{ role: Role }>(app.url, 'GET', `/api/workspaces/${workspaceId}`, {
      token: tokens.commissioner,
    });
    expect(detail.body.role).toBe('commissioner');
  });

  it('with a second commissioner, the first may step down', async () => {
    const promote = await api(app.url, 'PATCH', `${membersPath()}/${userIdOf('steering-member')}`, {
      token: tokens.commissioner,
      body: { role: 'commissioner' },
    });
    expect(promote.status).toBe(200);
    const stepDown = await api(app.url, 'PATCH', `${membersPath()}/${userIdOf('commissioner')}`, {
      token: tokens['steering-member'],
      body: { role: 'steering-member' },
    });
    expect(stepDown.status).toBe(200);
    const restore = [
      api(app.url, 'PATCH', `${membersPath()}/${userIdOf('commissioner')}`, {
        token: tokens['steering-member'],
        body: { role: 'commissioner' },
      }),
    ];
    expect((await restore[0]!).status).toBe(200);
    const demoteBack = await api(
      app.url,
      'PATCH',
      `${membersPath()}/${userIdOf('steering-member')}`,
      {
        token: tokens.commissioner,
        body: { role: 'steering-member' },
      },
    );
    expect(demoteBack.status).toBe(200);
  });

  it('two commissioners stepping down at the same moment leave at least one', async () => {
    const change = (as: Role, who: Role, role: Role) =>
      api(app.url, 'PATCH', `${membersPath()}/${userIdOf(who)}`, {
        token: tokens[as],
        body: { role },
      });
    const commissioners = async () =>
      (
        await api<MemberSummary[]>(app.url, 'GET', membersPath(), {
          token: tokens['expert-by-experience'],
        })
      ).body
        .filter((member) => member.role === 'commissioner')
        .map((member) => member.email);
    for (const round of ['each steps down', 'each demotes the other']) {
      expect((await change('commissioner', 'steering-member', 'commissioner')).status).toBe(200);
      const answers = await Promise.all(
        round === 'each steps down'
          ? [
              change('commissioner', 'commissioner', 'steering-member'),
              change('steering-member', 'steering-member', 'steering-member'),
            ]
          : [
              change('commissioner', 'steering-member', 'steering-member'),
              change('steering-member', 'commissioner', 'steering-member'),
            ],
      );
      const statuses = answers.map((answer) => answer.status);
      expect([round, statuses.every((status) => status === 200)]).toEqual([round, false]);
      for (const answer of answers) expect([200, 409]).toContain(answer.status);
      const remaining = await commissioners();
      expect([round, remaining.length >= 1]).toEqual([round, true]);
      // Back to the demo's roles, by whoever is still a commissioner.
      const keeper = remaining.includes(DEMO_EMAIL.commissioner)
        ? 'commissioner'
        : 'steering-member';
      expect((await change(keeper, 'commissioner', 'commissioner')).status).toBe(200);
      expect((await change('commissioner', 'steering-member', 'steering-member')).status).toBe(200);
    }
  });

  it("a removed member's token loses access to the workspace at once", async () => {
    const path = `/api/workspaces/${workspaceId}/specifications`;
    expect((await api(app.url, 'GET', path, { token: tokens['engagement-lead'] })).status).toBe(
      200,
    );
    const removed = await api(
      app.url,
      'DELETE',
      `${membersPath()}/${userIdOf('engagement-lead')}`,
      {
        token: tokens.commissioner,
      },
    );
    expect(removed.status).toBe(204);
    const after = await api(app.url, 'GET', path, { token: tokens['engagement-lead'] });
    expect(after.status).toBe(404);
    const list = await api(app.url, 'GET', '/api/workspaces', { token: tokens['engagement-lead'] });
    expect(list.body).toEqual([]);
    const again = await api(app.url, 'DELETE', `${membersPath()}/${userIdOf('engagement-lead')}`, {
      token: tokens.commissioner,
    });
    expect(again.status).toBe(404);
  });
});

describe('the audit log', () => {
  it('only commissioners may read it', async () => {
    for (const role of ROLES) {
      const response = await api(app.url, 'GET', `/api/workspaces/${workspaceId}/audit`, {
        token: tokens[role],
      });
      // The engagement lead was removed above, so the workspace no longer exists for them.
      const expected = role === 'commissioner' ? 200 : role === 'engagement-lead' ? 404 : 403;
      expect([role, response.status]).toEqual([role, expected]);
    }
  });

  it('lists what happened above, newest first, with who did it', async () => {
    const response = await api<AuditEntry[]>(
      app.url,
      'GET',
      `/api/workspaces/${workspaceId}/audit`,
      {
        token: tokens.commissioner,
      },
    );
    const actions = response.body.map((entry) => entry.action);
    expect(actions).toEqual(
      expect.arrayContaining(['member.role-change', 'member.remove', 'specification.create']),
    );
    const removal = response.body.find((entry) => entry.action === 'member.remove')!;
    expect(removal.actor?.email).toBe(DEMO_EMAIL.commissioner);
    expect(removal.target).toEqual({ type: 'member', id: userIdOf('engagement-lead') });
    const promotion = response.body.find(
      (entry) =>
        entry.action === 'member.role-change' && entry.detail['role'] === 'steering-member',
    );
    expect(promotion).toBeDefined();
    const times = response.body.map((entry) => entry.at);
    expect([...times].sort().reverse()).toEqual(times);
    // Refused attempts changed nothing, so they are not in the log.
    expect(response.body.filter((e) => e.action === 'specification.create')).toHaveLength(1);
  });

  it('cannot be edited: there is no route that writes to it', async () => {
    for (const method of ['POST', 'PATCH', 'PUT', 'DELETE']) {
      const response = await api(app.url, method, `/api/workspaces/${workspaceId}/audit`, {
        token: tokens.commissioner,
        body: {},
      });
      expect(response.status).toBe(404);
    }
  });

  it('limit is validated', async () => {
    const path = `/api/workspaces/${workspaceId}/audit`;
    expect(
      (await api<unknown[]>(app.url, 'GET', `${path}?limit=1`, { token: tokens.commissioner }))
        .body,
    ).toHaveLength(1);
    for (const limit of ['0', '501', 'ten', '1.5']) {
      const response = await api(app.url, 'GET', `${path}?limit=${limit}`, {
        token: tokens.commissioner,
      });
      expect(response.status).toBe(400);
    }
    expect(
      (await api(app.url, 'GET', `${path}?since=yesterday`, { token: tokens.commissioner })).status,
    ).toBe(400);
  });
});
