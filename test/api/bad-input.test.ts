// Bad input on every endpoint — wrong types, missing and unknown fields,
// oversized bodies, malformed and unknown ids, another workspace's ids — gets
// a 4xx with a readable message, and changes nothing (not even the audit log).
import type {
  CreatedInvitation,
  SpecificationSummary,
  WorkspaceDetail,
  WorkspaceSummary,
} from '@coproduce/domain';
import { startApp, type RunningApp } from '../support/app';
import { api, DEMO_EMAIL, joinByLink, signIn } from '../support/api';

jest.setTimeout(120_000);

let app: RunningApp;
let commissioner: string;
let steering: string;
/** The demo workspace, and a second one the same commissioner runs. */
let home: string;
let other: string;
const otherIds = { specification: '', invitation: '', member: '' };
const UNKNOWN = '0123456789abcdef01234567';
const OVERSIZED = 'x'.repeat(150 * 1024);
let homeDraft = '';

beforeAll(async () => {
  app = await startApp();
  commissioner = await signIn(app.url, DEMO_EMAIL.commissioner);
  steering = await signIn(app.url, DEMO_EMAIL['steering-member']);
  home = (await api<WorkspaceSummary[]>(app.url, 'GET', '/api/workspaces', { token: commissioner }))
    .body[0]!.id;
  homeDraft = (
    await api<SpecificationSummary[]>(app.url, 'GET', `/api/workspaces/${home}/specifications`, {
      token: commissioner,
    })
  ).body[0]!.id;
  const created = await api<WorkspaceDetail>(app.url, 'POST', '/api/workspaces', {
    token: commissioner,
    body: {
      name: 'Short breaks for disabled children',
      serviceArea: 'Disabled children and their families',
      leadOrganisation: 'Riverside City Council',
      partnerOrganisations: ['North Riverside Integrated Care Board'],
    },
  });
  expect(created.status).toBe(201);
  other = created.body.id;
  otherIds.specification = (
    await api<SpecificationSummary>(app.url, 'POST', `/api/workspaces/${other}/specifications`, {
      token: commissioner,
      body: { title: 'Short breaks' },
    })
  ).body.id;
  const joined = await joinByLink(app.url, commissioner, other, {
    name: 'Only elsewhere',
    email: 'elsewhere@example.org',
  });
  otherIds.member = joined.user.id;
  otherIds.invitation = (
    await api<CreatedInvitation>(app.url, 'POST', `/api/workspaces/${other}/invitations`, {
      token: commissioner,
      body: { email: 'pending@example.org', role: 'provider', organisation: 'Short Breaks Trust' },
    })
  ).body.id;
});
afterAll(async () => {
  await app?.stop();
});

/** Everything a bad request could have changed, as the commissioner sees it. */
async function state() {
  const read = async (path: string) =>
    (await api(app.url, 'GET', path, { token: commissioner })).body;
  const snapshot: Record<string, unknown> = { workspaces: await read('/api/workspaces') };
  for (const workspace of [home, other]) {
    for (const part of ['', '/members', '/invitations', '/specifications', '/audit']) {
      snapshot[`${workspace}${part}`] = await read(`/api/workspaces/${workspace}${part}`);
    }
  }
  snapshot['threads'] = await read(`/api/workspaces/${home}/specifications/${homeDraft}/threads`);
  return snapshot;
}

interface BadRequest {
  what: string;
  method: string;
  path: () => string;
  body?: unknown;
  rawBody?: string;
  headers?: Record<string, string>;
  token?: () => string | undefined;
  status: number;
}

const members = () => `/api/workspaces/${home}/members`;
const invitations = () => `/api/workspaces/${home}/invitations`;
const specifications = () => `/api/workspaces/${home}/specifications`;
const aValidToken = 'B'.repeat(43);

// prettier-ignore
const BAD_REQUESTS: BadRequest[] = [
  // Workspaces
  { what: 'a workspace with no fields', method: 'POST', path: () => '/api/workspaces', body: {}, status: 400 },
  { what: 'a workspace name that is a number', method: 'POST', path: () => '/api/workspaces', body: { name: 5, serviceArea: 'a', leadOrganisation: 'b' }, status: 400 },
  { what: 'a workspace with an unknown field', method: 'POST', path: () => '/api/workspaces', body: { name: 'a', serviceArea: 'a', leadOrganisation: 'b', owner: 'me' }, status: 400 },
  { what: 'partner organisations that are not a list of names', method: 'POST', path: () => '/api/workspaces', body: { name: 'a', serviceArea: 'a', leadOrganisation: 'b', partnerOrganisations: [1, 2] }, status: 400 },
  { what: 'a partner organisation on two lines', method: 'POST', path: () => '/api/workspaces', body: { name: 'a', serviceArea: 'a', leadOrganisation: 'b', partnerOrganisations: ['Riverside\u2028Council'] }, status: 400 },
  { what: 'a workspace name of 201 characters', method: 'POST', path: () => '/api/workspaces', body: { name: 'n'.repeat(201), serviceArea: 'a', leadOrganisation: 'b' }, status: 400 },
  { what: 'an oversized workspace', method: 'POST', path: () => '/api/workspaces', body: { name: OVERSIZED, serviceArea: 'a', leadOrganisation: 'b' }, status: 413 },
  { what: 'a workspace sent as text', method: 'POST', path: () => '/api/workspaces', rawBody: 'name=a', headers: { 'content-type': 'text/plain' }, status: 415 },
  { what: 'a malformed workspace id', method: 'GET', path: () => '/api/workspaces/not-an-id', status: 404 },
  { what: 'an unknown workspace id', method: 'GET', path: () => `/api/workspaces/${UNKNOWN}`, status: 404 },
  { what: "a workspace the caller does not belong to", method: 'GET', path: () => `/api/workspaces/${other}/specifications`, token: () => steering, status: 404 },
  { what: "writing to a workspace the caller does not belong to", method: 'POST', path: () => `/api/workspaces/${other}/specifications`, token: () => steering, body: { title: 'Sneaky' }, status: 404 },
  // Members
  { what: 'a role change with no role', method: 'PATCH', path: () => `${members()}/${otherIds.member}`, body: {}, status: 400 },
  { what: 'a role that does not exist', method: 'PATCH', path: () => `${members()}/${UNKNOWN}`, body: { role: 'owner' }, status: 400 },
  { what: 'a role that is a number', method: 'PATCH', path: () => `${members()}/${UNKNOWN}`, body: { role: 1 }, status: 400 },
  { what: 'a role change with an unknown field', method: 'PATCH', path: () => `${members()}/${UNKNOWN}`, body: { role: 'observer', since: 'now' }, status: 400 },
  { what: 'a role change for a malformed user id', method: 'PATCH', path: () => `${members()}/abc`, body: { role: 'observer' }, status: 404 },
  { what: 'a role change for an unknown user', method: 'PATCH', path: () => `${members()}/${UNKNOWN}`, body: { role: 'observer' }, status: 404 },
  { what: "a role change for another workspace's member", method: 'PATCH', path: () => `${members()}/${otherIds.member}`, body: { role: 'commissioner' }, status: 404 },
  { what: 'removing a malformed user id', method: 'DELETE', path: () => `${members()}/abc`, status: 404 },
  { what: "removing another workspace's member", method: 'DELETE', path: () => `${members()}/${otherIds.member}`, status: 404 },
  { what: 'an oversized role change', method: 'PATCH', path: () => `${members()}/${UNKNOWN}`, body: { role: OVERSIZED }, status: 413 },
  { what: 'an organisation on two lines', method: 'PATCH', path: () => `${members()}/${UNKNOWN}`, body: { organisation: 'Riverside\u2028Families' }, status: 400 },
  { what: 'an organisation of 201 characters', method: 'PATCH', path: () => `${members()}/${UNKNOWN}`, body: { organisation: 'o'.repeat(201) }, status: 400 },
  { what: 'an organisation of null', method: 'PATCH', path: () => `${members()}/${UNKNOWN}`, body: { role: 'provider', organisation: null }, status: 400 },
  // Invitations
  { what: 'an invitation with no role', method: 'POST', path: invitations, body: { email: 'a@example.org' }, status: 400 },
  { what: 'an invitation with a made-up role', method: 'POST', path: invitations, body: { role: 'admin' }, status: 400 },
  { what: 'an invitation to an address that is not one', method: 'POST', path: invitations, body: { email: 'not-an-email', role: 'observer' }, status: 400 },
  { what: 'an invitation for 0 days', method: 'POST', path: invitations, body: { role: 'observer', expiresInDays: 0 }, status: 400 },
  { what: 'an invitation for 31 days', method: 'POST', path: invitations, body: { role: 'observer', expiresInDays: 31 }, status: 400 },
  { what: 'an invitation for "7" days as text', method: 'POST', path: invitations, body: { role: 'observer', expiresInDays: '7' }, status: 400 },
  { what: 'an invitation for 1.5 days', method: 'POST', path: invitations, body: { role: 'observer', expiresInDays: 1.5 }, status: 400 },
  { what: 'an invitation with an unknown field', method: 'POST', path: invitations, body: { role: 'observer', message: 'hi' }, status: 400 },
  { what: 'a provider invitation with no organisation', method: 'POST', path: invitations, body: { email: 'bids@provider.example', role: 'provider' }, status: 400 },
  { what: 'an invitation with an organisation on two lines', method: 'POST', path: invitations, body: { role: 'observer', organisation: 'Riverside\nFamilies' }, status: 400 },
  { what: 'an invitation with an organisation of 201 characters', method: 'POST', path: invitations, body: { role: 'observer', organisation: 'o'.repeat(201) }, status: 400 },
  { what: 'an oversized invitation', method: 'POST', path: invitations, body: { role: 'observer', email: OVERSIZED }, status: 413 },
  { what: 'withdrawing a malformed invitation id', method: 'DELETE', path: () => `${invitations()}/abc`, status: 404 },
  { what: 'withdrawing an unknown invitation', method: 'DELETE', path: () => `${invitations()}/${UNKNOWN}`, status: 404 },
  { what: "withdrawing another workspace's invitation", method: 'DELETE', path: () => `${invitations()}/${otherIds.invitation}`, status: 404 },
  { what: 'accepting with a name that is a number', method: 'POST', path: () => `/api/invitations/${aValidToken}/accept`, body: { name: 5 }, status: 400 },
  { what: 'accepting with a short password', method: 'POST', path: () => `/api/invitations/${aValidToken}/accept`, body: { name: 'A', password: 'short' }, status: 400 },
  { what: 'accepting with an unknown field', method: 'POST', path: () => `/api/invitations/${aValidToken}/accept`, body: { role: 'commissioner' }, status: 400 },
  { what: 'accepting an unknown invitation', method: 'POST', path: () => `/api/invitations/${aValidToken}/accept`, body: { name: 'A', email: 'a@example.org', password: 'a long enough password' }, status: 404 },
  { what: 'an oversized acceptance', method: 'POST', path: () => `/api/invitations/${aValidToken}/accept`, body: { name: OVERSIZED }, status: 413 },
  // Specifications
  { what: 'a specification with no title', method: 'POST', path: specifications, body: {}, status: 400 },
  { what: 'a specification with an empty title', method: 'POST', path: specifications, body: { title: '   ' }, status: 400 },
  { what: 'a specification title that is a number', method: 'POST', path: specifications, body: { title: 42 }, status: 400 },
  { what: 'a specification title that is a query operator', method: 'POST', path: specifications, body: { title: { $gt: '' } }, status: 400 },
  { what: 'a specification body of null', method: 'POST', path: specifications, rawBody: 'null', status: 400 },
  { what: 'a specification title on two lines', method: 'POST', path: specifications, body: { title: 'Key worker\nservice' }, status: 400 },
  { what: 'a specification title of 201 characters', method: 'POST', path: specifications, body: { title: 't'.repeat(201) }, status: 400 },
  { what: 'a specification with a status', method: 'POST', path: specifications, body: { title: 'Published already', status: 'published' }, status: 400 },
  { what: 'a specification that is a list', method: 'POST', path: specifications, body: [{ title: 'One' }], status: 400 },
  { what: 'a specification in malformed JSON', method: 'POST', path: specifications, rawBody: '{"title": ', status: 400 },
  { what: 'an oversized specification', method: 'POST', path: specifications, body: { title: OVERSIZED }, status: 413 },
  { what: 'a malformed specification id', method: 'GET', path: () => `${specifications()}/abc`, status: 404 },
  { what: 'an unknown specification id', method: 'GET', path: () => `${specifications()}/${UNKNOWN}`, status: 404 },
  { what: "another workspace's specification", method: 'GET', path: () => `${specifications()}/${otherIds.specification}`, status: 404 },
  // Comment threads
  { what: 'a thread with no fields', method: 'POST', path: () => `${specifications()}/${homeDraft}/threads`, body: {}, status: 400 },
  { what: 'a thread on a malformed anchor', method: 'POST', path: () => `${specifications()}/${homeDraft}/threads`, body: { body: 'Why?', quote: 'x', anchor: { start: 'AAAA', end: '!!' } }, status: 400 },
  { what: "a thread on another workspace's specification", method: 'POST', path: () => `${specifications()}/${otherIds.specification}/threads`, body: { body: 'Why?', quote: 'x', anchor: { start: 'AAAA', end: 'AAAA' } }, status: 404 },
  { what: "the threads of another workspace's specification", method: 'GET', path: () => `${specifications()}/${otherIds.specification}/threads`, status: 404 },
  { what: 'a reply to a malformed thread id', method: 'POST', path: () => `/api/workspaces/${home}/threads/abc/comments`, body: { body: 'Hello' }, status: 404 },
  { what: 'a reply to an unknown thread', method: 'POST', path: () => `/api/workspaces/${home}/threads/${UNKNOWN}/comments`, body: { body: 'Hello' }, status: 404 },
  { what: 'a thread status that is not one', method: 'PATCH', path: () => `/api/workspaces/${home}/threads/${UNKNOWN}`, body: { status: 'closed' }, status: 400 },
  { what: 'an unknown comment', method: 'DELETE', path: () => `/api/workspaces/${home}/threads/${UNKNOWN}/comments/${UNKNOWN}`, status: 404 },
  // Exports of a draft
  { what: 'an export in a format it does not make', method: 'GET', path: () => `${specifications()}/${homeDraft}/export?format=rtf`, status: 400 },
  { what: 'an export with no format', method: 'GET', path: () => `${specifications()}/${homeDraft}/export`, status: 400 },
  { what: 'an export with two formats', method: 'GET', path: () => `${specifications()}/${homeDraft}/export?format=pdf&format=md`, status: 400 },
  { what: 'an export of a malformed specification id', method: 'GET', path: () => `${specifications()}/abc/export?format=md`, status: 404 },
  { what: 'an export of an unknown specification', method: 'GET', path: () => `${specifications()}/${UNKNOWN}/export?format=md`, status: 404 },
  { what: "an export of another workspace's specification", method: 'GET', path: () => `${specifications()}/${otherIds.specification}/export?format=md`, status: 404 },
  // Audit
  { what: 'an audit limit that is not a number', method: 'GET', path: () => `/api/workspaces/${home}/audit?limit=all`, status: 400 },
];

describe('bad input gets a 4xx with a message and changes nothing', () => {
  let before: Record<string, unknown>;
  beforeAll(async () => {
    before = await state();
  });

  it.each(BAD_REQUESTS.map((request) => [request.what, request] as const))(
    '%s',
    async (_, request) => {
      const response = await api<{ error: { code: string; message: string } }>(
        app.url,
        request.method,
        request.path(),
        {
          token: request.token ? request.token() : commissioner,
          body: request.body,
          rawBody: request.rawBody,
          headers: request.headers,
        },
      );
      expect(response.status).toBe(request.status);
      expect(response.body).toEqual({
        error: { code: expect.any(String), message: expect.any(String) },
      });
      expect(response.body.error.message.length).toBeGreaterThan(10);
    },
  );

  it('left every workspace, member, invitation, specification and audit entry as it was', async () => {
    expect(await state()).toEqual(before);
  });
});
