import { ENGAGEMENT_EVENT_TYPE_NAMES, type EngagementEvent } from '@coproduce/domain';
import type { ReactNode } from 'react';
import { SummaryList, type SummaryRow } from '../../components/SummaryList';
import { eventPlace } from './event-place';
import { formatEventTime } from './uk-time';

function listOrNone(items: readonly string[]): ReactNode {
  if (items.length === 0) return 'None recorded';
  if (items.length === 1) return items[0];
  return (
    <ul className="nhsuk-list">
      {items.map((item) => (
        <li key={item}>{item}</li>
      ))}
    </ul>
  );
}

function notesOrNone(text: string): ReactNode {
  return text.trim() === '' ? 'None recorded' : <span className="coproduce-notes">{text}</span>;
}

/** An event's recorded details, as a summary list; market engagement's own facts too. */
export function EventDetails({ event }: { event: EngagementEvent }) {
  const rows: SummaryRow[] = [
    { key: 'Type', value: ENGAGEMENT_EVENT_TYPE_NAMES[event.type] },
    { key: 'When (UK time)', value: formatEventTime(event.startsAt, event.endsAt) },
    { key: 'Where', value: eventPlace(event) },
    { key: 'Facilitators', value: listOrNone(event.facilitators) },
    { key: 'Partner organisations', value: listOrNone(event.partnerOrganisations) },
  ];
  if (event.type === 'market-engagement') {
    rows.push(
      { key: 'Organisations that attended', value: listOrNone(event.attendingOrganisations) },
      {
        key: 'Providers in this workspace who took part',
        value: listOrNone(event.providerParticipants.map((person) => person.name)),
      },
    );
  }
  rows.push(
    { key: 'Notes', value: notesOrNone(event.notes) },
    { key: 'Accessibility', value: notesOrNone(event.accessibilityNotes) },
    { key: 'Safeguarding', value: notesOrNone(event.safeguardingNotes) },
  );
  return <SummaryList rows={rows} />;
}
