import type {
  AgeBand,
  Audience,
  EngagementEventType,
  FeedbackStatus,
  MarketNoticeText,
  ReachCount,
} from '@coproduce/domain';

/**
 * The engagement behind the demo draft, modelled on the commissioning the project's
 * public documents describe: drop-in sessions, more than a hundred interviews, a survey,
 * and three market engagement events where statutory and voluntary providers met the
 * commissioners and each other. People and places are invented.
 */
export interface DemoEvent {
  key: string;
  type: EngagementEventType;
  title: string;
  /** Days before the seed ran, and the UK hour it started. */
  daysAgo: number;
  hour: number;
  hours: number;
  place: string;
  online?: boolean;
  facilitators: string[];
  partnerOrganisations?: string[];
  notes: string;
  accessibilityNotes?: string;
  safeguardingNotes?: string;
  reach: ReachCount[];
  tookPart?: number;
  attendingOrganisations?: string[];
  /** Whether the demo provider took part (market engagement). */
  demoProviderTookPart?: boolean;
  marketNotice?: MarketNoticeText;
}

const cyp = (ageBand: AgeBand, count: number): ReachCount => ({
  audience: 'children-and-young-people',
  ageBand,
  count,
});
const of = (audience: Audience, count: number): ReachCount => ({ audience, count });

const MARKET_PURPOSE =
  'North Riverside Integrated Care Board and Riverside City Council plan to commission a key worker service for children and young people aged 0 to 25 with a learning disability and/or autism who are rated red or amber on the dynamic support register, or are inpatients. We want to hear from providers about how such a service could work, how providers could work together, and what would make a five-year contract workable, before we finish the specification and decide how to procure it.';
const MARKET_HOW =
  'Book a place by emailing keyworker.commissioning@example.nhs.uk with your organisation’s name and up to two people attending. Read the draft outcomes beforehand if you can; you can also send written comments by the same address up to a week after the event. Everything shared with one provider will be shared with all.';

export const DEMO_EVENTS: readonly DemoEvent[] = [
  {
    key: 'drop-in-family-hub',
    type: 'drop-in',
    title: 'Drop-in at Riverside Family Hub',
    daysAgo: 240,
    hour: 10,
    hours: 3,
    place: 'Riverside Family Hub, 12 Mill Lane',
    facilitators: ['Aisha Begum', 'Jordan Reid'],
    partnerOrganisations: ['Riverside Parent Carer Forum'],
    notes:
      'Families dropped in between school runs. Most conversations were about changing workers and waiting for an assessment.',
    accessibilityNotes:
      'Step-free access, quiet room available, ear defenders and fidget toys on the table.',
    safeguardingNotes: 'Two family workers on site; no disclosures.',
    reach: [cyp('5-10', 4), cyp('11-15', 2), of('parents-and-carers', 17), of('professionals', 3)],
  },
  {
    key: 'drop-in-youth-club',
    type: 'drop-in',
    title: 'Drop-in at Vale Youth Club',
    daysAgo: 226,
    hour: 17,
    hours: 2,
    place: 'Vale Youth Club, Station Road',
    facilitators: ['Aisha Begum'],
    partnerOrganisations: ['Vale Youth Service'],
    notes:
      'Young people came to the games night; we talked in small groups and on a graffiti wall.',
    accessibilityNotes: 'Easy-read prompt cards and a chill-out space.',
    safeguardingNotes: 'Youth workers present throughout; consent forms for under-16s.',
    reach: [cyp('11-15', 9), cyp('16-18', 7), cyp('19-25', 2), of('professionals', 2)],
  },
  {
    key: 'drop-in-hospital',
    type: 'drop-in',
    title: 'Drop-in for families on the children’s ward',
    daysAgo: 205,
    hour: 13,
    hours: 2,
    place: 'Riverside General Hospital, Sunflower Ward family room',
    facilitators: ['Aisha Begum', 'Tom Okafor'],
    notes:
      'Parents of inpatients and ward staff. Short conversations at the bedside and in the family room.',
    safeguardingNotes: 'Ward manager agreed times; no photographs.',
    reach: [cyp('16-18', 1), of('parents-and-carers', 8), of('professionals', 6)],
  },
  {
    key: 'drop-in-library',
    type: 'drop-in',
    title: 'Saturday drop-in at Central Library',
    daysAgo: 184,
    hour: 10,
    hours: 4,
    place: 'Central Library, community room',
    facilitators: ['Aisha Begum', 'Jordan Reid'],
    partnerOrganisations: ['Riverside Parent Carer Forum', 'Riverside Autism Support'],
    notes:
      'Well attended by working parents who cannot come on weekdays; several grandparents who care.',
    accessibilityNotes: 'Step-free, hearing loop, British Sign Language interpreter booked.',
    reach: [cyp('0-4', 2), cyp('5-10', 5), of('parents-and-carers', 23), of('other', 3)],
    tookPart: 35,
  },
  {
    key: 'interviews-parents-spring',
    type: 'interview',
    title: 'Interviews with parents and carers (spring)',
    daysAgo: 230,
    hour: 9,
    hours: 8,
    place: 'By phone, video and at home',
    online: true,
    facilitators: ['Aisha Begum', 'Riverside Parent Carer Forum volunteers'],
    notes: '38 one-to-one interviews of about 45 minutes, using the same prompts as the drop-ins.',
    safeguardingNotes:
      'Interviewers trained in the council’s safeguarding procedure; two referrals made with consent.',
    reach: [of('parents-and-carers', 38)],
  },
  {
    key: 'interviews-young-people',
    type: 'interview',
    title: 'Interviews with young people',
    daysAgo: 200,
    hour: 15,
    hours: 6,
    place: 'Schools, colleges and at home',
    facilitators: ['Aisha Begum', 'Vale Youth Service'],
    notes:
      '27 interviews with young people, with a trusted adult present where they wished; easy-read and symbol versions of the prompts.',
    accessibilityNotes: 'Symbol prompts, communication aids, breaks whenever asked.',
    safeguardingNotes: 'Consent from young people and, for under-16s, a parent.',
    reach: [cyp('11-15', 11), cyp('16-18', 10), cyp('19-25', 6)],
  },
  {
    key: 'interviews-professionals',
    type: 'interview',
    title: 'Interviews with professionals',
    daysAgo: 170,
    hour: 9,
    hours: 8,
    place: 'Online',
    online: true,
    facilitators: ['Tom Okafor'],
    notes:
      '22 interviews with social workers, SENCOs, community nurses, CAMHS clinicians and ward staff.',
    reach: [of('professionals', 22)],
  },
  {
    key: 'interviews-parents-summer',
    type: 'interview',
    title: 'Interviews with parents and carers (summer)',
    daysAgo: 150,
    hour: 9,
    hours: 8,
    place: 'By phone, video and at home',
    online: true,
    facilitators: ['Aisha Begum'],
    notes:
      '19 further interviews, with families the spring round did not reach: fathers, families who speak Urdu or Polish at home, and families of inpatients.',
    accessibilityNotes: 'Interpreters for Urdu and Polish.',
    reach: [of('parents-and-carers', 19)],
  },
  {
    key: 'survey',
    type: 'survey',
    title: 'Family survey: what would a key worker do for you?',
    daysAgo: 190,
    hour: 9,
    hours: 24 * 28,
    place: '',
    online: true,
    facilitators: ['Aisha Begum'],
    partnerOrganisations: ['Riverside Parent Carer Forum'],
    notes: 'Online and paper survey, open for four weeks; paper copies at the family hubs.',
    reach: [cyp('11-15', 14), cyp('16-18', 9), of('parents-and-carers', 118)],
    tookPart: 152,
  },
  {
    key: 'focus-group-college',
    type: 'focus-group',
    title: 'Focus group at Riverside College',
    daysAgo: 160,
    hour: 12,
    hours: 2,
    place: 'Riverside College, learning support base',
    facilitators: ['Aisha Begum', 'Jordan Reid'],
    notes: 'Young people in supported internships talked about moving to adult services.',
    reach: [cyp('16-18', 5), cyp('19-25', 4)],
  },
  {
    key: 'workshop-professionals',
    type: 'workshop',
    title: 'Workshop: how key workers and teams work together',
    daysAgo: 140,
    hour: 9,
    hours: 4,
    place: 'Riverside Civic Centre, Committee Room 2',
    facilitators: ['Priya Shah', 'Tom Okafor'],
    notes:
      'Mapping a family’s journey across health, education and social care and where a key worker helps.',
    reach: [of('professionals', 26), of('parents-and-carers', 4)],
  },
  {
    key: 'market-1',
    type: 'market-engagement',
    title: 'Market engagement event 1: the service we want',
    daysAgo: 180,
    hour: 10,
    hours: 3,
    place: 'Riverside Civic Centre, Council Chamber',
    online: true,
    facilitators: ['Priya Shah', 'Tom Okafor'],
    notes:
      'Presented what families told us; providers discussed what a key worker could and could not do.',
    accessibilityNotes: 'Step-free access; slides sent beforehand; live captions online.',
    reach: [of('statutory-providers', 6), of('voluntary-sector-providers', 11)],
    attendingOrganisations: [
      'Riverside Families Together',
      'Vale Autism Partnership',
      'Riverside Community NHS Trust',
      'Brightpath Children’s Charity',
      'Riverside City Council short breaks team',
      'Northgate Advocacy',
    ],
    demoProviderTookPart: true,
    marketNotice: { purpose: MARKET_PURPOSE, howToTakePart: MARKET_HOW },
  },
  {
    key: 'market-2',
    type: 'market-engagement',
    title: 'Market engagement event 2: working in partnership',
    daysAgo: 130,
    hour: 10,
    hours: 3,
    place: 'Vale Community Hall',
    facilitators: ['Priya Shah', 'Aisha Begum'],
    notes:
      'Statutory and voluntary providers met each other to talk about consortium and subcontracting models.',
    accessibilityNotes: 'Step-free access; hearing loop.',
    reach: [of('statutory-providers', 5), of('voluntary-sector-providers', 9)],
    attendingOrganisations: [
      'Riverside Families Together',
      'Vale Autism Partnership',
      'Riverside Community NHS Trust',
      'Brightpath Children’s Charity',
      'Northgate Advocacy',
    ],
    demoProviderTookPart: true,
    marketNotice: { purpose: MARKET_PURPOSE, howToTakePart: MARKET_HOW },
  },
  {
    key: 'market-3',
    type: 'market-engagement',
    title: 'Market engagement event 3: the draft specification and timetable',
    daysAgo: 60,
    hour: 14,
    hours: 2,
    place: '',
    online: true,
    facilitators: ['Priya Shah'],
    notes:
      'Walked through the draft outcomes, the contract length and the procurement timetable; questions answered in writing to all afterwards.',
    accessibilityNotes: 'Live captions; recording shared with everyone registered.',
    reach: [of('statutory-providers', 4), of('voluntary-sector-providers', 12)],
    attendingOrganisations: [
      'Vale Autism Partnership',
      'Riverside Community NHS Trust',
      'Brightpath Children’s Charity',
      'Northgate Advocacy',
      'Southbank Care Partnership',
    ],
    marketNotice: { purpose: MARKET_PURPOSE, howToTakePart: MARKET_HOW },
  },
  {
    key: 'market-4',
    type: 'market-engagement',
    title: 'Market engagement event 4: shaping the specification together',
    // The next one: in a fortnight, for a round on the draft.
    daysAgo: -14,
    hour: 10,
    hours: 3,
    place: 'Riverside Civic Centre, Council Chamber',
    online: true,
    facilitators: ['Priya Shah', 'Aisha Begum'],
    notes:
      'Providers co-edit an engagement copy of the draft specification before the event, and we go through their wording together on the day.',
    accessibilityNotes:
      'Step-free access; live captions online; the copy can be read with a screen reader.',
    reach: [],
    attendingOrganisations: [],
    marketNotice: { purpose: MARKET_PURPOSE, howToTakePart: MARKET_HOW },
  },
  {
    key: 'steering-review',
    type: 'steering-group',
    title: 'Steering group: what we heard',
    daysAgo: 100,
    hour: 14,
    hours: 2,
    place: 'Riverside Civic Centre, Committee Room 1',
    facilitators: ['Priya Shah'],
    notes:
      'The steering group went through the themes and agreed which to write into the specification.',
    reach: [of('parents-and-carers', 2), of('professionals', 5)],
  },
];

export const DEMO_THEMES = [
  'One person who stays',
  'Telling our story again',
  'Being listened to and involved',
  'Crisis and out-of-hours support',
  'Moving to adult services',
  'Information and advice',
  'Waiting times',
  'Working together across services',
] as const;

type DemoTheme = (typeof DEMO_THEMES)[number];

export interface DemoFeedback {
  /** The event's key, or where it came from when not an event. */
  from: string;
  text: string;
  verbatim: boolean;
  audience: Audience;
  ageBand?: AgeBand;
  themes: DemoTheme[];
  status: FeedbackStatus;
  reason?: string;
  /** Words of the demo draft it shaped (their first appearance). */
  words?: string;
}

export const DEMO_FEEDBACK: readonly DemoFeedback[] = [
  {
    from: 'drop-in-family-hub',
    text: 'We have had five different workers in three years. Every time we start again. I want one person who knows my son and does not leave after six months.',
    verbatim: true,
    audience: 'parents-and-carers',
    themes: ['One person who stays', 'Telling our story again'],
    status: 'reflected',
    words: 'one named person who gets to know them',
  },
  {
    from: 'interviews-parents-spring',
    text: 'Parents said again and again that the hardest part is repeating their child’s history to every new professional, sometimes in the same week.',
    verbatim: false,
    audience: 'parents-and-carers',
    themes: ['Telling our story again'],
    status: 'reflected',
    words: 'they are tired of telling their story again to every new service',
  },
  {
    from: 'drop-in-youth-club',
    text: 'Adults talk about me in meetings and then tell me what was decided. I want to be in the room.',
    verbatim: true,
    audience: 'children-and-young-people',
    ageBand: '16-18',
    themes: ['Being listened to and involved'],
    status: 'reflected',
    words: 'feel safe, listened to, informed and involved in their plans',
  },
  {
    from: 'focus-group-college',
    text: 'Support stops at 18 and then you are on your own. My key worker should stay until I am settled in adult services.',
    verbatim: true,
    audience: 'children-and-young-people',
    ageBand: '19-25',
    themes: ['Moving to adult services', 'One person who stays'],
    status: 'reflected',
    words: 'aged 0 to 25',
  },
  {
    from: 'drop-in-hospital',
    text: 'When he was admitted nobody knew who to call. The ward, the school and social care were all waiting for each other.',
    verbatim: true,
    audience: 'parents-and-carers',
    themes: ['Working together across services', 'Crisis and out-of-hours support'],
    status: 'reflected',
    words: 'coordinates the support around them and speaks up for them',
  },
  {
    from: 'survey',
    text: 'Two in three families who answered did not know where to find advice about education, health and care plans, short breaks or benefits.',
    verbatim: false,
    audience: 'parents-and-carers',
    themes: ['Information and advice'],
    status: 'reflected',
    words: 'coordination, advocacy, advice and information',
  },
  {
    from: 'interviews-professionals',
    text: 'Social workers and SENCOs said a key worker only helps if they can get other services to act, not just pass messages on.',
    verbatim: false,
    audience: 'professionals',
    themes: ['Working together across services'],
    status: 'reflected',
    words: 'They coordinate health, education and social care around the family',
  },
  {
    from: 'drop-in-library',
    text: 'I am at breaking point. What I need most is someone to take some of the stress away, not another assessment.',
    verbatim: true,
    audience: 'parents-and-carers',
    themes: ['One person who stays'],
    status: 'reflected',
    words: 'less stress and uncertainty',
  },
  {
    from: 'interviews-parents-summer',
    text: 'Families of inpatients want the key worker to stay involved during the admission and to plan the return home from the first week.',
    verbatim: false,
    audience: 'parents-and-carers',
    themes: ['Crisis and out-of-hours support', 'Working together across services'],
    status: 'reflected',
    words: 'prevent admissions to hospital, or make them shorter',
  },
  {
    from: 'drop-in-family-hub',
    text: 'A phone number that answers at night and at weekends, staffed by our key worker.',
    verbatim: false,
    audience: 'parents-and-carers',
    themes: ['Crisis and out-of-hours support'],
    status: 'not-taken-forward',
    reason:
      'Key workers cannot be on call every night without the service losing the continuity families asked for most. Instead the specification asks key workers to agree a crisis plan with each family and to share it with the out-of-hours crisis team, so whoever answers at night knows the child.',
  },
  {
    from: 'market-1',
    text: 'Providers asked for the service to be run by the council directly, to avoid a new organisation to get to know.',
    verbatim: false,
    audience: 'voluntary-sector-providers',
    themes: ['Working together across services'],
    status: 'not-taken-forward',
    reason:
      'The council and the ICB looked at bringing the service in-house and decided against it: the pilot showed the independence of a voluntary sector provider helps families trust the key worker. The decision and the options considered are in the commissioning record.',
  },
  {
    from: 'market-2',
    text: 'Smaller voluntary organisations could only bid as part of a partnership; they asked for time to form one before the tender opens.',
    verbatim: false,
    audience: 'voluntary-sector-providers',
    themes: ['Working together across services'],
    status: 'considering',
  },
  {
    from: 'market-3',
    text: 'A five-year contract with a review at three years would let providers recruit and keep experienced key workers.',
    verbatim: false,
    audience: 'statutory-providers',
    themes: ['One person who stays'],
    status: 'reflected',
    words: 'The contract is for five years from the day the service starts.',
  },
  {
    from: 'drop-in-youth-club',
    text: 'Text me. Don’t send letters to my mum.',
    verbatim: true,
    audience: 'children-and-young-people',
    ageBand: '11-15',
    themes: ['Being listened to and involved', 'Information and advice'],
    status: 'considering',
  },
  {
    from: 'interviews-young-people',
    text: 'Several young people said they want to choose their key worker, or at least meet them before it is decided.',
    verbatim: false,
    audience: 'children-and-young-people',
    ageBand: '16-18',
    themes: ['Being listened to and involved', 'One person who stays'],
    status: 'considering',
  },
  {
    from: 'interviews-young-people',
    text: 'I have waited a year for an autism assessment. Nobody tells us where we are on the list.',
    verbatim: true,
    audience: 'children-and-young-people',
    ageBand: '11-15',
    themes: ['Waiting times', 'Information and advice'],
    status: 'new',
  },
  {
    from: 'survey',
    text: 'Families rated "the same person every time" as the most important thing a key worker service could offer; "help in a crisis" came second.',
    verbatim: false,
    audience: 'parents-and-carers',
    themes: ['One person who stays', 'Crisis and out-of-hours support'],
    status: 'reflected',
  },
  {
    from: 'workshop-professionals',
    text: 'Teams want one shared plan the family holds, so that each service adds to it instead of writing its own.',
    verbatim: false,
    audience: 'professionals',
    themes: ['Telling our story again', 'Working together across services'],
    status: 'considering',
  },
  {
    from: 'steering-review',
    text: 'The steering group asked that outcomes are measured with families, not only counted from case records.',
    verbatim: false,
    audience: 'parents-and-carers',
    themes: ['Being listened to and involved'],
    status: 'reflected',
    words: 'Children, young people and families helped us write these outcomes.',
  },
  {
    from: 'drop-in-library',
    text: 'My daughter is four and we are already on our third assessment. Is this service only for older children?',
    verbatim: true,
    audience: 'parents-and-carers',
    themes: ['Waiting times', 'Information and advice'],
    status: 'new',
  },
  {
    from: 'An email to the commissioners',
    text: 'A grandparent who cares for two grandchildren asked that kinship carers are named alongside parents throughout.',
    verbatim: false,
    audience: 'other',
    themes: ['Being listened to and involved'],
    status: 'considering',
  },
  {
    from: 'interviews-professionals',
    text: 'Community nurses said caseloads must be small enough for key workers to visit at home; the pilot found about 25 families each worked.',
    verbatim: false,
    audience: 'professionals',
    themes: ['One person who stays'],
    status: 'new',
  },
  {
    from: 'focus-group-college',
    text: 'I don’t want to be passed to adult services on my birthday. It should be when I am ready.',
    verbatim: true,
    audience: 'children-and-young-people',
    ageBand: '16-18',
    themes: ['Moving to adult services'],
    status: 'considering',
  },
  {
    from: 'drop-in-hospital',
    text: 'Ward staff asked for a named contact they can ring before discharge, not a referral form.',
    verbatim: false,
    audience: 'professionals',
    themes: ['Working together across services', 'Crisis and out-of-hours support'],
    status: 'new',
  },
];

/**
 * Who the service is for: modelled on a dynamic support register of a few hundred
 * children and young people, their parents and carers, and the professionals around them.
 */
export const DEMO_COHORT: readonly ReachCount[] = [
  cyp('0-4', 20),
  cyp('5-10', 85),
  cyp('11-15', 120),
  cyp('16-18', 70),
  cyp('19-25', 45),
  of('parents-and-carers', 340),
  of('professionals', 150),
];
