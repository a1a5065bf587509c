/**
 * Engagement (shared DESIGN.md, "Engagement"; issue 13): the events where children, young
 * people, parents, carers, professionals and providers were heard, who took part, what
 * they said (feedback), the workspace's themes and target cohort, and how feedback shaped
 * the specification. The fixed fields and codes are DESIGN's; the rest are ours. All paths
 * are under /api/workspaces/:workspaceId.
 */
import type { Anchor } from './comments';

export const ENGAGEMENT_EVENT_TYPES = [
  'drop-in',
  'interview',
  'focus-group',
  'survey',
  'workshop',
  'market-engagement',
  'steering-group',
  'other',
] as const;
export type EngagementEventType = (typeof ENGAGEMENT_EVENT_TYPES)[number];

export const ENGAGEMENT_EVENT_TYPE_NAMES: Record<EngagementEventType, string> = {
  'drop-in': 'Drop-in session',
  interview: 'Interview',
  'focus-group': 'Focus group',
  survey: 'Survey',
  workshop: 'Workshop',
  'market-engagement': 'Market engagement event',
  'steering-group': 'Steering group meeting',
  other: 'Other',
};

export const AUDIENCES = [
  'children-and-young-people',
  'parents-and-carers',
  'professionals',
  'statutory-providers',
  'voluntary-sector-providers',
  'other',
] as const;
export type Audience = (typeof AUDIENCES)[number];

export const AUDIENCE_NAMES: Record<Audience, string> = {
  'children-and-young-people': 'Children and young people',
  'parents-and-carers': 'Parents and carers',
  professionals: 'Professionals',
  'statutory-providers': 'Statutory providers',
  'voluntary-sector-providers': 'Voluntary and community sector providers',
  other: 'Other',
};

/** Age bands, for children and young people only (up to 25: SEND support runs to 25). */
export const AGE_BANDS = ['0-4', '5-10', '11-15', '16-18', '19-25'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

export function ageBandName(band: AgeBand): string {
  return `${band.replace('-', ' to ')} years`;
}

/** How many of one audience (and, for children and young people, one age band). */
export interface ReachCount {
  audience: Audience;
  /** Only for `children-and-young-people`; absent when their ages were not recorded. */
  ageBand?: AgeBand;
  count: number;
}

/** What a preliminary market engagement notice says beyond the event's own details. */
export interface MarketNoticeText {
  /** What the engagement is for: the service, and what commissioners want to learn. */
  purpose: string;
  /** How providers take part: how to register, what to bring or send. */
  howToTakePart: string;
}

/** The fields of an engagement event a person writes; DESIGN fixes type, title, startsAt, reach. */
export interface EngagementEventFields {
  type: EngagementEventType;
  title: string;
  /** ISO 8601 date and time. */
  startsAt: string;
  /** ISO 8601 date and time, after startsAt; null or absent when not recorded. */
  endsAt?: string | null;
  /** Where it took place (a community centre, a school); empty when online only. */
  place?: string;
  online?: boolean;
  facilitators?: string[];
  partnerOrganisations?: string[];
  notes?: string;
  accessibilityNotes?: string;
  safeguardingNotes?: string;
  reach: ReachCount[];
  /**
   * The total who took part, when it is known apart from the counts by audience (some
   * people were not asked who they are); absent or null means the sum of `reach`.
   */
  tookPart?: number | null;
  /** Market engagement: the organisations that attended (what they said is feedback, kept apart). */
  attendingOrganisations?: string[];
  /** Market engagement: user ids of the workspace's providers who took part (they may see the event). */
  providerParticipants?: string[];
  /** Market engagement: the words of the preliminary market engagement notice. */
  marketNotice?: MarketNoticeText | null;
}

/** POST …/engagement-events → 201 EngagementEvent. */
export type CreateEngagementEventRequest = EngagementEventFields;

/** PATCH …/engagement-events/:eventId → 200 EngagementEvent; any of the fields. */
export type ChangeEngagementEventRequest = Partial<EngagementEventFields>;

export interface EngagementPerson {
  id: string;
  name: string;
}

/** GET …/engagement-events → EngagementEvent[] (newest first); GET …/:eventId → one. */
export interface EngagementEvent {
  id: string;
  type: EngagementEventType;
  title: string;
  startsAt: string;
  endsAt: string | null;
  place: string;
  online: boolean;
  facilitators: string[];
  partnerOrganisations: string[];
  notes: string;
  accessibilityNotes: string;
  safeguardingNotes: string;
  reach: ReachCount[];
  /** The total who took part: `tookPart` as recorded, or the sum of `reach`. */
  total: number;
  /** As recorded: null when the total is the sum of `reach`. */
  tookPart: number | null;
  attendingOrganisations: string[];
  providerParticipants: EngagementPerson[];
  marketNotice: MarketNoticeText | null;
  /** How many feedback items came from this event. */
  feedbackCount: number;
  createdBy: EngagementPerson;
  createdAt: string;
  updatedAt: string;
}

// ---------------------------------------------------------------------------
// Feedback

export const FEEDBACK_STATUSES = ['new', 'considering', 'reflected', 'not-taken-forward'] as const;
export type FeedbackStatus = (typeof FEEDBACK_STATUSES)[number];

export const FEEDBACK_STATUS_NAMES: Record<FeedbackStatus, string> = {
  new: 'New',
  considering: 'Being considered',
  reflected: 'Reflected in the specification',
  'not-taken-forward': 'Not taken forward',
};

/** A link from feedback to a specification, and to the words it shaped when anchored. */
export interface FeedbackLinkRequest {
  specificationId: string;
  anchor?: Anchor;
  /** The words selected, as the person saw them; checked against the text when given. */
  quote?: string;
}

export interface FeedbackLink {
  specificationId: string;
  specificationName: string;
  /** Null for a link to the specification as a whole. */
  anchor: Anchor | null;
  /** The words when the link was made; null when not anchored. */
  quote: string | null;
  /** The words the anchor covers now (they follow everyone's edits); null when not anchored or removed. */
  currentText: string | null;
  /** Everything the anchor covered has been deleted. */
  textRemoved: boolean;
}

/** POST …/feedback → 201 Feedback with status "new". */
export interface CreateFeedbackRequest {
  /** The event it came from; absent for feedback from another source. */
  eventId?: string;
  /** Where it came from when not an event ("email to the commissioner"); at most one line. */
  source?: string;
  text: string;
  /** True when the words are the person's own; false (the default) when summarised. */
  verbatim?: boolean;
  audience: Audience;
  ageBand?: AgeBand;
  /** The workspace's themes, each by id or by name (a new name adds it to the list). */
  themes: string[];
  links?: FeedbackLinkRequest[];
  /**
   * Made by the device that recorded it (drop-in capture): sending the same one again
   * answers with the item already stored, never a second one.
   */
  clientId?: string;
}

/** PATCH …/feedback/:feedbackId → 200 Feedback; `not-taken-forward` needs a reason. */
export interface ChangeFeedbackRequest {
  status?: FeedbackStatus;
  /** Why it was not taken forward, in words the workspace can publish. */
  reason?: string;
  text?: string;
  verbatim?: boolean;
  audience?: Audience;
  ageBand?: AgeBand | null;
  themes?: string[];
  links?: FeedbackLinkRequest[];
}

export interface FeedbackEventSummary {
  id: string;
  title: string;
  type: EngagementEventType;
  startsAt: string;
}

export interface Feedback {
  id: string;
  event: FeedbackEventSummary | null;
  eventId: string | null;
  source: string;
  text: string;
  verbatim: boolean;
  audience: Audience;
  ageBand: AgeBand | null;
  /** Theme names, in the order given. */
  themes: string[];
  themeIds: string[];
  status: FeedbackStatus;
  /** Why not taken forward; null for any other status. */
  reason: string | null;
  statusChangedBy: EngagementPerson | null;
  statusChangedAt: string | null;
  links: FeedbackLink[];
  createdBy: EngagementPerson;
  createdAt: string;
  updatedAt: string;
}

/**
 * GET …/feedback?eventId=&themeId=&status=&audience=&specificationId=&search=&page=&pageSize=
 * → Feedback[] newest first, one page; the `X-Total-Count` header says how many match.
 */
export const FEEDBACK_PAGE_SIZE = 50;
export const MAX_FEEDBACK_PAGE_SIZE = 200;

// ---------------------------------------------------------------------------
// Themes

/** GET …/feedback-themes → FeedbackTheme[] by name. */
export interface FeedbackTheme {
  id: string;
  name: string;
  feedbackCount: number;
}

/** POST …/feedback-themes → 201; PATCH …/feedback-themes/:themeId (rename) → 200. */
export interface FeedbackThemeRequest {
  name: string;
}

/** POST …/feedback-themes/:themeId/merge → 200 the theme merged into; the other is gone. */
export interface MergeFeedbackThemeRequest {
  intoThemeId: string;
}

// ---------------------------------------------------------------------------
// Target cohort and reports

/** GET/PUT …/engagement/cohort: the people the service is for, by audience and age band. */
export interface TargetCohort {
  groups: ReachCount[];
  /** Null until someone records it. */
  updatedAt: string | null;
}

export interface ReachAgainstCohort {
  audience: Audience;
  ageBand: AgeBand | null;
  /** People who took part in events, in this group. */
  reached: number;
  /** The target cohort in this group; null when the cohort has no figure for it. */
  cohort: number | null;
}

export interface ReachInMonth {
  /** `YYYY-MM` (UK time). */
  month: string;
  type: EngagementEventType;
  events: number;
  tookPart: number;
}

export interface FeedbackThemeCount {
  themeId: string;
  name: string;
  count: number;
  reflected: number;
}

/** GET …/engagement/report → the dashboard's figures. */
export interface EngagementReport {
  events: number;
  tookPart: number;
  reachByAudience: ReachAgainstCohort[];
  reachByMonth: ReachInMonth[];
  feedback: number;
  feedbackByStatus: { status: FeedbackStatus; count: number }[];
  feedbackByTheme: FeedbackThemeCount[];
  /** Of all feedback, the share reflected in a specification (0 to 1; 0 when there is none). */
  reflectedShare: number;
}

/** One feedback item in "You said, we did". */
export interface YouSaidWeDidItem {
  id: string;
  text: string;
  verbatim: boolean;
  audience: Audience;
  ageBand: AgeBand | null;
  event: FeedbackEventSummary | null;
  source: string;
  status: FeedbackStatus;
  reason: string | null;
  /** This specification's words the item shaped, as they read now. */
  places: { currentText: string | null; quote: string | null; textRemoved: boolean }[];
}

/**
 * GET …/specifications/:specificationId/you-said-we-did → YouSaidWeDid; `?format=html`
 * or `?format=csv` → a file to keep or print.
 */
export interface YouSaidWeDid {
  specification: { id: string; name: string };
  generatedAt: string;
  themes: { name: string; items: YouSaidWeDidItem[] }[];
}

export const MAX_EVENT_TITLE_LENGTH = 200;
export const MAX_EVENT_NOTES_LENGTH = 10_000;
export const MAX_EVENT_LIST_ITEMS = 50;
export const MAX_LIST_ITEM_LENGTH = 200;
export const MAX_REACH_COUNT = 1_000_000;
export const MAX_FEEDBACK_LENGTH = 10_000;
export const MAX_FEEDBACK_REASON_LENGTH = 2_000;
export const MAX_FEEDBACK_THEMES = 10;
export const MAX_FEEDBACK_LINKS = 20;
export const MAX_THEME_NAME_LENGTH = 80;
export const MAX_THEMES_PER_WORKSPACE = 200;
export const MAX_CLIENT_ID_LENGTH = 100;
