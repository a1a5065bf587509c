// The app's own URLs, built in one place so links and routes agree.
const part = encodeURIComponent;

const specificationPath = (workspaceId: string, specificationId: string) =>
  `/workspaces/${part(workspaceId)}/specifications/${part(specificationId)}`;

const engagementPath = (workspaceId: string) => `/workspaces/${part(workspaceId)}/engagement`;

export const paths = {
  signIn: '/sign-in',
  forgottenPassword: '/forgotten-password',
  /** Where a password link (emailed, or made by a commissioner) opens. */
  choosePassword: (token: string) => `/reset-password/${part(token)}`,
  setup: '/setup',
  workspaces: '/workspaces',
  workspace: (workspaceId: string) => `/workspaces/${part(workspaceId)}`,
  /** The audit log, with its filters and page in the query (`auditSearch` makes one). */
  audit: (workspaceId: string, search = '') =>
    `/workspaces/${part(workspaceId)}/audit${search ? `?${search}` : ''}`,
  specification: (workspaceId: string, specificationId: string) =>
    `/workspaces/${part(workspaceId)}/specifications/${part(specificationId)}`,
  /** The team's history of a specification: checkpoints and published versions. */
  history: (workspaceId: string, specificationId: string) =>
    `${specificationPath(workspaceId, specificationId)}/history`,
  publish: (workspaceId: string, specificationId: string) =>
    `${specificationPath(workspaceId, specificationId)}/publish`,
  /** A published version's reading view. */
  version: (workspaceId: string, specificationId: string, versionNumber: number) =>
    `${specificationPath(workspaceId, specificationId)}/versions/${versionNumber}`,
  /** Two texts side by side; `from` and `to` are ComparisonRefs. */
  compare: (workspaceId: string, specificationId: string, from?: string, to?: string) => {
    const query = from && to ? `?${new URLSearchParams({ from, to }).toString()}` : '';
    return `${specificationPath(workspaceId, specificationId)}/compare${query}`;
  },
  /** Clarification questions, for those who answer them. */
  questions: (workspaceId: string, specificationId: string) =>
    `${specificationPath(workspaceId, specificationId)}/questions`,
  /** "You said, we did": a specification's feedback by theme and what came of it. */
  youSaidWeDid: (workspaceId: string, specificationId: string) =>
    `${specificationPath(workspaceId, specificationId)}/you-said-we-did`,
  /** A specification with one feedback item's words selected. */
  specificationFeedback: (workspaceId: string, specificationId: string, feedbackId: string) =>
    `${specificationPath(workspaceId, specificationId)}?feedback=${part(feedbackId)}`,
  /** Engagement's overview: figures and charts, with links to the rest. */
  engagement: (workspaceId: string) => engagementPath(workspaceId),
  engagementEvents: (workspaceId: string) => `${engagementPath(workspaceId)}/events`,
  recordEngagementEvent: (workspaceId: string) => `${engagementPath(workspaceId)}/events/new`,
  engagementEvent: (workspaceId: string, eventId: string) =>
    `${engagementPath(workspaceId)}/events/${part(eventId)}`,
  changeEngagementEvent: (workspaceId: string, eventId: string) =>
    `${engagementPath(workspaceId)}/events/${part(eventId)}/change`,
  /** Counting people and noting what they say at a drop-in, on a phone, online or not. */
  dropIn: (workspaceId: string, eventId: string) =>
    `${engagementPath(workspaceId)}/events/${part(eventId)}/drop-in`,
  /** The feedback list; `query` holds its filters and page (see feedback-filters). */
  feedback: (workspaceId: string, query?: URLSearchParams) => {
    const search = query?.toString() ?? '';
    return `${engagementPath(workspaceId)}/feedback${search ? `?${search}` : ''}`;
  },
  /** Feedback from a survey tool's CSV file, checked row by row before it is saved. */
  importFeedback: (workspaceId: string) => `${engagementPath(workspaceId)}/feedback/import`,
  feedbackThemes: (workspaceId: string) => `${engagementPath(workspaceId)}/themes`,
  targetCohort: (workspaceId: string) => `${engagementPath(workspaceId)}/cohort`,
  /** Market engagement rounds: the team's, or a provider's own. */
  engagementRounds: (workspaceId: string) => `/workspaces/${part(workspaceId)}/engagement-rounds`,
  /** Starting a round, optionally for a specification and a market engagement event. */
  startEngagementRound: (
    workspaceId: string,
    choice: { specificationId?: string; eventId?: string } = {},
  ) => {
    const query = new URLSearchParams(
      Object.entries(choice).filter((entry): entry is [string, string] => Boolean(entry[1])),
    ).toString();
    return `/workspaces/${part(workspaceId)}/engagement-rounds/new${query ? `?${query}` : ''}`;
  },
  /** A round: its details and the live engagement copy. */
  engagementRound: (workspaceId: string, roundId: string) =>
    `/workspaces/${part(workspaceId)}/engagement-rounds/${part(roundId)}`,
  /** A round's changes, to take into the draft or record as feedback one by one. */
  engagementRoundChanges: (workspaceId: string, roundId: string) =>
    `/workspaces/${part(workspaceId)}/engagement-rounds/${part(roundId)}/changes`,
  notices: '/notices',
  invitation: (token: string) => `/invitations/${part(token)}`,
  /** Where the emailed link that confirms an invited person's address opens. */
  confirmInvitation: (token: string) => `/confirm-invitation/${part(token)}`,
  inbox: '/inbox',
  /** The signed-in person's own account, and its pages. */
  account: '/account',
  accountName: '/account/name',
  accountEmail: '/account/email',
  accountPassword: '/account/password',
  accountActivity: (page = 1) =>
    page > 1 ? `/account/activity?page=${page}` : '/account/activity',
  /** Where the link emailed to a new address opens. */
  confirmEmail: (token: string) => `/confirm-email/${part(token)}`,
  /** A specification with one comment thread selected in its panel. */
  thread: (workspaceId: string, specificationId: string, threadId: string) =>
    `/workspaces/${part(workspaceId)}/specifications/${part(specificationId)}?thread=${part(threadId)}`,
};
