// Hostile and mistaken requests against every route in the OpenAPI document,
// generated from the document itself: wrong JSON types in every body field,
// operator objects (NoSQL injection) in every field and id, prototype keys,
// very long and broken text, malformed JSON, the wrong content types, empty and
// oversized bodies, bad ids in every path parameter (including another
// workspace's), bad query parameters, and bad credentials (garbage and expired
// tokens, a removed member's token, cookie writes without the CSRF header).
// Every one must get a 4xx with `{ error: { code, message } }`, and afterwards
// the database must be exactly as it was.
import type {
  AcceptedInvitation,
  AccountSession,
  Anchor,
  CreatedInvitation,
  MemberSummary,
  SpecificationSummary,
  WorkspaceDetail,
  WorkspaceSummary,
} from '@coproduce/domain';
import { BSON } from 'mongodb';
import { createHash, randomBytes } from 'node:crypto';
import { connect } from 'node:net';
import { openDatabase, startApp, type OpenDatabase, type RunningApp } from '../support/app';
import { anchorOnWords, currentText, startThread } from '../support/comments';
import {
  api,
  DEMO_EMAIL,
  DEMO_PASSWORD,
  rawRequest,
  sessionCookieOf,
  signIn,
  signInAs,
  type ApiResponse,
  type RawRequest,
} from '../support/api';

jest.setTimeout(180_000);

// ---------------------------------------------------------------------------
// What the OpenAPI document tells us about a route

interface Schema {
  $ref?: string;
  type?: string;
  enum?: unknown[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  minimum?: number;
  maximum?: number;
  maxItems?: number;
}

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  schema?: Schema;
}

interface Operation {
  security?: unknown[];
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema: Schema }> };
}

interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
}

interface DocumentedRoute {
  method: string;
  template: string;
  /** Needs a signed-in caller (the document lists a security scheme). */
  secured: boolean;
  pathParameters: string[];
  queryParameters: Parameter[];
  body?: Schema;
}

function describeRoute(document: OpenApiDocument, key: string): DocumentedRoute {
  const [method, template] = key.split(' ') as [string, string];
  const operation = document.paths[template]?.[method.toLowerCase()];
  if (!operation) throw new Error(`${key} is not in the OpenAPI document`);
  const resolve = (schema: Schema): Schema =>
    schema.$ref ? document.components.schemas[schema.$ref.split('/').pop()!]! : schema;
  const bodySchema = operation.requestBody?.content['application/json']?.schema;
  return {
    method,
    template,
    secured: (operation.security?.length ?? 0) > 0,
    pathParameters: [...template.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!),
    queryParameters: (operation.parameters ?? []).filter((p) => p.in === 'query'),
    body: bodySchema ? resolve(bodySchema) : undefined,
  };
}

// ---------------------------------------------------------------------------
// The world the hostile requests are sent into

interface Fixture {
  /** The demo workspace, where the caller is the commissioner. */
  home: string;
  /** A valid value for each path parameter, in the caller's workspace. */
  ids: Record<string, string>;
  /** The same kind of thing, but in a workspace the caller does not belong to. */
  foreign: Record<string, string>;
  /** The demo commissioner's bearer token, and a separate cookie session. */
  commissioner: string;
  cookie: string;
  /** A session whose expiry has passed (aged in the database). */
  expiredSession: string;
  /** A token of someone who was removed from the demo workspace. */
  removedMember: string;
  /** A pending invitation's token whose expiry has passed. */
  expiredInvitation: string;
  /** An invitation to the demo workspace that was used (by the removed member). */
  usedInvitation: { id: string; token: string };
  /**
   * Links to confirm an address for the pending invitation, as if emailed (this app sends
   * none, so they are put in the store): one that works, one past its expiry.
   */
  confirmation: string;
  expiredConfirmation: string;
  /** A link to confirm a new address for the commissioner, as if emailed (stored, not sent). */
  emailConfirmation: string;
  /** The session the commissioner's bearer token is: theirs to sign out of, not to end here. */
  commissionerSessionId: string;
  /** The demo commissioner's user id: the workspace's only commissioner. */
  commissionerId: string;
  observer: string;
  /** An anchor on real words of the demo draft, for starting a thread. */
  anchor: Anchor;
  /** The demo draft, the demo provider's user id, and a second theme to merge into. */
  draft: string;
  providerId: string;
  otherThemeId: string;
  /** Market engagement rounds on the draft: one closed (`ids.roundId` is open). */
  closedRoundId: string;
  /** An engagement event that is not a market engagement event. */
  dropInId: string;
}

/**
 * Long text the walk sends to every text field, that a comment may hold (it may be
 * 10,000 characters, MAX_COMMENT_LENGTH): not hostile there.
 */
// Release notes may be empty, and as long as a page of them.
const ANY_NOTES = [
  'notes: empty text',
  'notes: only spaces',
  'notes: 10,000 characters',
  'notes: an email that grows past 254 characters in lower case',
];
const LONG_COMMENT = [
  'body: 10,000 characters',
  'body: an email that grows past 254 characters in lower case',
];
// Optional text that may be empty (spaces are trimmed away), and as long as a page of notes.
const ANY_TEXT = (field: string) => [
  `${field}: empty text`,
  `${field}: only spaces`,
  `${field}: 10,000 characters`,
  `${field}: an email that grows past 254 characters in lower case`,
];
// An engagement event, with every field a market engagement event has.
const ENGAGEMENT_EVENT = () => ({
  type: 'market-engagement',
  title: 'Hostile walk',
  startsAt: '2027-05-12T09:30:00Z',
  endsAt: '2027-05-12T12:30:00Z',
  place: 'Riverside Civic Centre',
  online: true,
  facilitators: ['Sam Patel'],
  partnerOrganisations: ['Vale Youth Trust'],
  notes: 'Notes.',
  accessibilityNotes: 'Step-free.',
  safeguardingNotes: 'Two staff.',
  reach: [
    { audience: 'children-and-young-people', ageBand: '11-15', count: 3 },
    { audience: 'statutory-providers', count: 2 },
  ],
  tookPart: 6,
  attendingOrganisations: ['Riverside Care Ltd'],
  providerParticipants: [fixture.providerId],
  marketNotice: { purpose: 'To learn.', howToTakePart: 'Register.' },
});
// Empty lists, empty place, a switch, a notice with nothing written yet, and long notes are all fine.
const ANY_EVENT_FIELDS = [
  'place: empty text',
  'place: only spaces',
  'online: true',
  'facilitators: an empty list',
  'partnerOrganisations: an empty list',
  'attendingOrganisations: an empty list',
  'providerParticipants: an empty list',
  'reach: an empty list',
  'marketNotice: an empty object',
  ...ANY_TEXT('notes'),
  ...ANY_TEXT('accessibilityNotes'),
  ...ANY_TEXT('safeguardingNotes'),
];
// Feedback may be as long as a page, with no themes and no links, in the person's own words.
const ANY_FEEDBACK_FIELDS = [
  // "0-4" in capitals is "0-4".
  'ageBand: a listed value in capitals',
  'text: 10,000 characters',
  'text: an email that grows past 254 characters in lower case',
  'verbatim: true',
  'themes: an empty list',
  'links: an empty list',
];
const FEEDBACK_LINK = () => [
  { specificationId: fixture.draft, anchor: fixture.anchor, quote: 'key worker' },
];
// Any words may be searched for; only their length is limited.
const ANY_SEARCH = [
  'text',
  'empty',
  'below the minimum',
  'above the maximum',
  'a fraction',
  'hexadecimal',
  'an exponent',
].map((what) => `query search: ${what}`);

/**
 * Every route in the OpenAPI document, each with a valid body where it takes
 * one: hostile variants change one thing about a request that would otherwise
 * succeed, so what refuses them is the thing that was changed (a route with a
 * required query gives it as `validQuery`).
 */
// prettier-ignore
const ROUTES: Record<string, { validBody?: () => Record<string, unknown>; validQuery?: string; accepts?: string[]; ids?: () => Record<string, string> }> = {
  'GET /health': {},
  'POST /api/session': { validBody: () => ({ email: DEMO_EMAIL.observer, password: DEMO_PASSWORD }) },
  'GET /api/session': {},
  'DELETE /api/session': {},
  'GET /api/workspaces': {},
  'POST /api/workspaces': { validBody: () => ({ name: 'Hostile walk', serviceArea: 'Walks', leadOrganisation: 'Walkers ICB', partnerOrganisations: ['Walkers council'] }) },
  'GET /api/workspaces/{workspaceId}': {},
  'PATCH /api/workspaces/{workspaceId}': { validBody: () => ({ name: 'Hostile walk', serviceArea: 'Walks', leadOrganisation: 'Walkers ICB', partnerOrganisations: ['Walkers council'] }) },
  'POST /api/workspaces/{workspaceId}/archive': {},
  'DELETE /api/workspaces/{workspaceId}/archive': {},
  'GET /api/workspaces/{workspaceId}/members': {},
  'PATCH /api/workspaces/{workspaceId}/members/{userId}': { validBody: () => ({ role: 'engagement-lead', organisation: 'Riverside City Council' }) },
  'DELETE /api/workspaces/{workspaceId}/members/{userId}': {},
  'POST /api/workspaces/{workspaceId}/invitations': { validBody: () => ({ email: 'invitee@example.org', role: 'observer', organisation: 'Riverside Parent Carer Forum', expiresInDays: 7 }) },
  'GET /api/workspaces/{workspaceId}/invitations': {},
  'DELETE /api/workspaces/{workspaceId}/invitations/{invitationId}': {},
  'POST /api/workspaces/{workspaceId}/members/{userId}/password-reset': {},
  'POST /api/password-resets': { validBody: () => ({ email: DEMO_EMAIL.observer }) },
  'GET /api/password-resets/{token}': {},
  'POST /api/password-resets/{token}': { validBody: () => ({ password: 'a long enough password' }) },
  'POST /api/workspaces/{workspaceId}/specifications/{specificationId}/versions': { validBody: () => ({ name: 'Hostile walk', notes: '', clarificationDeadline: '2099-01-29', submissionDeadline: '2099-02-26' }), accepts: ANY_NOTES },
  'GET /api/workspaces/{workspaceId}/specifications/{specificationId}/versions': {},
  'GET /api/workspaces/{workspaceId}/specifications/{specificationId}/versions/{number}': {},
  'POST /api/workspaces/{workspaceId}/specifications/{specificationId}/versions/{number}/withdraw': { validBody: () => ({ reason: 'Hostile walk.' }), accepts: ['reason: an email that grows past 254 characters in lower case'] },
  'GET /api/workspaces/{workspaceId}/specifications/{specificationId}/versions/{number}/export': { validQuery: 'format=md' },
  'POST /api/workspaces/{workspaceId}/specifications/{specificationId}/versions/{number}/read': {},
  'POST /api/workspaces/{workspaceId}/specifications/{specificationId}/versions/{number}/questions': { validBody: () => ({ body: 'Hostile?', sectionId: 'none' }) },
  'POST /api/workspaces/{workspaceId}/specifications/{specificationId}/checkpoints': { validBody: () => ({ name: 'Hostile walk' }) },
  'GET /api/workspaces/{workspaceId}/specifications/{specificationId}/history': {},
  'POST /api/workspaces/{workspaceId}/specifications/{specificationId}/restore': { validBody: () => ({ checkpointId: fixture.ids['checkpointId'] }) },
  'GET /api/workspaces/{workspaceId}/specifications/{specificationId}/compare': { validQuery: 'from=version:1&to=draft' },
  'GET /api/workspaces/{workspaceId}/specifications/{specificationId}/reading': {},
  'GET /api/workspaces/{workspaceId}/specifications/{specificationId}/questions': {},
  'POST /api/workspaces/{workspaceId}/questions/{questionId}/answer': { validBody: () => ({ answer: 'An answer.' }), accepts: ['answer: 10,000 characters', 'answer: an email that grows past 254 characters in lower case'] },
  'GET /api/notices': {},
  'GET /api/mail': {},
  'POST /api/notices/read': {},
  'GET /api/invitations/{token}': {},
  'POST /api/invitations/{token}/accept': { validBody: () => ({ name: 'Sam Taylor', email: 'sam.taylor@example.org', password: 'a long enough password' }) },
  'GET /api/invitation-confirmations/{token}': { ids: () => ({ token: fixture.confirmation }) },
  'POST /api/invitation-confirmations/{token}': { ids: () => ({ token: fixture.confirmation }) },
  'GET /api/workspaces/{workspaceId}/specifications': {},
  'POST /api/workspaces/{workspaceId}/specifications': { validBody: () => ({ title: 'Hostile walk' }) },
  'GET /api/workspaces/{workspaceId}/specifications/{specificationId}': {},
  'PATCH /api/workspaces/{workspaceId}/specifications/{specificationId}': { validBody: () => ({ title: 'Hostile walk' }) },
  'POST /api/workspaces/{workspaceId}/specifications/{specificationId}/archive': {},
  'DELETE /api/workspaces/{workspaceId}/specifications/{specificationId}/archive': {},
  'DELETE /api/workspaces/{workspaceId}/specifications/{specificationId}': {},
  'GET /api/workspaces/{workspaceId}/specifications/{specificationId}/export': { validQuery: 'format=md' },
  'GET /api/workspaces/{workspaceId}/audit': {},
  'GET /api/setup': {},
  'POST /api/setup': { validBody: () => ({ code: 'ACDE-FGHJ-KMNP', name: 'Priya Shah', email: 'priya.shah@example.org', password: 'three random words', workspaceName: 'Hostile walk', serviceArea: 'Walks', leadOrganisation: 'Walkers ICB' }) },
  'GET /api/workspaces/{workspaceId}/specifications/{specificationId}/threads': {},
  'POST /api/workspaces/{workspaceId}/specifications/{specificationId}/threads': { validBody: () => ({ body: 'What does this mean?', quote: 'key worker', anchor: fixture.anchor, mentions: [fixture.ids['userId']] }), accepts: LONG_COMMENT },
  'GET /api/inbox': {},
  'POST /api/workspaces/{workspaceId}/threads/{threadId}/comments': { validBody: () => ({ body: 'A reply.', mentions: [fixture.ids['userId']] }), accepts: LONG_COMMENT },
  'PATCH /api/workspaces/{workspaceId}/threads/{threadId}': { validBody: () => ({ status: 'resolved' }) },
  'PATCH /api/workspaces/{workspaceId}/threads/{threadId}/comments/{commentId}': { validBody: () => ({ body: 'Edited.', mentions: [] }), accepts: LONG_COMMENT },
  'DELETE /api/workspaces/{workspaceId}/threads/{threadId}/comments/{commentId}': {},
  'POST /api/workspaces/{workspaceId}/threads/{threadId}/read': {},
  'POST /api/workspaces/{workspaceId}/specifications/{specificationId}/threads/{threadId}/comments': { validBody: () => ({ body: 'A reply.', mentions: [fixture.ids['userId']] }), accepts: LONG_COMMENT },
  'PATCH /api/workspaces/{workspaceId}/specifications/{specificationId}/threads/{threadId}': { validBody: () => ({ status: 'resolved' }) },
  'PATCH /api/workspaces/{workspaceId}/specifications/{specificationId}/threads/{threadId}/comments/{commentId}': { validBody: () => ({ body: 'Edited.', mentions: [] }), accepts: LONG_COMMENT },
  'DELETE /api/workspaces/{workspaceId}/specifications/{specificationId}/threads/{threadId}/comments/{commentId}': {},
  'POST /api/workspaces/{workspaceId}/specifications/{specificationId}/threads/{threadId}/read': {},
  // Your account, and the audit log's filter options (issue 16).
  'GET /api/account': {},
  'PATCH /api/account': { validBody: () => ({ name: 'Priya Shah' }) },
  'POST /api/account/email': { validBody: () => ({ email: 'priya.new@example.org', password: DEMO_PASSWORD }) },
  'GET /api/account/email-confirmations/{token}': { ids: () => ({ token: fixture.emailConfirmation }) },
  'POST /api/account/email-confirmations/{token}': { ids: () => ({ token: fixture.emailConfirmation }) },
  'POST /api/account/password': { validBody: () => ({ currentPassword: DEMO_PASSWORD, newPassword: 'a long enough password' }) },
  'GET /api/account/sessions': {},
  'DELETE /api/account/sessions': {},
  'DELETE /api/account/sessions/{sessionId}': {},
  'GET /api/account/events': {},
  'GET /api/workspaces/{workspaceId}/audit/filter-options': {},
  'GET /api/workspaces/{workspaceId}/engagement-events': {},
  'POST /api/workspaces/{workspaceId}/engagement-events': { validBody: ENGAGEMENT_EVENT, accepts: ANY_EVENT_FIELDS },
  'GET /api/workspaces/{workspaceId}/engagement-events/{eventId}': {},
  'PATCH /api/workspaces/{workspaceId}/engagement-events/{eventId}': { validBody: ENGAGEMENT_EVENT, accepts: ANY_EVENT_FIELDS },
  'DELETE /api/workspaces/{workspaceId}/engagement-events/{eventId}': {},
  'GET /api/workspaces/{workspaceId}/engagement-events/{eventId}/market-notice': { validQuery: 'format=md' },
  'GET /api/workspaces/{workspaceId}/feedback': { accepts: ANY_SEARCH },
  'POST /api/workspaces/{workspaceId}/feedback/import': {},
  'GET /api/workspaces/{workspaceId}/engagement/export': { validQuery: 'data=events' },
  'GET /api/workspaces/{workspaceId}/feedback/import-columns': {},
  'PUT /api/workspaces/{workspaceId}/feedback/import-columns': { validBody: () => ({ columns: [{ field: 'text', header: 'Comment' }] }) },
  'POST /api/workspaces/{workspaceId}/engagement-events/{eventId}/reach/import': {},
  'GET /api/workspaces/{workspaceId}/engagement/reach-import-columns': {},
  'PUT /api/workspaces/{workspaceId}/engagement/reach-import-columns': { validBody: () => ({ columns: [{ field: 'count', header: 'How many came' }] }) },
  'POST /api/workspaces/{workspaceId}/feedback': { validBody: () => ({ eventId: fixture.ids['eventId'], source: 'Email to the commissioner', text: 'Hostile?', verbatim: false, audience: 'children-and-young-people', ageBand: '11-15', themes: ['Hostile walk'], links: FEEDBACK_LINK(), clientId: 'hostile-walk-0001' }), accepts: [...ANY_FEEDBACK_FIELDS, 'source: empty text', 'source: only spaces'] },
  'GET /api/workspaces/{workspaceId}/feedback/{feedbackId}': {},
  'PATCH /api/workspaces/{workspaceId}/feedback/{feedbackId}': { validBody: () => ({ status: 'not-taken-forward', reason: 'Out of budget.', text: 'Hostile?', verbatim: false, audience: 'children-and-young-people', ageBand: '11-15', themes: ['Hostile walk'], links: FEEDBACK_LINK() }), accepts: [...ANY_FEEDBACK_FIELDS, 'reason: an email that grows past 254 characters in lower case'] },
  'DELETE /api/workspaces/{workspaceId}/feedback/{feedbackId}': {},
  'GET /api/workspaces/{workspaceId}/feedback-themes': {},
  'POST /api/workspaces/{workspaceId}/feedback-themes': { validBody: () => ({ name: 'Hostile walk' }) },
  'PATCH /api/workspaces/{workspaceId}/feedback-themes/{themeId}': { validBody: () => ({ name: 'Hostile walk' }) },
  'POST /api/workspaces/{workspaceId}/feedback-themes/{themeId}/merge': { validBody: () => ({ intoThemeId: fixture.otherThemeId }) },
  'GET /api/workspaces/{workspaceId}/engagement/cohort': {},
  'PUT /api/workspaces/{workspaceId}/engagement/cohort': { validBody: () => ({ groups: [{ audience: 'children-and-young-people', ageBand: '11-15', count: 200 }] }), accepts: ['groups: an empty list'] },
  'GET /api/workspaces/{workspaceId}/engagement/report': {},
  'GET /api/workspaces/{workspaceId}/specifications/{specificationId}/feedback': {},
  'GET /api/workspaces/{workspaceId}/specifications/{specificationId}/you-said-we-did': {},
  // Market engagement rounds (issue 15). Rounds open and close far ahead, so none closes by
  // itself during the walk; a change's key that names nothing gets a 404 from a valid request.
  'GET /api/workspaces/{workspaceId}/engagement-rounds': {},
  'POST /api/workspaces/{workspaceId}/engagement-rounds': { validBody: () => ({ specificationId: fixture.draft, eventId: fixture.ids['eventId'], title: 'Hostile walk', opensAt: '2099-01-04T09:00:00Z', closesAt: '2099-02-04T17:00:00Z', participantIds: [fixture.providerId], namesShown: false }), accepts: ['namesShown: true'] },
  'GET /api/workspaces/{workspaceId}/engagement-rounds/{roundId}': {},
  'PATCH /api/workspaces/{workspaceId}/engagement-rounds/{roundId}': { validBody: () => ({ title: 'Hostile walk', closesAt: '2099-03-04T17:00:00Z', namesShown: false, participantIds: [fixture.providerId] }), accepts: ['namesShown: true'] },
  'POST /api/workspaces/{workspaceId}/engagement-rounds/{roundId}/close': {},
  'GET /api/workspaces/{workspaceId}/engagement-rounds/{roundId}/changes': { ids: () => ({ roundId: fixture.closedRoundId }) },
  'POST /api/workspaces/{workspaceId}/engagement-rounds/{roundId}/changes/{key}/take': { ids: () => ({ roundId: fixture.closedRoundId }) },
  'POST /api/workspaces/{workspaceId}/engagement-rounds/{roundId}/changes/{key}/feedback': { validBody: () => ({ status: 'not-taken-forward', reason: 'Out of scope.', audience: 'voluntary-sector-providers', themes: ['Hostile walk'] }), ids: () => ({ roundId: fixture.closedRoundId }), accepts: ['themes: an empty list', 'reason: 10,000 characters', 'reason: an email that grows past 254 characters in lower case'] },
  // Counting at a drop-in. "0-4" in capitals is "0-4".
  'POST /api/workspaces/{workspaceId}/engagement-events/{eventId}/counts': { validBody: () => ({ changes: [{ clientId: 'hostile-walk-count-0001', audience: 'children-and-young-people', ageBand: '11-15', change: 1 }, { clientId: 'hostile-walk-count-0002', audience: 'parents-and-carers', change: -1 }] }) },
};

// ---------------------------------------------------------------------------
// Generating hostile requests

interface Hostile {
  what: string;
  request: RawRequest;
  /** When the product says exactly what the answer is. */
  status?: number;
  code?: string;
}

interface Shape {
  path: string;
  query: string;
  headers: Record<string, string>;
  /** Serialised body text; undefined for none. */
  body?: string;
}

const CSRF = { 'x-requested-with': 'hostile-input-test' };
const JSON_TYPE = { 'content-type': 'application/json' };
const LONG = 'x'.repeat(10_000);
const HUGE = 'x'.repeat(150 * 1024);
// 254 characters, but "İ" lowers to two: 286 as an email is compared and stored.
const GROWS_WHEN_LOWERED = `${'İ'.repeat(32)}@${['a'.repeat(63), 'b'.repeat(63), 'c'.repeat(63), 'd'.repeat(25), 'org'].join('.')}`;
const deepObject = (levels: number) => `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;

// Values for any id or token in a path, already percent-encoded.
// prettier-ignore
const HOSTILE_PATH_VALUES: Array<[string, string]> = [
  ['a malformed id', 'abc'],
  ['an id one character short', 'a'.repeat(23)],
  ['an id one character long', 'a'.repeat(25)],
  ['24 characters that are not hex', 'z'.repeat(24)],
  ['a well-formed id that names nothing', '0123456789abcdef01234567'],
  ['a well-formed token that names nothing', 'A'.repeat(43)],
  ['an operator object', encodeURIComponent('{"$gt":""}')],
  ['a $where clause', encodeURIComponent('{"$where":"sleep(1000)"}')],
  ['a bracketed operator', encodeURIComponent('[$ne]')],
  ['"$where"', '$where'],
  ['"__proto__"', '__proto__'],
  ['"constructor"', 'constructor'],
  ['"toString"', 'toString'],
  ['5000 characters', 'a'.repeat(5000)],
  ['an emoji', encodeURIComponent('😀')],
  ['an encoded NUL', '%00'],
  ['an encoded lone surrogate', '%ED%A0%80'],
  ['a broken percent escape', '%E0%A4%A'],
  ['an encoded path traversal', '..%2F..%2Fhealth'],
];

// Raw JSON for a field, whatever its type.
// prettier-ignore
const HOSTILE_FOR_ANY_FIELD: Array<[string, string]> = [
  ['an empty object', '{}'],
  ['a $gt operator', '{"$gt":""}'],
  ['a $ne operator', '{"$ne":null}'],
  ['a $where clause', '{"$where":"sleep(1000)"}'],
  ['a $regex operator', '{"$regex":".*"}'],
  ['an object with a __proto__ key', '{"__proto__":{"admin":true}}'],
  ['an object with a constructor key', '{"constructor":{"prototype":{"admin":true}}}'],
  ['an object nested 100 deep', deepObject(100)],
  ['true', 'true'],
];

// prettier-ignore
const HOSTILE_FOR_TEXT: Array<[string, string]> = [
  ['a number', '42'],
  ['an empty list', '[]'],
  ['a list of text', '["x"]'],
  ['empty text', '""'],
  ['only spaces', '"   "'],
  ['10,000 characters', JSON.stringify(LONG)],
  ['a NUL character', '"a\\u0000b"'],
  ['an escape sequence', '"\\u001b[31mred"'],
  ['a lone high surrogate', '"a\\ud800"'],
  ['a lone low surrogate', '"\\udfffb"'],
  ['an email that grows past 254 characters in lower case', JSON.stringify(GROWS_WHEN_LOWERED)],
];

// prettier-ignore
const HOSTILE_FOR_NUMBERS = (schema: Schema): Array<[string, string]> => [
  ['text', '"7"'],
  ['empty text', '""'],
  ['a fraction', '1.5'],
  ['a negative number', '-1'],
  ['a list', '[7]'],
  ['an empty list', '[]'],
  ['1e308', '1e308'],
  ...(schema.minimum !== undefined ? [['below the minimum', String(schema.minimum - 1)] as [string, string]] : []),
  ...(schema.maximum !== undefined ? [['above the maximum', String(schema.maximum + 1)] as [string, string]] : []),
];

// prettier-ignore
const HOSTILE_FOR_LISTS = (schema: Schema): Array<[string, string]> => [
  ['text', '"x"'],
  ['a number', '5'],
  ['an array-like object', '{"0":"x","length":1}'],
  ['a list of numbers', '[5]'],
  ['a list of objects', '[{}]'],
  ['a list holding an operator', '[{"$gt":""}]'],
  ['a list of lists', '[[]]'],
  ['a list holding null', '[null]'],
  ['a list holding empty text', '[""]'],
  ['a list holding spaces', '["   "]'],
  ['a list holding 10,000 characters', JSON.stringify([LONG])],
  ['a list holding a NUL', '["\\u0000"]'],
  ...(schema.maxItems !== undefined ? [['one item too many', JSON.stringify(Array(schema.maxItems + 1).fill('x'))] as [string, string]] : []),
];

function hostileFieldValues(schema: Schema): Array<[string, string]> {
  if (schema.type === 'number' || schema.type === 'integer') {
    return [...HOSTILE_FOR_ANY_FIELD, ...HOSTILE_FOR_NUMBERS(schema)];
  }
  if (schema.type === 'array') return [...HOSTILE_FOR_ANY_FIELD, ...HOSTILE_FOR_LISTS(schema)];
  const text = [...HOSTILE_FOR_ANY_FIELD, ...HOSTILE_FOR_TEXT];
  if (!schema.enum) return text;
  const first = String(schema.enum[0]);
  return [
    ...text,
    ['a value not in the list', '"admin"'],
    ['a listed value in capitals', JSON.stringify(first.toUpperCase())],
    ['a listed value with spaces', JSON.stringify(` ${first} `)],
    ['a listed value with a NUL', JSON.stringify(`${first}\u0000`)],
    ['"__proto__"', '"__proto__"'],
    ['"toString"', '"toString"'],
    ['"hasOwnProperty"', '"hasOwnProperty"'],
  ];
}

/** A JSON object's text with one field set to raw JSON (or left out). */
function withField(body: Record<string, unknown>, field: string, raw?: string): string {
  const rest = Object.entries(body).filter(([key]) => key !== field);
  const parts = rest.map(([key, value]) => `${JSON.stringify(key)}:${JSON.stringify(value)}`);
  if (raw !== undefined) parts.push(`${JSON.stringify(field)}:${raw}`);
  return `{${parts.join(',')}}`;
}

function multipart(body: Record<string, unknown>): { type: string; text: string } {
  const boundary = 'hostile-boundary';
  const parts = Object.entries(body).map(
    ([key, value]) =>
      `--${boundary}\r\nContent-Disposition: form-data; name="${key}"\r\n\r\n${String(value)}\r\n`,
  );
  return {
    type: `multipart/form-data; boundary=${boundary}`,
    text: `${parts.join('')}--${boundary}--\r\n`,
  };
}

function hostileRequestsFor(
  route: DocumentedRoute,
  f: Fixture,
  validBody?: Record<string, unknown>,
  validQuery = '',
) {
  const bearer: Record<string, string> = route.secured
    ? { authorization: `Bearer ${f.commissioner}` }
    : {};
  const base: Shape = {
    path: route.template.replace(/\{(\w+)\}/g, (_, name: string) => f.ids[name]!),
    query: validQuery,
    headers: validBody ? { ...bearer, ...JSON_TYPE } : bearer,
    body: validBody ? JSON.stringify(validBody) : undefined,
  };
  const hostile: Hostile[] = [];
  const add = (
    what: string,
    change: Partial<Shape>,
    expected: Omit<Hostile, 'what' | 'request'> = {},
  ) => {
    const shape = { ...base, ...change };
    hostile.push({
      what,
      request: {
        method: route.method,
        path: `${shape.path}${shape.query ? `?${shape.query}` : ''}`,
        headers: shape.headers,
        body: shape.body,
      },
      ...expected,
    });
  };

  // Path parameters: one at a time, the others left valid.
  for (const name of route.pathParameters) {
    const withParameter = (value: string) =>
      route.template.replace(/\{(\w+)\}/g, (_, other: string) =>
        other === name ? value : f.ids[other]!,
      );
    for (const [what, value] of HOSTILE_PATH_VALUES)
      add(`${name}: ${what}`, { path: withParameter(value) });
    const foreign = f.foreign[name];
    if (foreign)
      add(`${name}: another workspace's`, { path: withParameter(foreign) }, { status: 404 });
  }

  // Query parameters, and query tricks.
  for (const parameter of route.queryParameters) {
    const p = parameter.name;
    const { minimum = 1, maximum = 100 } = parameter.schema ?? {};
    // prettier-ignore
    const values: Array<[string, string]> = [
      ['given twice', `${p}=${minimum}&${p}=${minimum}`],
      ['an operator', `${p}[$gt]=${minimum}`],
      ['text', `${p}=abc`],
      ['empty', `${p}=`],
      ['below the minimum', `${p}=${minimum - 1}`],
      ['above the maximum', `${p}=${maximum + 1}`],
      ['a fraction', `${p}=1.5`],
      ['hexadecimal', `${p}=0x10`],
      ['an exponent', `${p}=1e2`],
      ['a NUL', `${p}=%00`],
      ['400 digits', `${p}=${'9'.repeat(400)}`],
    ];
    for (const [what, query] of values) add(`query ${p}: ${what}`, { query }, { status: 400 });
  }
  if (route.queryParameters.length > 0) {
    add('query: a __proto__ parameter', { query: '__proto__[admin]=1' }, { status: 400 });
    add(
      'query: a constructor parameter',
      { query: 'constructor[prototype][admin]=1' },
      { status: 400 },
    );
    add('query: an unknown parameter', { query: 'unexpected=1' }, { status: 400 });
  }

  // The body: every field, then the body as a whole.
  if (route.body && validBody) {
    const required = new Set(route.body.required ?? []);
    for (const [field, schema] of Object.entries(route.body.properties ?? {})) {
      if (required.has(field)) {
        add(`${field}: missing`, { body: withField(validBody, field) });
        add(`${field}: null`, { body: withField(validBody, field, 'null') });
      }
      for (const [what, raw] of hostileFieldValues(schema)) {
        add(`${field}: ${what}`, { body: withField(validBody, field, raw) });
      }
      add(`${field}: given twice, an operator last`, {
        body: `${JSON.stringify(validBody).slice(0, -1)},${JSON.stringify(field)}:{"$gt":""}}`,
      });
    }
    const valid = JSON.stringify(validBody);
    const extra = (raw: string) => `${valid.slice(0, -1)},${raw}}`;
    // prettier-ignore
    const bodies: Array<[string, string]> = [
      ['an unknown field', extra('"unexpected":"x"')],
      ['an operator as a field', extra('"$where":"sleep(1000)"')],
      ['a dotted field', extra('"a.b":1')],
      ['a __proto__ field', extra('"__proto__":{"admin":true}')],
      ['a constructor field', extra('"constructor":{"prototype":{"admin":true}}')],
      ['a prototype field', extra('"prototype":{"admin":true}')],
      ['a field name with a NUL', extra('"a\\u0000":1')],
      ['an empty object', '{}'],
      ['a list', '[]'],
      ['a list holding the body', `[${valid}]`],
      ['text', '"text"'],
      ['a number', '42'],
      ['true', 'true'],
      ['null', 'null'],
      ['nothing', ''],
      ['an unfinished object', '{'],
      ['an unfinished field', `{${JSON.stringify(Object.keys(validBody)[0])}:`],
      ['single quotes', "{'a':1}"],
      ['unquoted names', '{a:1}'],
      ['a trailing comma', extra('"a":1,')],
      ['trailing text', `${valid}x`],
      ['NaN', '{"a":NaN}'],
      ['lists nested 5000 deep', `${'['.repeat(5000)}${']'.repeat(5000)}`],
      ['objects nested 2000 deep', deepObject(2000)],
    ];
    for (const [what, body] of bodies) add(`body: ${what}`, { body });
    add(
      'body: over the size limit',
      { body: withField(validBody, Object.keys(validBody)[0]!, JSON.stringify(HUGE)) },
      { status: 413, code: 'payload-too-large' },
    );
    add('body: over the size limit and not JSON', { body: `{${HUGE}` }, { status: 413 });

    const withoutType = { ...base.headers };
    delete withoutType['content-type'];
    const form = new URLSearchParams(
      Object.entries(validBody).map(([k, v]) => [k, String(v)]),
    ).toString();
    const parts = multipart(validBody);
    // prettier-ignore
    const types: Array<[string, Record<string, string>, string]> = [
      ['JSON sent as text/plain', { ...withoutType, 'content-type': 'text/plain' }, valid],
      ['a form', { ...withoutType, 'content-type': 'application/x-www-form-urlencoded' }, form],
      ['multipart form data', { ...withoutType, 'content-type': parts.type }, parts.text],
      ['XML', { ...withoutType, 'content-type': 'application/xml' }, '<title>x</title>'],
      ['JSON with no content type', withoutType, valid],
      ['JSON as a patch document', { ...withoutType, 'content-type': 'application/json-patch+json' }, valid],
      ['a huge text/plain body', { ...withoutType, 'content-type': 'text/plain' }, HUGE],
    ];
    for (const [what, headers, body] of types) {
      add(
        `content type: ${what}`,
        { headers, body },
        { status: 415, code: 'unsupported-media-type' },
      );
    }
    add(
      'content type: JSON in a charset that is not UTF-8',
      { headers: { ...withoutType, 'content-type': 'application/json; charset=latin1' } },
      { status: 415 },
    );
  }

  // Credentials.
  const withoutCredentials = { ...base.headers };
  delete withoutCredentials['authorization'];
  // prettier-ignore
  const garbage = ['Bearer', 'Bearer ', `Bearer ${'A'.repeat(43)}`, `Bearer ${'A'.repeat(42)}!`, 'Bearer x y', 'Basic dXNlcjpwYXNz', 'Bearer {"$gt":""}', `Bearer ${'A'.repeat(5000)}`, 'Token abc', `Bearer ${f.expiredSession}`];
  for (const authorization of garbage) {
    const what =
      authorization === `Bearer ${f.expiredSession}`
        ? 'an expired session'
        : JSON.stringify(authorization.slice(0, 60));
    add(
      `authorization: ${what}`,
      { headers: { ...withoutCredentials, authorization } },
      { status: 401, code: 'unauthorized' },
    );
  }
  if (route.secured) {
    add('no credentials', { headers: withoutCredentials }, { status: 401, code: 'unauthorized' });
    // prettier-ignore
    const cookies = ['coproduce_session=garbage', `coproduce_session=${'A'.repeat(43)}`, 'coproduce_session=j%3A%7B%22%24gt%22%3A%22%22%7D', 'coproduce_session=%', `coproduce_session=${f.expiredSession}`, '=;;coproduce_session'];
    for (const cookie of cookies) {
      add(
        `cookie: ${cookie.slice(0, 60)}`,
        { headers: { ...withoutCredentials, ...CSRF, cookie } },
        { status: 401 },
      );
    }
    if (route.pathParameters.includes('workspaceId')) {
      add(
        "a removed member's token",
        { headers: { ...withoutCredentials, authorization: `Bearer ${f.removedMember}` } },
        { status: 404, code: 'not-found' },
      );
    }
  }
  if (route.method !== 'GET') {
    add(
      'a cookie write without X-Requested-With',
      { headers: { ...withoutCredentials, cookie: f.cookie } },
      { status: 403, code: 'csrf' },
    );
    add(
      'a cookie write with a blank X-Requested-With',
      { headers: { ...withoutCredentials, cookie: f.cookie, 'x-requested-with': '   ' } },
      { status: 403, code: 'csrf' },
    );
  }

  // The invitation itself past its date.
  if (route.template === '/api/invitations/{token}/accept') {
    add(
      'an expired invitation',
      { path: `/api/invitations/${f.expiredInvitation}/accept` },
      { status: 410, code: 'invitation-expired' },
    );
  }
  return hostile;
}

// ---------------------------------------------------------------------------
// Sending and judging

/**
 * Sign-in and invitation routes are rate limited per address. Each hostile
 * request comes from its own loopback address, so every one reaches the checks
 * it is aimed at rather than a 429; where the system cannot (only 127.0.0.1
 * configured), a 429 is accepted instead.
 */
let spreadAddresses = false;
let sent = 0;
function nextSourceAddress(): string | undefined {
  if (!spreadAddresses) return undefined;
  sent += 1;
  return `127.${(sent >> 16) & 255}.${(sent >> 8) & 255}.${2 + (sent & 127)}`;
}

async function canSendFrom(url: string, address: string): Promise<boolean> {
  try {
    await rawRequest(url, { method: 'GET', path: '/health', localAddress: address });
    return true;
  } catch {
    return false;
  }
}

function judge(hostile: Hostile, response: ApiResponse): string | undefined {
  const { status } = response;
  if (status < 400 || status > 499)
    return `status ${status}: ${JSON.stringify(response.body)?.slice(0, 300)}`;
  if (status === 429 && spreadAddresses) return 'rate limited before reaching the check';
  if (hostile.status !== undefined && status !== hostile.status && status !== 429) {
    return `status ${status}, expected ${hostile.status}: ${JSON.stringify(response.body)?.slice(0, 300)}`;
  }
  if (!(response.headers.get('content-type') ?? '').includes('application/json')) {
    return `content type ${response.headers.get('content-type')}`;
  }
  const body = response.body as { error?: { code?: unknown; message?: unknown } } | undefined;
  const error = body?.error;
  if (
    !body ||
    Object.keys(body).join() !== 'error' ||
    !error ||
    Object.keys(error).sort().join() !== 'code,message'
  ) {
    return `body is not { error: { code, message } }: ${JSON.stringify(body)?.slice(0, 300)}`;
  }
  if (typeof error.code !== 'string' || !/^[a-z][a-z-]+$/.test(error.code))
    return `code ${String(error.code)}`;
  if (hostile.code !== undefined && error.code !== hostile.code && status !== 429) {
    return `code ${error.code}, expected ${hostile.code}`;
  }
  if (typeof error.message !== 'string' || error.message.trim().length < 10) {
    return `message ${JSON.stringify(error.message)}`;
  }
  if (/\bat \S+ \(|Error:|undefined|\[object /.test(error.message)) {
    return `message looks internal: ${error.message}`;
  }
  return undefined;
}

/**
 * Every document in every collection but sessions (the TTL monitor removes the
 * expired one meanwhile; their last use is noted as they are used), keyed
 * "collection id", in canonical extended JSON.
 */
async function databaseContents(database: OpenDatabase): Promise<Map<string, string>> {
  const contents = new Map<string, string>();
  const collections = await database.db.listCollections({}, { nameOnly: true }).toArray();
  for (const { name } of collections) {
    if (name === 'sessions') continue;
    for (const document of await database.db.collection(name).find({}).toArray()) {
      // A wrong password for an account is recorded for its owner to see: the one trace a
      // refused request is meant to leave.
      if (name === 'audit_log' && document['action'] === 'session.sign-in-failed') continue;
      const id = BSON.EJSON.stringify(document._id, { relaxed: false });
      contents.set(`${name} ${id}`, BSON.EJSON.stringify(document, { relaxed: false }));
    }
  }
  return contents;
}

/** What changed between two `databaseContents`, one line per document. */
function changesBetween(before: Map<string, string>, after: Map<string, string>): string[] {
  const changes: string[] = [];
  for (const [key, document] of after) {
    if (!before.has(key)) changes.push(`added ${key}: ${document.slice(0, 300)}`);
    else if (before.get(key) !== document)
      changes.push(`changed ${key}: ${document.slice(0, 300)}`);
  }
  for (const key of before.keys()) if (!after.has(key)) changes.push(`removed ${key}`);
  return changes;
}

/** Writes bytes on a fresh connection and returns everything the server answers. */
function exchange(url: string, bytes: string): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.write(bytes));
    let answer = '';
    socket.on('data', (chunk: Buffer) => (answer += chunk.toString()));
    socket.on('end', () => resolve(answer));
    socket.on('error', reject);
    socket.setTimeout(30_000, () => socket.destroy(new Error('no answer within 30 s')));
  });
}

// ---------------------------------------------------------------------------

let app: RunningApp;
let database: OpenDatabase;
let document: OpenApiDocument;
let fixture: Fixture;

beforeAll(async () => {
  // Its own database, to age a session and an invitation and to compare contents.
  // A short unload grace: specifications read while building the fixture close (and fold
  // their logs) before the walk starts.
  app = await startApp({ ownDatabase: true, env: { COLLAB_UNLOAD_GRACE_MS: '100' } });
  database = await openDatabase(app);
  spreadAddresses = await canSendFrom(app.url, '127.0.0.2');
  document = (await api<OpenApiDocument>(app.url, 'GET', '/api/docs-json')).body;
  fixture = await buildFixture();
});
afterAll(async () => {
  await database?.close();
  await app?.stop();
});

async function buildFixture(): Promise<Fixture> {
  const commissioner = await signIn(app.url, DEMO_EMAIL.commissioner);
  const cookie = sessionCookieOf(await signInAs(app.url, DEMO_EMAIL.commissioner));
  const as = (token: string) => ({ token });
  const home = (await api<WorkspaceSummary[]>(app.url, 'GET', '/api/workspaces', as(commissioner)))
    .body[0]!.id;
  const members = (
    await api<MemberSummary[]>(app.url, 'GET', `/api/workspaces/${home}/members`, as(commissioner))
  ).body;
  const draft = (
    await api<SpecificationSummary[]>(
      app.url,
      'GET',
      `/api/workspaces/${home}/specifications`,
      as(commissioner),
    )
  ).body[0]!.id;
  const invite = async (token: string, workspace: string, body: Record<string, unknown>) => {
    const created = await api<CreatedInvitation>(
      app.url,
      'POST',
      `/api/workspaces/${workspace}/invitations`,
      { token, body },
    );
    expect(created.status).toBe(201);
    // This app sends no email: every invitation is a link.
    return { ...created.body, token: created.body.token!, path: created.body.path! };
  };
  const accept = async (invitationToken: string, name: string, email: string) => {
    const accepted = await api<AcceptedInvitation>(
      app.url,
      'POST',
      `/api/invitations/${invitationToken}/accept`,
      {
        body: { name, email, password: 'a long enough password' },
      },
    );
    expect(accepted.status).toBe(200);
    return accepted.body.session!;
  };
  const pending = await invite(commissioner, home, { role: 'observer' });

  // A workspace the commissioner does not belong to, run by the steering member.
  const steering = await signIn(app.url, DEMO_EMAIL['steering-member']);
  const other = await api<WorkspaceDetail>(app.url, 'POST', '/api/workspaces', {
    token: steering,
    body: {
      name: 'Short breaks for disabled children',
      serviceArea: 'Disabled children and their families',
      leadOrganisation: 'Riverside City Council',
    },
  });
  expect(other.status).toBe(201);
  const otherSpecification = await api<SpecificationSummary>(
    app.url,
    'POST',
    `/api/workspaces/${other.body.id}/specifications`,
    {
      token: steering,
      body: { title: 'Short breaks' },
    },
  );
  const elsewhere = await accept(
    (await invite(steering, other.body.id, { role: 'observer' })).token,
    'Only elsewhere',
    'elsewhere@example.org',
  );
  const otherPending = await invite(steering, other.body.id, {
    email: 'pending@example.org',
    role: 'provider',
    organisation: 'Riverside Families Together',
  });

  // Someone who was a member, and still holds a token.
  const used = await invite(commissioner, home, { role: 'observer' });
  const removed = await accept(used.token, 'Since removed', 'removed@example.org');
  const removal = await api(
    app.url,
    'DELETE',
    `/api/workspaces/${home}/members/${removed.user.id}`,
    as(commissioner),
  );
  expect(removal.status).toBe(204);

  // A session and an invitation past their expiry.
  const expiredSession = await signIn(app.url, DEMO_EMAIL['expert-by-experience']);
  await database.db
    .collection('sessions')
    .updateMany(
      { userId: new BSON.ObjectId(members.find((m) => m.role === 'expert-by-experience')!.userId) },
      { $set: { expiresAt: new Date(Date.now() - 60_000) } },
    );
  const expiring = await invite(commissioner, home, {
    email: 'too.late@example.org',
    role: 'observer',
    expiresInDays: 1,
  });
  await database.db
    .collection('invitations')
    .updateOne(
      { _id: new BSON.ObjectId(expiring.id) },
      { $set: { expiresAt: new Date(Date.now() - 60_000) } },
    );

  // Links to confirm an address for the pending invitation, stored as an email would leave them.
  const confirmationFor = async (email: string, expiresAt: Date) => {
    const token = randomBytes(32).toString('base64url');
    await database.db.collection('invitation_confirmations').insertOne({
      tokenHash: createHash('sha256').update(token).digest('hex'),
      invitationId: new BSON.ObjectId(pending.id),
      kind: 'new-account',
      email,
      name: 'Confirming walker',
      passwordHash: '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA',
      expiresAt,
      usedAt: null,
      createdAt: new Date(),
    });
    return token;
  };
  const confirmation = await confirmationFor(
    'confirming@example.org',
    new Date(Date.now() + 3_600_000),
  );
  const expiredConfirmation = await confirmationFor(
    'too.late.to.confirm@example.org',
    new Date(Date.now() - 60_000),
  );

  // A published version of the draft, a provider's question on it, and a checkpoint.
  const specificationPath = `/api/workspaces/${home}/specifications/${draft}`;
  const published = await api(app.url, 'POST', `${specificationPath}/versions`, {
    token: commissioner,
    body: { name: 'For the hostile walk', notes: '' },
  });
  expect(published.status).toBe(201);
  const question = await api<{ id: string }>(
    app.url,
    'POST',
    `${specificationPath}/versions/1/questions`,
    {
      token: await signIn(app.url, DEMO_EMAIL.provider),
      body: { body: 'A question for the hostile walk.' },
    },
  );
  expect(question.status).toBe(201);
  const checkpoint = await api<{ id: string }>(
    app.url,
    'POST',
    `${specificationPath}/checkpoints`,
    {
      token: commissioner,
      body: { name: 'Hostile walk' },
    },
  );

  // Comment threads, here and in the other workspace (where the steering member commissions).
  const thread = await startThread(app.url, 'commissioner', home, draft, 'key worker');
  const otherThread = await startThread(
    app.url,
    'steering-member',
    other.body.id,
    otherSpecification.body.id,
    'Population needs',
  );
  // A change of the commissioner's address waiting for its emailed link; their sessions, and
  // someone else's, by the ids the account page gives them.
  const emailConfirmation = randomBytes(32).toString('base64url');
  await database.db.collection('email_changes').insertOne({
    tokenHash: createHash('sha256').update(emailConfirmation).digest('hex'),
    userId: new BSON.ObjectId(members.find((m) => m.role === 'commissioner')!.userId),
    email: 'priya.elsewhere@example.org',
    expiresAt: new Date(Date.now() + 3_600_000),
    usedAt: null,
    createdAt: new Date(),
  });
  const sessionsOf = async (token: string) =>
    (await api<AccountSession[]>(app.url, 'GET', '/api/account/sessions', as(token))).body;
  const commissionerSessions = await sessionsOf(commissioner);
  const observer = await signIn(app.url, DEMO_EMAIL.observer);

  // Engagement here (a market engagement event the demo provider took part in, feedback
  // from it linked to the draft, two themes) and in the other workspace.
  const providerId = members.find((m) => m.email === DEMO_EMAIL.provider)!.userId;
  const engagement = async (token: string, workspace: string, specification: string) => {
    const event = await api<{ id: string }>(
      app.url,
      'POST',
      `/api/workspaces/${workspace}/engagement-events`,
      {
        token,
        body: {
          type: 'market-engagement',
          title: 'Market engagement for the hostile walk',
          startsAt: '2027-05-12T09:30:00Z',
          reach: [{ audience: 'statutory-providers', count: 2 }],
          ...(workspace === home ? { providerParticipants: [providerId] } : {}),
        },
      },
    );
    expect(event.status).toBe(201);
    const feedback = await api<{ id: string; themeIds: string[] }>(
      app.url,
      'POST',
      `/api/workspaces/${workspace}/feedback`,
      {
        token,
        body: {
          eventId: event.body.id,
          text: 'Feedback for the hostile walk.',
          audience: 'statutory-providers',
          themes: ['Hostile walk theme', 'Hostile walk other theme'],
          links: [{ specificationId: specification }],
        },
      },
    );
    expect(feedback.status).toBe(201);
    return {
      eventId: event.body.id,
      feedbackId: feedback.body.id,
      themeIds: feedback.body.themeIds,
    };
  };
  const homeEngagement = await engagement(commissioner, home, draft);
  const otherEngagement = await engagement(steering, other.body.id, otherSpecification.body.id);
  // Market engagement rounds on the draft, with the demo provider: one open, one closed
  // (its changes read once, so the copy is opened and folded before the walk); and an event
  // that is not a market engagement event.
  const startRound = async () => {
    const round = await api<{ id: string }>(
      app.url,
      'POST',
      `/api/workspaces/${home}/engagement-rounds`,
      {
        token: commissioner,
        body: {
          specificationId: draft,
          eventId: homeEngagement.eventId,
          title: 'Round for the hostile walk',
          closesAt: '2099-02-04T17:00:00Z',
          participantIds: [providerId],
        },
      },
    );
    expect(round.status).toBe(201);
    return round.body.id;
  };
  const roundId = await startRound();
  const closedRoundId = await startRound();
  const closing = await api(
    app.url,
    'POST',
    `/api/workspaces/${home}/engagement-rounds/${closedRoundId}/close`,
    as(commissioner),
  );
  expect(closing.status).toBe(200);
  await api(
    app.url,
    'GET',
    `/api/workspaces/${home}/engagement-rounds/${closedRoundId}/changes`,
    as(commissioner),
  );
  const dropIn = await api<{ id: string }>(
    app.url,
    'POST',
    `/api/workspaces/${home}/engagement-events`,
    {
      token: commissioner,
      body: {
        type: 'drop-in',
        title: 'Drop-in for the hostile walk',
        startsAt: '2027-05-12T09:30:00Z',
        reach: [{ audience: 'parents-and-carers', count: 2 }],
      },
    },
  );
  expect(dropIn.status).toBe(201);
  const text = await currentText(app.url, commissioner, draft);
  // Reading a specification opens it, and unloading it after only reads writes nothing
  // (test/collab/quotas), so the walk compares a database that nothing else is changing.

  return {
    home,
    anchor: anchorOnWords(text, 'key worker'),
    ids: {
      workspaceId: home,
      threadId: thread.id,
      commentId: thread.comments[0]!.id,
      userId: members.find((m) => m.role === 'observer')!.userId,
      invitationId: pending.id,
      specificationId: draft,
      token: pending.token,
      number: '1',
      questionId: question.body.id,
      checkpointId: checkpoint.body.id,
      sessionId: commissionerSessions.find((session) => !session.current)!.id,
      eventId: homeEngagement.eventId,
      feedbackId: homeEngagement.feedbackId,
      themeId: homeEngagement.themeIds[0]!,
      roundId,
      key: 'no-such-section',
    },
    foreign: {
      workspaceId: other.body.id,
      userId: elsewhere.user.id,
      invitationId: otherPending.id,
      specificationId: otherSpecification.body.id,
      threadId: otherThread.id,
      commentId: otherThread.comments[0]!.id,
      sessionId: (await sessionsOf(observer))[0]!.id,
      eventId: otherEngagement.eventId,
      feedbackId: otherEngagement.feedbackId,
      themeId: otherEngagement.themeIds[0]!,
    },
    commissioner,
    cookie,
    expiredSession,
    removedMember: removed.token,
    expiredInvitation: expiring.token,
    usedInvitation: { id: used.id, token: used.token },
    confirmation,
    expiredConfirmation,
    emailConfirmation,
    commissionerSessionId: commissionerSessions.find((session) => session.current)!.id,
    commissionerId: members.find((m) => m.role === 'commissioner')!.userId,
    observer,
    draft,
    providerId,
    otherThemeId: homeEngagement.themeIds[1]!,
    closedRoundId,
    dropInId: dropIn.body.id,
  };
}

describe('hostile and mistaken requests', () => {
  let before: Map<string, string>;
  beforeAll(async () => {
    before = await databaseContents(database);
  });

  it('the table lists exactly the routes in the OpenAPI document, with a valid body for each that takes one', () => {
    const documented = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(documented.sort()).toEqual(Object.keys(ROUTES).sort());
    for (const [key, { validBody }] of Object.entries(ROUTES)) {
      const route = describeRoute(document, key);
      expect([key, route.body !== undefined]).toEqual([key, validBody !== undefined]);
      if (route.body && validBody) {
        expect([key, Object.keys(validBody()).sort()]).toEqual([
          key,
          Object.keys(route.body.properties ?? {}).sort(),
        ]);
      }
      for (const name of route.pathParameters)
        expect([key, name, fixture.ids[name]]).toEqual([key, name, expect.any(String)]);
    }
  });

  it.each(Object.keys(ROUTES))(
    '%s: every hostile request gets a 4xx with a readable error',
    async (key) => {
      const route = describeRoute(document, key);
      const accepted = new Set(ROUTES[key]!.accepts ?? []);
      // A route's own valid ids, where another thing of the same name is meant.
      const ids = { ...fixture.ids, ...ROUTES[key]!.ids?.() };
      const hostile = hostileRequestsFor(
        route,
        { ...fixture, ids },
        ROUTES[key]!.validBody?.(),
        ROUTES[key]!.validQuery,
      ).filter((each) => !accepted.has(each.what));
      expect(hostile.length).toBeGreaterThanOrEqual(route.secured ? 16 : 10);
      const problems: string[] = [];
      for (const each of hostile) {
        const response = await rawRequest(app.url, {
          ...each.request,
          localAddress: nextSourceAddress(),
        });
        const problem = judge(each, response);
        if (problem) problems.push(`${each.what} → ${problem}`);
      }
      expect(problems).toEqual([]);
    },
  );

  it("requests the product's own rules refuse change nothing either", async () => {
    const f = fixture;
    const members = `/api/workspaces/${f.home}/members`;
    const rounds = `/api/workspaces/${f.home}/engagement-rounds`;
    const round = (changes: Record<string, unknown>) => ({
      specificationId: f.draft,
      eventId: f.ids['eventId'],
      title: 'Refused round',
      closesAt: '2099-02-04T17:00:00Z',
      participantIds: [f.providerId],
      ...changes,
    });
    const attempt = (
      method: string,
      path: string,
      token: string | undefined,
      body: unknown,
      status: number,
      code: string,
    ) => ({ method, path, token, body, status, code });
    // prettier-ignore
    const refusals = [
      attempt('PATCH', `${members}/${f.commissionerId}`, f.commissioner, { role: 'observer' }, 409, 'last-commissioner'),
      attempt('DELETE', `${members}/${f.commissionerId}`, f.commissioner, undefined, 409, 'last-commissioner'),
      attempt('POST', `/api/workspaces/${f.home}/invitations`, f.commissioner, { email: DEMO_EMAIL.observer, role: 'provider', organisation: 'Riverside Families Together' }, 409, 'already-member'),
      attempt('POST', `/api/workspaces/${f.home}/invitations`, f.commissioner, { email: 'new.provider@example.org', role: 'provider' }, 400, 'bad-request'),
      attempt('POST', `/api/invitations/${f.ids['token']}/accept`, f.commissioner, {}, 409, 'already-member'),
      attempt('POST', `/api/invitations/${f.usedInvitation.token}/accept`, undefined, { name: 'Late', email: 'late@example.org', password: 'a long enough password' }, 410, 'invitation-used'),
      attempt('DELETE', `/api/workspaces/${f.home}/invitations/${f.usedInvitation.id}`, f.commissioner, undefined, 410, 'invitation-used'),
      attempt('POST', `/api/invitation-confirmations/${f.expiredConfirmation}`, undefined, undefined, 410, 'gone'),
      attempt('POST', `/api/workspaces/${f.home}/specifications`, f.observer, { title: 'Not mine to write' }, 403, 'forbidden'),
      attempt('PATCH', `${members}/${f.ids['userId']}`, f.observer, { role: 'commissioner' }, 403, 'forbidden'),
      attempt('POST', `/api/workspaces/${f.home}/invitations`, f.observer, { role: 'commissioner' }, 403, 'forbidden'),
      attempt('POST', '/api/session', undefined, { email: DEMO_EMAIL.commissioner, password: 'not the password' }, 401, 'wrong-credentials'),
      attempt('DELETE', `/api/account/sessions/${f.commissionerSessionId}`, f.commissioner, undefined, 409, 'conflict'),
      attempt('POST', '/api/account/password', f.commissioner, { currentPassword: 'not the password', newPassword: 'a long enough password' }, 403, 'wrong-password'),
      attempt('POST', '/api/account/email', f.commissioner, { email: DEMO_EMAIL.observer, password: DEMO_PASSWORD }, 409, 'conflict'),
      attempt('POST', '/api/account/email', f.commissioner, { email: 'priya.new@example.org' }, 400, 'bad-request'),
      // Market engagement rounds: times, the event and who takes part, checked against the workspace.
      attempt('POST', rounds, f.commissioner, round({ closesAt: '2020-01-01T09:00:00Z' }), 400, 'bad-request'),
      attempt('POST', rounds, f.commissioner, round({ opensAt: '2099-03-01T09:00:00Z', closesAt: '2099-02-01T09:00:00Z' }), 400, 'bad-request'),
      attempt('POST', rounds, f.commissioner, round({ eventId: f.dropInId }), 400, 'bad-request'),
      attempt('POST', rounds, f.commissioner, round({ eventId: f.ids['feedbackId'] }), 400, 'bad-request'),
      attempt('POST', rounds, f.commissioner, round({ specificationId: f.foreign['specificationId'] }), 400, 'bad-request'),
      attempt('POST', rounds, f.commissioner, round({ participantIds: [f.ids['userId']] }), 400, 'bad-request'),
      attempt('POST', rounds, f.commissioner, round({ participantIds: [f.providerId, f.commissionerId] }), 400, 'bad-request'),
      attempt('POST', rounds, f.commissioner, round({ participantIds: [f.foreign['userId']] }), 400, 'bad-request'),
      attempt('POST', rounds, f.commissioner, round({ participantIds: [] }), 400, 'bad-request'),
      attempt('POST', rounds, f.observer, round({}), 403, 'forbidden'),
      attempt('PATCH', `${rounds}/${f.ids['roundId']}`, f.commissioner, {}, 400, 'bad-request'),
      attempt('PATCH', `${rounds}/${f.ids['roundId']}`, f.commissioner, { closesAt: '2020-01-01T09:00:00Z' }, 400, 'bad-request'),
      attempt('PATCH', `${rounds}/${f.ids['roundId']}`, f.commissioner, { participantIds: [] }, 400, 'bad-request'),
      attempt('PATCH', `${rounds}/${f.ids['roundId']}`, f.commissioner, { participantIds: [f.ids['userId']] }, 400, 'bad-request'),
      attempt('PATCH', `${rounds}/${f.closedRoundId}`, f.commissioner, { title: 'Too late' }, 409, 'conflict'),
      attempt('POST', `${rounds}/${f.ids['roundId']}/changes/start/take`, f.commissioner, undefined, 409, 'conflict'),
      attempt('POST', `${rounds}/${f.closedRoundId}/changes/start/feedback`, f.commissioner, { status: 'reflected', audience: 'children-and-young-people' }, 400, 'bad-request'),
    ];
    const outcomes = [];
    for (const refusal of refusals) {
      const response = await api<{ error: { code: string } }>(
        app.url,
        refusal.method,
        refusal.path,
        {
          token: refusal.token,
          body: refusal.body,
        },
      );
      outcomes.push([refusal.method, refusal.path, response.status, response.body?.error?.code]);
    }
    expect(outcomes).toEqual(refusals.map((r) => [r.method, r.path, r.status, r.code]));
  });

  it('requests the HTTP parser cannot read get a JSON 4xx too', async () => {
    const answers = [
      await exchange(
        app.url,
        `GET /api/invitations/${'a'.repeat(20_000)} HTTP/1.1\r\nHost: x\r\n\r\n`,
      ),
      await exchange(
        app.url,
        `GET /api/workspaces HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`,
      ),
      await exchange(app.url, 'NOT HTTP AT ALL\r\n\r\n'),
      await exchange(
        app.url,
        'POST /api/session HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n',
      ),
      await exchange(
        app.url,
        'POST /api/session HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n',
      ),
    ];
    expect(answers.map((answer) => answer.split('\r\n')[0])).toEqual([
      'HTTP/1.1 431 Request Header Fields Too Large',
      'HTTP/1.1 431 Request Header Fields Too Large',
      'HTTP/1.1 400 Bad Request',
      'HTTP/1.1 400 Bad Request',
      'HTTP/1.1 400 Bad Request',
    ]);
    for (const answer of answers) {
      const body = JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4)) as {
        error: { code: string; message: string };
      };
      expect(body).toEqual({
        error: { code: expect.stringMatching(/^[a-z-]+$/), message: expect.any(String) },
      });
    }
  });

  it('changed nothing in the database', async () => {
    expect(before.size).toBeGreaterThan(20);
    expect(changesBetween(before, await databaseContents(database))).toEqual([]);
  });

  it('left the sessions it attacked working', async () => {
    expect(
      (await api(app.url, 'GET', '/api/session', { token: fixture.commissioner })).status,
    ).toBe(200);
    expect((await api(app.url, 'GET', '/api/session', { cookie: fixture.cookie })).status).toBe(
      200,
    );
  });
});

describe('time', () => {
  it('an expired session is refused at once, and the database then removes it (TTL)', async () => {
    const signedIn = await signInAs(app.url, DEMO_EMAIL.observer);
    const sessions = database.db.collection('sessions');
    const userId = new BSON.ObjectId(signedIn.body.user.id);
    await sessions.updateMany({ userId }, { $set: { expiresAt: new Date(Date.now() - 1000) } });
    const response = await api(app.url, 'GET', '/api/workspaces', { token: signedIn.body.token });
    expect(response.status).toBe(401);
    // The embedded store sweeps TTL indexes every 2 s (MongoDB every 60 s).
    const deadline = Date.now() + 90_000;
    while ((await sessions.countDocuments({ userId })) > 0) {
      if (Date.now() > deadline) throw new Error('The expired session was not removed within 90 s');
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  });

  it('an expired invitation still previews, as expired, and cannot be accepted (410)', async () => {
    const preview = await api<{ status: string }>(
      app.url,
      'GET',
      `/api/invitations/${fixture.expiredInvitation}`,
    );
    expect(preview.status).toBe(200);
    expect(preview.body.status).toBe('expired');
    const accept = await api(
      app.url,
      'POST',
      `/api/invitations/${fixture.expiredInvitation}/accept`,
      {
        body: { name: 'Too late', password: 'a long enough password' },
      },
    );
    expect(accept.status).toBe(410);
  });
});
