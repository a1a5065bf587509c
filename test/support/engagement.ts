// Engagement for end-to-end tests: the demo team's sessions and ids, and events and
// feedback recorded over REST as a person would, failing the test unless they are stored.
import {
  ROLES,
  type AuditEntry,
  type CreateEngagementEventRequest,
  type CreateFeedbackRequest,
  type EngagementEvent,
  type Feedback,
  type MemberSummary,
  type Role,
  type RoundView,
  type SpecificationSummary,
} from '@coproduce/domain';
import { api, DEMO_EMAIL, joinByLink, signIn, type ApiResponse } from './api';
import { demoWorkspaceId } from './collab';

export interface DemoTeam {
  url: string;
  workspace: string;
  /** The demo draft: the specification that is not published. */
  draft: string;
  tokens: Record<Role, string>;
  /** User ids by role. */
  ids: Record<Role, string>;
  /** `/api/workspaces/:workspace` + rest. */
  at(rest: string): string;
  as(role: Role, body?: unknown): { token: string; body: unknown };
  /** A request to the workspace's `rest` (as `at`) by the demo member in `role`. */
  request<T = unknown>(
    role: Role,
    method: string,
    rest: string,
    body?: unknown,
  ): Promise<ApiResponse<T>>;
}

export async function demoTeam(url: string): Promise<DemoTeam> {
  const tokens = {} as Record<Role, string>;
  for (const role of ROLES) tokens[role] = await signIn(url, DEMO_EMAIL[role]);
  const workspace = await demoWorkspaceId(url, tokens.commissioner);
  const at = (rest: string) => `/api/workspaces/${workspace}${rest}`;
  const specifications = await api<SpecificationSummary[]>(url, 'GET', at('/specifications'), {
    token: tokens.commissioner,
  });
  const members = await api<MemberSummary[]>(url, 'GET', at('/members'), {
    token: tokens.commissioner,
  });
  const ids = {} as Record<Role, string>;
  for (const member of members.body) {
    if (member.email === DEMO_EMAIL[member.role]) ids[member.role] = member.userId;
  }
  return {
    url,
    workspace,
    draft: specifications.body.find((each) => each.status === 'draft')!.id,
    tokens,
    ids,
    at,
    as: (role, body) => ({ token: tokens[role], body }),
    request: (role, method, rest, body) =>
      api(url, method, at(rest), { token: tokens[role], body }),
  };
}

/** A drop-in an hour long, with children and young people by age band and parents. */
export function dropIn(
  title: string,
  changes: Partial<CreateEngagementEventRequest> = {},
): CreateEngagementEventRequest {
  return {
    type: 'drop-in',
    title,
    startsAt: '2027-03-04T15:30:00.000Z',
    endsAt: '2027-03-04T17:00:00.000Z',
    place: 'Riverside Family Hub',
    reach: [
      { audience: 'children-and-young-people', ageBand: '11-15', count: 6 },
      { audience: 'parents-and-carers', count: 4 },
    ],
    ...changes,
  };
}

/** Records an event; fails the test on anything but 201. */
export async function recordEvent(
  url: string,
  token: string,
  workspace: string,
  request: CreateEngagementEventRequest,
): Promise<EngagementEvent> {
  const created = await api<EngagementEvent>(
    url,
    'POST',
    `/api/workspaces/${workspace}/engagement-events`,
    { token, body: request },
  );
  if (created.status !== 201) {
    throw new Error(`Recording an event failed: ${created.status} ${JSON.stringify(created.body)}`);
  }
  return created.body;
}

/** Records feedback; fails the test on anything but 201. */
export async function giveFeedback(
  url: string,
  token: string,
  workspace: string,
  request: CreateFeedbackRequest,
): Promise<Feedback> {
  const created = await api<Feedback>(url, 'POST', `/api/workspaces/${workspace}/feedback`, {
    token,
    body: request,
  });
  if (created.status !== 201) {
    throw new Error(`Giving feedback failed: ${created.status} ${JSON.stringify(created.body)}`);
  }
  return created.body;
}

/** The workspace's audit entries about one target, newest first, as [action, actor id]. */
export async function auditOf(
  url: string,
  commissionerToken: string,
  workspace: string,
  targetId: string,
): Promise<Array<[string, string | undefined]>> {
  const audit = await api<AuditEntry[]>(
    url,
    'GET',
    `/api/workspaces/${workspace}/audit?limit=500`,
    { token: commissionerToken },
  );
  if (audit.status !== 200) throw new Error(`Reading the audit log failed: ${audit.status}`);
  return audit.body
    .filter((entry) => entry.target.id === targetId)
    .map((entry) => [entry.action, entry.actor?.id]);
}

/**
 * A second provider organisation in the demo workspace (which seeds one member a role),
 * joined by an invitation link and given the provider role, as a commissioner would.
 */
export async function addSecondProvider(
  team: DemoTeam,
  person = { name: 'Sam Patel', email: 'sam.patel@vale-autism.example' },
  organisation = 'Vale Autism Partnership',
): Promise<{ token: string; id: string }> {
  const joined = await joinByLink(team.url, team.tokens.commissioner, team.workspace, person);
  const changed = await api(
    team.url,
    'PATCH',
    team.at(`/members/${joined.user.id}`),
    team.as('commissioner', { role: 'provider', organisation }),
  );
  if (changed.status !== 200) throw new Error(`making a provider: ${changed.status}`);
  return { token: joined.token, id: joined.user.id };
}

/** The demo team with what market engagement rounds need: a second provider and the next event. */
export interface RoundsTeam {
  team: DemoTeam;
  secondProvider: { token: string; id: string };
  /** The demo's next market engagement event (event 4, a fortnight ahead). */
  marketEvent: string;
  /** Starts a round on `specificationId` for both providers, closing in an hour, as the commissioner. */
  startRound(
    specificationId: string,
    fields?: Record<string, unknown>,
  ): Promise<ApiResponse<RoundView>>;
}

export async function roundsTeam(url: string): Promise<RoundsTeam> {
  const team = await demoTeam(url);
  const secondProvider = await addSecondProvider(team);
  const events = await api<EngagementEvent[]>(
    url,
    'GET',
    team.at('/engagement-events'),
    team.as('commissioner'),
  );
  const marketEvent = events.body.find((event) =>
    event.title.startsWith('Market engagement event 4'),
  )!.id;
  return {
    team,
    secondProvider,
    marketEvent,
    startRound: (specificationId, fields = {}) =>
      api<RoundView>(
        url,
        'POST',
        team.at('/engagement-rounds'),
        team.as('commissioner', {
          specificationId,
          eventId: marketEvent,
          title: 'Shaping the key worker offer',
          closesAt: new Date(Date.now() + 3_600_000).toISOString(),
          participantIds: [team.ids.provider, secondProvider.id],
          ...fields,
        }),
      ),
  };
}
