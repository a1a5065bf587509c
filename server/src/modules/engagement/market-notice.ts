import { ENGAGEMENT_EVENT_TYPE_NAMES } from '@coproduce/domain';
import { ukDateTime } from '../../base/uk-time';
import type { ComposedDocument, ComposedSection } from '../specification-export/composed-document';
import type { StoredEvent } from './engagement-event-view';

/** Who is engaging the market: the workspace's commissioning as its page names it. */
export interface Commissioning {
  name: string;
  serviceArea: string;
  leadOrganisation: string;
  partnerOrganisations: string[];
}

const NOT_WRITTEN = 'Not written yet: add it to the event before publishing this notice.';

/**
 * The preliminary market engagement notice a market engagement event needs before it is
 * held: what the engagement is for, how providers take part, and where and when, made
 * from the event so the notice and the event never disagree.
 */
/** A market engagement round held for the event: when providers co-edit the engagement copy. */
export interface NoticeRound {
  title: string;
  opensAt: Date;
  closesAt: Date;
}

export function marketEngagementNotice(
  event: StoredEvent,
  commissioning: Commissioning,
  now: Date,
  rounds: readonly NoticeRound[] = [],
): ComposedDocument {
  const notice = event.marketNotice;
  const organisations = [commissioning.leadOrganisation, ...commissioning.partnerOrganisations]
    .map((name) => name.trim())
    .filter(Boolean);
  const sections: ComposedSection[] = [
    {
      heading: 'Who is engaging the market',
      paragraphs: [
        `${commissioning.leadOrganisation || commissioning.name}, commissioning ${commissioning.serviceArea || commissioning.name}.`,
      ],
      ...(organisations.length > 1 ? { bullets: organisations } : {}),
    },
    { heading: 'What this engagement is for', paragraphs: [notice?.purpose || NOT_WRITTEN] },
    { heading: 'How to take part', paragraphs: [notice?.howToTakePart || NOT_WRITTEN] },
    { heading: 'When and where', paragraphs: [whenAndWhere(event)] },
  ];
  if (rounds.length > 0) {
    sections.push({
      heading: 'Shaping the specification together',
      paragraphs: [
        'Providers taking part co-edit an engagement copy of the draft specification online. Everyone taking part sees the same text at the same time; the commissioners then decide on each change and say why.',
        ...rounds.map(
          (round) =>
            `${round.title}: open from ${ukDateTime(round.opensAt)} to ${ukDateTime(round.closesAt)} (UK time).`,
        ),
      ],
    });
  }
  if (event.partnerOrganisations.length > 0) {
    sections.push({
      heading: 'Run with',
      paragraphs: [],
      bullets: event.partnerOrganisations,
    });
  }
  if (event.accessibilityNotes) {
    sections.push({ heading: 'Accessibility', paragraphs: [event.accessibilityNotes] });
  }
  sections.push({
    heading: 'About this notice',
    paragraphs: [
      'This is preliminary market engagement before any procurement. It is a chance to shape the service and the procurement; it is not a call for bids. Whether or not a provider takes part does not affect how it is treated in any procurement that follows, and what is shared here will be shared with every provider that takes part later.',
    ],
  });
  return {
    cover: {
      title: `Preliminary market engagement notice: ${event.title}`,
      subtitle: `${ENGAGEMENT_EVENT_TYPE_NAMES[event.type]}, ${ukDateTime(event.startsAt)}. Notice made ${ukDateTime(now)}.`,
    },
    sections,
  };
}

function whenAndWhere(event: StoredEvent): string {
  const when = event.endsAt
    ? `From ${ukDateTime(event.startsAt)} to ${ukDateTime(event.endsAt)} (UK time).`
    : `${ukDateTime(event.startsAt)} (UK time).`;
  const where = [
    event.place ? `At ${event.place}.` : '',
    event.online ? (event.place ? 'Or online.' : 'Online.') : '',
  ]
    .filter(Boolean)
    .join(' ');
  return [when, where || 'The place will be confirmed to those taking part.'].join('\n');
}
