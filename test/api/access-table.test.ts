// Walks every route × every role (plus a non-member and an anonymous caller)
// and checks each answer against the table below: the access policy as the
// product states it, seen from outside.
import {
  ROLES,
  type StartThreadRequest,
  type MemberSummary,
  type Role,
  type SpecificationSummary,
  type WorkspaceSummary,
} from '@coproduce/domain';
import { startApp, type RunningApp } from '../support/app';
import { api, DEMO_EMAIL, joinByLink, signIn } from '../support/api';
import { anchorOnWords, currentText, startThread } from '../support/comments';

// Each file starts real server processes, which on a loaded machine can take a while; the
// root configuration's testTimeout is for unit tests.
jest.setTimeout(120_000);

type Caller = Role | 'non-member' | 'anonymous';
const CALLERS: Caller[] = [...ROLES, 'non-member', 'anonymous'];

interface Fixture {
  workspace: string;
  draft: string;
  observerId: string;
  /** A well-formed id that names nothing. */
  nobody: string;
  /** Comment threads the steering member started on the draft, each with their one comment. */
  thread: { id: string; comment: string };
  threadUnderSpecification: { id: string; comment: string };
  /** A start-thread body on real words of the draft. */
  newThread: StartThreadRequest;
  /** A specification never published. */
  unpublished: string;
  /** A specification with versions 1 and 2 published (2 is for withdrawing). */
  published: string;
  /** The provider's question on version 1, and a checkpoint of the draft. */
  question: string;
  checkpoint: string;
  /** A market engagement event the demo provider took part in, a feedback item and a theme. */
  marketEvent: string;
  feedback: string;
  theme: string;
  /** The demo provider's user id. */
  providerId: string;
  /**
   * Market engagement rounds on the draft: one the demo provider takes part in (changed on
   * the walk), one they do not (404 to them), one to close, and one already closed.
   */
  round: string;
  roundWithoutProvider: string;
  roundToClose: string;
  closedRound: string;
}

interface Route {
  method: string;
  /** As the OpenAPI document writes it, to check no route is left out. */
  template: string;
  path: (f: Fixture) => string;
  body?: unknown | ((f: Fixture) => unknown);
  /** Who gets `allowed`; everyone else a member gets 403, a non-member 404, anonymous 401. */
  allowed: readonly Caller[] | 'everyone';
  /** The status an allowed caller gets (a 404 here means "past the access check, no such thing"). */
  success: number;
  /** Overrides for particular callers, where the product says something other than 403. */
  otherwise?: Partial<Record<Caller, number>>;
}

const ALL_MEMBERS = ROLES;
const COMMISSIONER = ['commissioner'] as const;
const DRAFT_READERS = [
  'commissioner',
  'steering-member',
  'expert-by-experience',
  'engagement-lead',
  'observer',
] as const;
const COMMENTERS = [
  'commissioner',
  'steering-member',
  'expert-by-experience',
  'engagement-lead',
] as const;

/**
 * A thread's routes, at one of the two places they answer. The thread and its comment are
 * the steering member's: the commissioner may resolve anyone's thread, only the author edits
 * or deletes the comment (edit before delete: a deleted comment cannot be edited).
 */
// prettier-ignore
function threadRoutes(template: string, path: (f: Fixture) => string, comment: (f: Fixture) => string): Route[] {
  return [
    { method: 'POST', template: `${template}/comments`, path: (f) => `${path(f)}/comments`, body: { body: 'A reply from the access walk.' }, allowed: COMMENTERS, success: 201, otherwise: { provider: 404 } },
    { method: 'PATCH', template, path, body: { status: 'resolved' }, allowed: ['commissioner', 'steering-member'], success: 200, otherwise: { provider: 404 } },
    { method: 'PATCH', template: `${template}/comments/{commentId}`, path: (f) => `${path(f)}/comments/${comment(f)}`, body: { body: 'Edited on the walk.' }, allowed: ['steering-member'], success: 200, otherwise: { provider: 404 } },
    { method: 'DELETE', template: `${template}/comments/{commentId}`, path: (f) => `${path(f)}/comments/${comment(f)}`, allowed: ['steering-member'], success: 200, otherwise: { provider: 404 } },
    { method: 'POST', template: `${template}/read`, path: (f) => `${path(f)}/read`, allowed: DRAFT_READERS, success: 204, otherwise: { provider: 404 } },
  ];
}

const EDITORS = ['commissioner', 'steering-member', 'expert-by-experience'] as const;
/** engagement.read and feedback.read: the team, every role but provider. */
const ENGAGEMENT_TEAM = DRAFT_READERS;
/** engagement.manage and feedback.manage. */
const ENGAGEMENT_MANAGERS = ['commissioner', 'engagement-lead'] as const;
/** feedback.give: whoever may comment. */
const FEEDBACK_GIVERS = COMMENTERS;

/**
 * Engagement: events, feedback, themes, the cohort and the dashboard. Every member may ask
 * for the events (a provider gets the market engagement they took part in, the fixture's
 * event among them); the rest is the team's, and a draft's feedback is 404 to a provider.
 */
// prettier-ignore
function engagementRoutes(): Route[] {
  const at = (f: Fixture, rest: string) => `/api/workspaces/${f.workspace}${rest}`;
  const template = (rest: string) => `/api/workspaces/{workspaceId}${rest}`;
  let themes = 0;
  let counts = 0;
  return [
    { method: 'GET', template: template('/engagement-events'), path: (f) => at(f, '/engagement-events'), allowed: ALL_MEMBERS, success: 200 },
    { method: 'POST', template: template('/engagement-events'), path: (f) => at(f, '/engagement-events'), body: { type: 'drop-in', title: 'Recorded on the walk', startsAt: '2027-03-04T15:30:00Z', reach: [{ audience: 'parents-and-carers', count: 3 }] }, allowed: ENGAGEMENT_MANAGERS, success: 201 },
    { method: 'GET', template: template('/engagement-events/{eventId}'), path: (f) => at(f, `/engagement-events/${f.marketEvent}`), allowed: ALL_MEMBERS, success: 200 },
    { method: 'PATCH', template: template('/engagement-events/{eventId}'), path: (f) => at(f, `/engagement-events/${f.marketEvent}`), body: { title: 'Market engagement, renamed on the walk' }, allowed: ENGAGEMENT_MANAGERS, success: 200 },
    { method: 'DELETE', template: template('/engagement-events/{eventId}'), path: (f) => at(f, `/engagement-events/${f.nobody}`), allowed: ENGAGEMENT_MANAGERS, success: 404 },
    { method: 'GET', template: template('/engagement-events/{eventId}/market-notice'), path: (f) => at(f, `/engagement-events/${f.marketEvent}/market-notice?format=md`), allowed: ALL_MEMBERS, success: 200 },
    { method: 'GET', template: template('/feedback'), path: (f) => at(f, '/feedback'), allowed: ENGAGEMENT_TEAM, success: 200 },
    { method: 'POST', template: template('/feedback'), path: (f) => at(f, '/feedback'), body: { text: 'Given on the walk.', audience: 'parents-and-carers', themes: [] }, allowed: FEEDBACK_GIVERS, success: 201 },
    { method: 'GET', template: template('/feedback/{feedbackId}'), path: (f) => at(f, `/feedback/${f.feedback}`), allowed: ENGAGEMENT_TEAM, success: 200 },
    { method: 'PATCH', template: template('/feedback/{feedbackId}'), path: (f) => at(f, `/feedback/${f.feedback}`), body: { status: 'considering' }, allowed: ENGAGEMENT_MANAGERS, success: 200 },
    { method: 'DELETE', template: template('/feedback/{feedbackId}'), path: (f) => at(f, `/feedback/${f.nobody}`), allowed: ENGAGEMENT_MANAGERS, success: 404 },
    { method: 'GET', template: template('/engagement/export'), path: (f) => at(f, '/engagement/export?data=events'), allowed: ENGAGEMENT_TEAM, success: 200 },
    // Past the access check, a request with no file is a 400 (the import tests send files).
    { method: 'POST', template: template('/feedback/import'), path: (f) => at(f, '/feedback/import'), allowed: ENGAGEMENT_MANAGERS, success: 400 },
    { method: 'GET', template: template('/feedback/import-columns'), path: (f) => at(f, '/feedback/import-columns'), allowed: ENGAGEMENT_MANAGERS, success: 200 },
    { method: 'PUT', template: template('/feedback/import-columns'), path: (f) => at(f, '/feedback/import-columns'), body: { columns: [{ field: 'text', header: 'Comment' }] }, allowed: ENGAGEMENT_MANAGERS, success: 200 },
    { method: 'POST', template: template('/engagement-events/{eventId}/reach/import'), path: (f) => at(f, `/engagement-events/${f.marketEvent}/reach/import`), allowed: ENGAGEMENT_MANAGERS, success: 400 },
    { method: 'GET', template: template('/engagement/reach-import-columns'), path: (f) => at(f, '/engagement/reach-import-columns'), allowed: ENGAGEMENT_MANAGERS, success: 200 },
    { method: 'PUT', template: template('/engagement/reach-import-columns'), path: (f) => at(f, '/engagement/reach-import-columns'), body: { columns: [{ field: 'count', header: 'How many came' }] }, allowed: ENGAGEMENT_MANAGERS, success: 200 },
    { method: 'GET', template: template('/feedback-themes'), path: (f) => at(f, '/feedback-themes'), allowed: ENGAGEMENT_TEAM, success: 200 },
    // A new name each time: the same name twice is 409.
    { method: 'POST', template: template('/feedback-themes'), path: (f) => at(f, '/feedback-themes'), body: () => ({ name: `Walk theme ${(themes += 1)}` }), allowed: ENGAGEMENT_MANAGERS, success: 201 },
    { method: 'PATCH', template: template('/feedback-themes/{themeId}'), path: (f) => at(f, `/feedback-themes/${f.theme}`), body: { name: 'Renamed on the walk' }, allowed: ENGAGEMENT_MANAGERS, success: 200 },
    { method: 'POST', template: template('/feedback-themes/{themeId}/merge'), path: (f) => at(f, `/feedback-themes/${f.nobody}/merge`), body: (f: Fixture) => ({ intoThemeId: f.theme }), allowed: ENGAGEMENT_MANAGERS, success: 404 },
    { method: 'GET', template: template('/engagement/cohort'), path: (f) => at(f, '/engagement/cohort'), allowed: ENGAGEMENT_TEAM, success: 200 },
    { method: 'PUT', template: template('/engagement/cohort'), path: (f) => at(f, '/engagement/cohort'), body: { groups: [{ audience: 'parents-and-carers', count: 400 }] }, allowed: ENGAGEMENT_MANAGERS, success: 200 },
    { method: 'GET', template: template('/engagement/report'), path: (f) => at(f, '/engagement/report'), allowed: ENGAGEMENT_TEAM, success: 200 },
    { method: 'GET', template: template('/specifications/{specificationId}/feedback'), path: (f) => at(f, `/specifications/${f.unpublished}/feedback`), allowed: DRAFT_READERS, success: 200, otherwise: { provider: 404 } },
    { method: 'GET', template: template('/specifications/{specificationId}/you-said-we-did'), path: (f) => at(f, `/specifications/${f.unpublished}/you-said-we-did`), allowed: DRAFT_READERS, success: 200, otherwise: { provider: 404 } },
    // Counting at a drop-in: for those who record events; each change its own id.
    { method: 'POST', template: template('/engagement-events/{eventId}/counts'), path: (f) => at(f, `/engagement-events/${f.marketEvent}/counts`), body: () => ({ changes: [{ clientId: `access-walk-${(counts += 1)}`, audience: 'statutory-providers', change: 1 }] }), allowed: ENGAGEMENT_MANAGERS, success: 200 },
  ];
}

/**
 * Market engagement rounds: every member may list them and ask for one (a provider only
 * for the rounds they take part in: any other is 404 to them, as for an id that names
 * nothing); starting, changing, closing and bringing changes back are the commissioners'.
 * A change's key that names nothing gets past access to a 404.
 */
// prettier-ignore
function roundRoutes(): Route[] {
  const at = (f: Fixture, rest = '') => `/api/workspaces/${f.workspace}/engagement-rounds${rest}`;
  const template = (rest = '') => `/api/workspaces/{workspaceId}/engagement-rounds${rest}`;
  let rounds = 0;
  return [
    { method: 'GET', template: template(), path: (f) => at(f), allowed: ALL_MEMBERS, success: 200 },
    { method: 'POST', template: template(), path: (f) => at(f), body: (f: Fixture) => ({ specificationId: f.unpublished, eventId: f.marketEvent, title: `Round on the walk ${(rounds += 1)}`, closesAt: new Date(Date.now() + 86_400_000).toISOString(), participantIds: [f.providerId] }), allowed: COMMISSIONER, success: 201 },
    { method: 'GET', template: template('/{roundId}'), path: (f) => at(f, `/${f.roundWithoutProvider}`), allowed: DRAFT_READERS, success: 200, otherwise: { provider: 404 } },
    { method: 'PATCH', template: template('/{roundId}'), path: (f) => at(f, `/${f.round}`), body: { title: 'Round renamed on the walk' }, allowed: COMMISSIONER, success: 200 },
    { method: 'POST', template: template('/{roundId}/close'), path: (f) => at(f, `/${f.roundToClose}/close`), allowed: COMMISSIONER, success: 200 },
    { method: 'GET', template: template('/{roundId}/changes'), path: (f) => at(f, `/${f.closedRound}/changes`), allowed: COMMISSIONER, success: 200 },
    { method: 'POST', template: template('/{roundId}/changes/{key}/take'), path: (f) => at(f, `/${f.closedRound}/changes/no-such-section/take`), allowed: COMMISSIONER, success: 404 },
    { method: 'POST', template: template('/{roundId}/changes/{key}/feedback'), path: (f) => at(f, `/${f.closedRound}/changes/no-such-section/feedback`), body: { status: 'considering' }, allowed: COMMISSIONER, success: 404 },
  ];
}

/** A published specification's routes (version 2 is the one withdrawn). */
// prettier-ignore
function versionRoutes(): Route[] {
  const at = (f: Fixture, rest = '') => `/api/workspaces/${f.workspace}/specifications/${f.published}${rest}`;
  const template = (rest = '') => `/api/workspaces/{workspaceId}/specifications/{specificationId}${rest}`;
  return [
    { method: 'POST', template: template('/versions'), path: (f) => at(f, '/versions'), body: { name: 'Published on the walk', notes: '' }, allowed: COMMISSIONER, success: 201 },
    { method: 'GET', template: template('/versions'), path: (f) => at(f, '/versions'), allowed: ALL_MEMBERS, success: 200 },
    { method: 'GET', template: template('/versions/{number}'), path: (f) => at(f, '/versions/1'), allowed: ALL_MEMBERS, success: 200 },
    { method: 'GET', template: template('/versions/{number}/export'), path: (f) => at(f, '/versions/1/export?format=md'), allowed: ALL_MEMBERS, success: 200 },
    { method: 'POST', template: template('/versions/{number}/read'), path: (f) => at(f, '/versions/1/read'), allowed: ALL_MEMBERS, success: 204 },
    { method: 'POST', template: template('/versions/{number}/questions'), path: (f) => at(f, '/versions/1/questions'), body: { body: 'Asked on the walk.' }, allowed: ['provider'], success: 201 },
    { method: 'POST', template: template('/versions/{number}/withdraw'), path: (f) => at(f, '/versions/2/withdraw'), body: { reason: 'Withdrawn on the walk.' }, allowed: COMMISSIONER, success: 200 },
    { method: 'GET', template: template('/reading'), path: (f) => at(f, '/reading'), allowed: ALL_MEMBERS, success: 200 },
    { method: 'GET', template: template('/questions'), path: (f) => at(f, '/questions'), allowed: ALL_MEMBERS, success: 200 },
    { method: 'POST', template: '/api/workspaces/{workspaceId}/questions/{questionId}/answer', path: (f) => `/api/workspaces/${f.workspace}/questions/${f.question}/answer`, body: { answer: 'Answered on the walk.' }, allowed: COMMISSIONER, success: 200 },
  ];
}

// prettier-ignore
const ROUTES: Route[] = [
  { method: 'GET', template: '/health', path: () => '/health', allowed: 'everyone', success: 200 },
  // Public, so everyone gets past access; an empty body then fails validation.
  { method: 'POST', template: '/api/session', path: () => '/api/session', body: {}, allowed: 'everyone', success: 400 },
  { method: 'GET', template: '/api/session', path: () => '/api/session', allowed: [...ROLES, 'non-member'], success: 200 },
  { method: 'GET', template: '/api/workspaces', path: () => '/api/workspaces', allowed: [...ROLES, 'non-member'], success: 200 },
  { method: 'POST', template: '/api/workspaces', path: () => '/api/workspaces', body: { name: 'Access walk', serviceArea: 'Walks', leadOrganisation: 'Walkers ICB' }, allowed: [...ROLES, 'non-member'], success: 201 },
  { method: 'GET', template: '/api/workspaces/{workspaceId}', path: (f) => `/api/workspaces/${f.workspace}`, allowed: ALL_MEMBERS, success: 200 },
  { method: 'PATCH', template: '/api/workspaces/{workspaceId}', path: (f) => `/api/workspaces/${f.workspace}`, body: { name: 'Key worker service for children and young people', serviceArea: 'Children and young people', leadOrganisation: 'North Riverside Integrated Care Board' }, allowed: COMMISSIONER, success: 200 },
  // Archived, then restored at once: every other row uses the same workspace.
  { method: 'POST', template: '/api/workspaces/{workspaceId}/archive', path: (f) => `/api/workspaces/${f.workspace}/archive`, allowed: COMMISSIONER, success: 200 },
  { method: 'DELETE', template: '/api/workspaces/{workspaceId}/archive', path: (f) => `/api/workspaces/${f.workspace}/archive`, allowed: COMMISSIONER, success: 200 },
  { method: 'GET', template: '/api/workspaces/{workspaceId}/members', path: (f) => `/api/workspaces/${f.workspace}/members`, allowed: ['commissioner', 'steering-member', 'expert-by-experience', 'engagement-lead', 'observer'], success: 200 },
  { method: 'PATCH', template: '/api/workspaces/{workspaceId}/members/{userId}', path: (f) => `/api/workspaces/${f.workspace}/members/${f.observerId}`, body: { role: 'observer' }, allowed: COMMISSIONER, success: 200 },
  { method: 'DELETE', template: '/api/workspaces/{workspaceId}/members/{userId}', path: (f) => `/api/workspaces/${f.workspace}/members/${f.nobody}`, allowed: COMMISSIONER, success: 404 },
  { method: 'POST', template: '/api/workspaces/{workspaceId}/members/{userId}/password-reset', path: (f) => `/api/workspaces/${f.workspace}/members/${f.observerId}/password-reset`, allowed: COMMISSIONER, success: 201 },
  // Forgotten passwords are public: everyone gets past access to validation or the link check.
  { method: 'POST', template: '/api/password-resets', path: () => '/api/password-resets', body: {}, allowed: 'everyone', success: 400 },
  { method: 'GET', template: '/api/password-resets/{token}', path: () => `/api/password-resets/${'A'.repeat(43)}`, allowed: 'everyone', success: 404 },
  { method: 'POST', template: '/api/password-resets/{token}', path: () => `/api/password-resets/${'A'.repeat(43)}`, body: { password: 'a long enough password' }, allowed: 'everyone', success: 404 },
  { method: 'POST', template: '/api/workspaces/{workspaceId}/invitations', path: (f) => `/api/workspaces/${f.workspace}/invitations`, body: { role: 'observer' }, allowed: COMMISSIONER, success: 201 },
  { method: 'GET', template: '/api/workspaces/{workspaceId}/invitations', path: (f) => `/api/workspaces/${f.workspace}/invitations`, allowed: COMMISSIONER, success: 200 },
  { method: 'DELETE', template: '/api/workspaces/{workspaceId}/invitations/{invitationId}', path: (f) => `/api/workspaces/${f.workspace}/invitations/${f.nobody}`, allowed: COMMISSIONER, success: 404 },
  { method: 'GET', template: '/api/workspaces/{workspaceId}/specifications', path: (f) => `/api/workspaces/${f.workspace}/specifications`, allowed: ALL_MEMBERS, success: 200 },
  { method: 'POST', template: '/api/workspaces/{workspaceId}/specifications', path: (f) => `/api/workspaces/${f.workspace}/specifications`, body: { title: 'Access walk' }, allowed: ['commissioner', 'steering-member'], success: 201 },
  // A draft does not exist for a provider.
  { method: 'GET', template: '/api/workspaces/{workspaceId}/specifications/{specificationId}', path: (f) => `/api/workspaces/${f.workspace}/specifications/${f.unpublished}`, allowed: ['commissioner', 'steering-member', 'expert-by-experience', 'engagement-lead', 'observer'], success: 200, otherwise: { provider: 404 } },
  { method: 'PATCH', template: '/api/workspaces/{workspaceId}/specifications/{specificationId}', path: (f) => `/api/workspaces/${f.workspace}/specifications/${f.unpublished}`, body: { title: 'Renamed on the access walk' }, allowed: COMMISSIONER, success: 200 },
  // Archived, then restored at once: the rows after it use the same specification.
  { method: 'POST', template: '/api/workspaces/{workspaceId}/specifications/{specificationId}/archive', path: (f) => `/api/workspaces/${f.workspace}/specifications/${f.published}/archive`, allowed: COMMISSIONER, success: 200 },
  { method: 'DELETE', template: '/api/workspaces/{workspaceId}/specifications/{specificationId}/archive', path: (f) => `/api/workspaces/${f.workspace}/specifications/${f.published}/archive`, allowed: COMMISSIONER, success: 200 },
  { method: 'DELETE', template: '/api/workspaces/{workspaceId}/specifications/{specificationId}', path: (f) => `/api/workspaces/${f.workspace}/specifications/${f.nobody}`, allowed: COMMISSIONER, success: 404 },
  { method: 'GET', template: '/api/workspaces/{workspaceId}/audit', path: (f) => `/api/workspaces/${f.workspace}/audit`, allowed: COMMISSIONER, success: 200 },
  { method: 'GET', template: '/api/invitations/{token}', path: () => `/api/invitations/${'A'.repeat(43)}`, allowed: 'everyone', success: 404 },
  { method: 'POST', template: '/api/invitations/{token}/accept', path: () => `/api/invitations/${'A'.repeat(43)}/accept`, body: {}, allowed: 'everyone', success: 404 },
  // The emailed link that confirms an invited address: public, past access to the link check.
  { method: 'GET', template: '/api/invitation-confirmations/{token}', path: () => `/api/invitation-confirmations/${'A'.repeat(43)}`, allowed: 'everyone', success: 404 },
  { method: 'POST', template: '/api/invitation-confirmations/{token}', path: () => `/api/invitation-confirmations/${'A'.repeat(43)}`, allowed: 'everyone', success: 404 },
  { method: 'GET', template: '/api/setup', path: () => '/api/setup', allowed: 'everyone', success: 200 },
  { method: 'POST', template: '/api/setup', path: () => '/api/setup', body: {}, allowed: 'everyone', success: 400 },
  // The draft as a file: a provider gets 404 as for the draft itself.
  { method: 'GET', template: '/api/workspaces/{workspaceId}/specifications/{specificationId}/export', path: (f) => `/api/workspaces/${f.workspace}/specifications/${f.unpublished}/export?format=md`, allowed: DRAFT_READERS, success: 200, otherwise: { provider: 404 } },
  // Published versions: for every member; publishing, withdrawing and answering are the commissioners'.
  ...versionRoutes(),
  // The draft's history is the draft's: a provider gets 404 as for the draft itself.
  { method: 'POST', template: '/api/workspaces/{workspaceId}/specifications/{specificationId}/checkpoints', path: (f) => `/api/workspaces/${f.workspace}/specifications/${f.unpublished}/checkpoints`, body: { name: 'Walk checkpoint' }, allowed: EDITORS, success: 201 },
  { method: 'GET', template: '/api/workspaces/{workspaceId}/specifications/{specificationId}/history', path: (f) => `/api/workspaces/${f.workspace}/specifications/${f.unpublished}/history`, allowed: DRAFT_READERS, success: 200, otherwise: { provider: 404 } },
  { method: 'POST', template: '/api/workspaces/{workspaceId}/specifications/{specificationId}/restore', path: (f) => `/api/workspaces/${f.workspace}/specifications/${f.unpublished}/restore`, body: (f: Fixture) => ({ checkpointId: f.checkpoint }), allowed: EDITORS, success: 200 },
  { method: 'GET', template: '/api/workspaces/{workspaceId}/specifications/{specificationId}/compare', path: (f) => `/api/workspaces/${f.workspace}/specifications/${f.published}/compare?from=version:1&to=draft`, allowed: DRAFT_READERS, success: 200, otherwise: { provider: 404 } },
  { method: 'GET', template: '/api/mail', path: () => '/api/mail', allowed: [...ROLES, 'non-member'], success: 200 },
  { method: 'GET', template: '/api/notices', path: () => '/api/notices', allowed: [...ROLES, 'non-member'], success: 200 },
  { method: 'POST', template: '/api/notices/read', path: () => '/api/notices/read', allowed: [...ROLES, 'non-member'], success: 204 },
  // Comment threads: part of the draft, so a provider gets 404 as for the draft itself.
  { method: 'GET', template: '/api/workspaces/{workspaceId}/specifications/{specificationId}/threads', path: (f) => `/api/workspaces/${f.workspace}/specifications/${f.draft}/threads`, allowed: DRAFT_READERS, success: 200, otherwise: { provider: 404 } },
  { method: 'POST', template: '/api/workspaces/{workspaceId}/specifications/{specificationId}/threads', path: (f) => `/api/workspaces/${f.workspace}/specifications/${f.draft}/threads`, body: (f: Fixture) => f.newThread, allowed: COMMENTERS, success: 201, otherwise: { provider: 404 } },
  ...threadRoutes('/api/workspaces/{workspaceId}/threads/{threadId}', (f) => `/api/workspaces/${f.workspace}/threads/${f.thread.id}`, (f) => f.thread.comment),
  ...threadRoutes('/api/workspaces/{workspaceId}/specifications/{specificationId}/threads/{threadId}', (f) => `/api/workspaces/${f.workspace}/specifications/${f.draft}/threads/${f.threadUnderSpecification.id}`, (f) => f.threadUnderSpecification.comment),
  { method: 'GET', template: '/api/inbox', path: () => '/api/inbox', allowed: [...ROLES, 'non-member'], success: 200 },
  // Your account: everyone signed in has one (empty bodies get past access to validation); the
  // emailed link that confirms a new address is public. The audit log's filter options are the
  // commissioners', as the log is.
  { method: 'GET', template: '/api/account', path: () => '/api/account', allowed: [...ROLES, 'non-member'], success: 200 },
  { method: 'PATCH', template: '/api/account', path: () => '/api/account', body: { name: 'Walked the access table' }, allowed: [...ROLES, 'non-member'], success: 200 },
  { method: 'POST', template: '/api/account/email', path: () => '/api/account/email', body: {}, allowed: [...ROLES, 'non-member'], success: 400 },
  { method: 'GET', template: '/api/account/email-confirmations/{token}', path: () => `/api/account/email-confirmations/${'A'.repeat(43)}`, allowed: 'everyone', success: 404 },
  { method: 'POST', template: '/api/account/email-confirmations/{token}', path: () => `/api/account/email-confirmations/${'A'.repeat(43)}`, allowed: 'everyone', success: 404 },
  { method: 'POST', template: '/api/account/password', path: () => '/api/account/password', body: {}, allowed: [...ROLES, 'non-member'], success: 400 },
  { method: 'GET', template: '/api/account/sessions', path: () => '/api/account/sessions', allowed: [...ROLES, 'non-member'], success: 200 },
  { method: 'DELETE', template: '/api/account/sessions/{sessionId}', path: (f) => `/api/account/sessions/${f.nobody}`, allowed: [...ROLES, 'non-member'], success: 404 },
  { method: 'DELETE', template: '/api/account/sessions', path: () => '/api/account/sessions', allowed: [...ROLES, 'non-member'], success: 200 },
  { method: 'GET', template: '/api/account/events', path: () => '/api/account/events', allowed: [...ROLES, 'non-member'], success: 200 },
  { method: 'GET', template: '/api/workspaces/{workspaceId}/audit/filter-options', path: (f) => `/api/workspaces/${f.workspace}/audit/filter-options`, allowed: COMMISSIONER, success: 200 },
  ...engagementRoutes(),
  ...roundRoutes(),
];

/** Walked in session.test.ts instead: signing out here would end the tokens this walk uses. */
const WALKED_ELSEWHERE = ['DELETE /api/session'];

function expectedStatus(route: Route, caller: Caller): number {
  const allowed = route.allowed === 'everyone' || route.allowed.includes(caller);
  if (allowed) return route.success;
  if (caller === 'anonymous') return 401;
  if (caller === 'non-member') return route.template.includes('/api/workspaces/') ? 404 : 403;
  return route.otherwise?.[caller] ?? 403;
}

let app: RunningApp;
let fixture: Fixture;
const tokens = {} as Record<Caller, string | undefined>;

beforeAll(async () => {
  app = await startApp();
  for (const role of ROLES) tokens[role] = await signIn(app.url, DEMO_EMAIL[role]);
  const commissioner = tokens.commissioner!;
  const [workspace] = (
    await api<WorkspaceSummary[]>(app.url, 'GET', '/api/workspaces', { token: commissioner })
  ).body;
  const specifications = await api<SpecificationSummary[]>(
    app.url,
    'GET',
    `/api/workspaces/${workspace!.id}/specifications`,
    { token: commissioner },
  );
  const members = await api<MemberSummary[]>(
    app.url,
    'GET',
    `/api/workspaces/${workspace!.id}/members`,
    {
      token: commissioner,
    },
  );
  // Its own draft and published specification: the demo's may be published already.
  const created = async (title: string) =>
    (
      await api<SpecificationSummary>(
        app.url,
        'POST',
        `/api/workspaces/${workspace!.id}/specifications`,
        { token: commissioner, body: { title } },
      )
    ).body.id;
  // The demo's specification holds the words threads are started on; a new one is a draft
  // for certain (the demo's may have been published), for what a provider must not reach.
  const draft = specifications.body[0]!.id;
  const unpublished = await created('Draft for the access walk');
  const published = await created('Published for the access walk');
  const base = `/api/workspaces/${workspace!.id}/specifications/${published}`;
  for (const name of ['For the walk', 'To be withdrawn']) {
    await api(app.url, 'POST', `${base}/versions`, {
      token: commissioner,
      body: { name, notes: '' },
    });
  }
  const question = await api<{ id: string }>(app.url, 'POST', `${base}/versions/1/questions`, {
    token: tokens.provider,
    body: { body: 'A question from the access walk.' },
  });
  const checkpoint = await api<{ id: string }>(
    app.url,
    'POST',
    `/api/workspaces/${workspace!.id}/specifications/${unpublished}/checkpoints`,
    { token: commissioner, body: { name: 'Access walk' } },
  );
  const steeringThread = async () => {
    const started = await startThread(
      app.url,
      'steering-member',
      workspace!.id,
      draft,
      'key worker',
    );
    return { id: started.id, comment: started.comments[0]!.id };
  };
  const text = await currentText(app.url, commissioner, draft);
  const engagement = `/api/workspaces/${workspace!.id}`;
  const providerId = members.body.find((m) => m.email === DEMO_EMAIL.provider)!.userId;
  const marketEvent = await api<{ id: string }>(
    app.url,
    'POST',
    `${engagement}/engagement-events`,
    {
      token: commissioner,
      body: {
        type: 'market-engagement',
        title: 'Market engagement on the walk',
        startsAt: '2027-05-12T09:30:00Z',
        reach: [{ audience: 'voluntary-sector-providers', count: 4 }],
        providerParticipants: [providerId],
        marketNotice: { purpose: 'To learn on the walk.', howToTakePart: 'Walk in.' },
      },
    },
  );
  const feedback = await api<{ id: string; themeIds: string[] }>(
    app.url,
    'POST',
    `${engagement}/feedback`,
    {
      token: commissioner,
      body: {
        eventId: marketEvent.body.id,
        text: 'Feedback for the walk.',
        audience: 'voluntary-sector-providers',
        themes: ['Theme for the walk'],
        links: [{ specificationId: unpublished }],
      },
    },
  );
  // Rounds on the draft for the walk, with a second provider.
  // A second provider organisation, joined by link and made provider as a commissioner would.
  const second = await joinByLink(app.url, commissioner, workspace!.id, {
    name: 'Sam Patel',
    email: 'sam.patel@vale-autism.example',
  });
  await api(app.url, 'PATCH', `${engagement}/members/${second.user.id}`, {
    token: commissioner,
    body: { role: 'provider', organisation: 'Vale Autism Partnership' },
  });
  const secondProviderId = second.user.id;
  const startRound = async (participantIds: string[]) => {
    const started = await api<{ id: string }>(app.url, 'POST', `${engagement}/engagement-rounds`, {
      token: commissioner,
      body: {
        specificationId: unpublished,
        eventId: marketEvent.body.id,
        title: 'Round for the walk',
        closesAt: new Date(Date.now() + 86_400_000).toISOString(),
        participantIds,
      },
    });
    expect(started.status).toBe(201);
    return started.body.id;
  };
  const round = await startRound([providerId, secondProviderId]);
  const roundWithoutProvider = await startRound([secondProviderId]);
  const roundToClose = await startRound([providerId]);
  const closedRound = await startRound([providerId]);
  await api(app.url, 'POST', `${engagement}/engagement-rounds/${closedRound}/close`, {
    token: commissioner,
  });
  fixture = {
    workspace: workspace!.id,
    round,
    roundWithoutProvider,
    roundToClose,
    closedRound,
    draft,
    thread: await steeringThread(),
    threadUnderSpecification: await steeringThread(),
    newThread: {
      body: 'A thread from the access walk.',
      quote: 'key worker',
      anchor: anchorOnWords(text, 'key worker'),
    },
    observerId: members.body.find((m) => m.role === 'observer')!.userId,
    nobody: 'a'.repeat(24),
    unpublished,
    published,
    question: question.body.id,
    checkpoint: checkpoint.body.id,
    marketEvent: marketEvent.body.id,
    feedback: feedback.body.id,
    theme: feedback.body.themeIds[0]!,
    providerId,
  };
  // A real account that belongs to no workspace: joined by link, then removed.
  const joined = await joinByLink(app.url, commissioner, fixture.workspace, {
    name: 'Former member',
    email: 'former@example.org',
  });
  tokens['non-member'] = joined.token;
  await api(app.url, 'DELETE', `/api/workspaces/${fixture.workspace}/members/${joined.user.id}`, {
    token: commissioner,
  });
});
afterAll(async () => {
  await app?.stop();
});

it('the table covers every route in the OpenAPI description', async () => {
  const document = await api<{ paths: Record<string, Record<string, unknown>> }>(
    app.url,
    'GET',
    '/api/docs-json',
  );
  const documented = Object.entries(document.body.paths).flatMap(([path, methods]) =>
    Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
  );
  const walked = [...ROUTES.map((r) => `${r.method} ${r.template}`), ...WALKED_ELSEWHERE];
  expect([...documented].sort()).toEqual([...walked].sort());
});

describe.each(ROUTES.map((route) => [`${route.method} ${route.template}`, route] as const))(
  '%s',
  (_, route) => {
    it.each(CALLERS)('%s', async (caller) => {
      const response = await api(app.url, route.method, route.path(fixture), {
        token: tokens[caller],
        body:
          typeof route.body === 'function'
            ? (route.body as (f: Fixture) => unknown)(fixture)
            : route.body,
      });
      expect({ caller, status: response.status }).toEqual({
        caller,
        status: expectedStatus(route, caller),
      });
      if (response.status >= 400) {
        expect(response.body).toEqual({
          error: { code: expect.any(String), message: expect.any(String) },
        });
      }
    });
  },
);
