import {
  AGE_BANDS,
  AUDIENCE_NAMES,
  AUDIENCES,
  ENGAGEMENT_EVENT_TYPE_NAMES,
  ageBandName,
  type AgeBand,
  type Audience,
} from '@coproduce/domain';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { CaptionedHeading } from '../../components/CaptionedHeading';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { formatDateTime } from '../../dates';
import { paths } from '../../paths';
import { useCurrentUser } from '../../session/session-query';
import { NOT_KEPT, type KeptEvent } from './drop-in-store';
import { DropInEntries } from './DropInEntries';
import { FeedbackCapture } from './FeedbackCapture';
import { countsShown, groupKey, lastUndoable, summarise, type Entry } from './outbox';
import { SendingStatus } from './SendingStatus';
import { useDropIn, type DropIn } from './useDropIn';
import './drop-in.css';

/** A group's name as its button says it. */
export function groupName(audience: Audience, ageBand?: AgeBand): string {
  if (audience !== 'children-and-young-people') return AUDIENCE_NAMES[audience];
  return ageBand
    ? `Children and young people aged ${ageBandName(ageBand)}`
    : 'Children and young people, age not asked';
}

/**
 * Capture at a drop-in, for a phone in one hand: large buttons to count who came (with
 * undo) and a short form for what someone said. Everything is kept on the device first and
 * sent when the connection allows, so nothing is lost to a dropped connection, a reload or
 * a flat battery.
 */
export function DropInPage() {
  const { workspaceId = '', eventId = '' } = useParams();
  const user = useCurrentUser().data;
  if (!user) {
    return (
      <Page title="Drop-in">
        <Loading what="your account" />
      </Page>
    );
  }
  return (
    <DropInForPerson key={user.id} workspaceId={workspaceId} eventId={eventId} userId={user.id} />
  );
}

function DropInForPerson({
  workspaceId,
  eventId,
  userId,
}: {
  workspaceId: string;
  eventId: string;
  userId: string;
}) {
  const dropIn = useDropIn(workspaceId, eventId, userId);
  const breadcrumbs = [
    { to: paths.workspaces, text: 'Your workspaces' },
    { to: paths.workspace(workspaceId), text: 'Workspace' },
  ];
  const { load } = dropIn;

  if (load.state === 'loading') {
    return (
      <Page title="Drop-in" breadcrumbs={breadcrumbs}>
        <Loading what="the event" />
      </Page>
    );
  }
  if (load.state !== 'ready') {
    const offline = load.state === 'offline-unknown';
    return (
      <Page
        title={offline ? 'You are offline' : 'Event not found'}
        breadcrumbs={breadcrumbs}
        hasError={load.state === 'failed'}
      >
        <h1>
          {offline
            ? 'You are offline'
            : load.state === 'failed'
              ? 'Sorry, there is a problem'
              : 'Event not found'}
        </h1>
        <p>
          {offline
            ? 'This event has not been opened on this device before, so there is nothing to show without a connection. Open it once while online and it will work offline after that.'
            : load.state === 'failed'
              ? load.error.message
              : 'This event does not exist, or you do not have access to it.'}
        </p>
        <p>
          <Link to={paths.workspace(workspaceId)}>Go back to the workspace</Link>
        </p>
      </Page>
    );
  }

  const event = load.event;
  const entries = dropIn.entries ?? [];
  return (
    <Page title={`Drop-in: ${event.title}`} breadcrumbs={breadcrumbs}>
      <div className="coproduce-drop-in">
        <CaptionedHeading
          className="nhsuk-heading-l"
          caption={ENGAGEMENT_EVENT_TYPE_NAMES[event.type]}
        >
          {event.title}
        </CaptionedHeading>
        <p className="nhsuk-body-s">
          {formatDateTime(event.startsAt)}
          {event.place ? `, ${event.place}` : ''}
        </p>
        <SendingStatus
          summary={summarise(entries)}
          sender={dropIn.sender}
          signedOut={dropIn.signedOut}
        />
        {!event.mayCount && !event.mayGiveFeedback && (
          <p>Your role in this workspace does not let you record at this event.</p>
        )}
        {event.mayCount && <Counting event={event} entries={entries} dropIn={dropIn} />}
        {event.mayGiveFeedback && <FeedbackCapture event={event} dropIn={dropIn} />}
        <DropInEntries entries={entries} onRemove={dropIn.remove} />
      </div>
    </Page>
  );
}

/** Every group a person at a drop-in can be counted in, in reading order. */
const GROUPS: { audience: Audience; ageBand?: AgeBand }[] = [
  ...AGE_BANDS.map((ageBand) => ({ audience: 'children-and-young-people' as const, ageBand })),
  { audience: 'children-and-young-people' },
  ...AUDIENCES.filter((audience) => audience !== 'children-and-young-people').map((audience) => ({
    audience,
  })),
];

function Counting({
  event,
  entries,
  dropIn,
}: {
  event: KeptEvent;
  entries: Entry[];
  dropIn: DropIn;
}) {
  const [said, setSaid] = useState('');
  const [problem, setProblem] = useState('');
  const counts = countsShown(event.reach, entries);
  const total = [...counts.values()].reduce((sum, count) => sum + count, 0);
  const undoable = lastUndoable(entries);

  const counter = (group: { audience: Audience; ageBand?: AgeBand }) => {
    const key = groupKey(group.audience, group.ageBand);
    const count = counts.get(key) ?? 0;
    const label =
      group.audience === 'children-and-young-people'
        ? group.ageBand
          ? ageBandName(group.ageBand)
          : 'Age not asked'
        : AUDIENCE_NAMES[group.audience];
    return (
      <li key={key}>
        <button
          type="button"
          className="coproduce-drop-in__counter"
          // Its visible words, exactly: the two parts are laid out apart. What a tap does
          // is the hint above the buttons.
          aria-label={`${label} ${count}`}
          aria-describedby="drop-in-count-hint"
          onClick={() =>
            dropIn.count(group.audience, group.ageBand).then(
              () => {
                setProblem('');
                setSaid(
                  `${groupName(group.audience, group.ageBand)}: ${count + 1}. Saved on this device.`,
                );
              },
              () => setProblem(NOT_KEPT),
            )
          }
        >
          <span className="coproduce-drop-in__counter-name">{label}</span>{' '}
          <span className="coproduce-drop-in__counter-count">{count}</span>
        </button>
      </li>
    );
  };

  return (
    <section aria-labelledby="drop-in-count-heading" className="coproduce-drop-in__section">
      <h2 id="drop-in-count-heading" className="nhsuk-heading-m">
        Count who came
      </h2>
      <p className="nhsuk-hint" id="drop-in-count-hint">
        Tap a group once for each person who came: it counts one more. Undo takes back your last
        tap.
      </p>
      {problem && (
        <p className="nhsuk-error-message" role="alert">
          {problem}
        </p>
      )}
      <h3 className="nhsuk-heading-s">Children and young people</h3>
      <ul className="coproduce-drop-in__counters" aria-label="Children and young people by age">
        {GROUPS.filter((group) => group.audience === 'children-and-young-people').map(counter)}
      </ul>
      <h3 className="nhsuk-heading-s">Everyone else</h3>
      <ul className="coproduce-drop-in__counters" aria-label="Everyone else">
        {GROUPS.filter((group) => group.audience !== 'children-and-young-people').map(counter)}
      </ul>
      <p className="nhsuk-body-l coproduce-drop-in__total">
        Total counted: <strong>{total}</strong>
      </p>
      {undoable && (
        <button
          type="button"
          className="nhsuk-button nhsuk-button--secondary coproduce-drop-in__undo"
          onClick={() =>
            dropIn.undo().then(
              (undone) => {
                if (!undone) return;
                setProblem('');
                const key = groupKey(undone.audience, undone.ageBand);
                setSaid(
                  `Undone. ${groupName(undone.audience, undone.ageBand)}: ${Math.max(0, (counts.get(key) ?? 1) - 1)}.`,
                );
              },
              () => setProblem(NOT_KEPT),
            )
          }
        >
          Undo last count
          <span className="coproduce-drop-in__undo-what">
            : {groupName(undoable.audience, undoable.ageBand)}
          </span>
        </button>
      )}
      <p className="nhsuk-u-visually-hidden" role="status" aria-live="polite">
        {said}
      </p>
    </section>
  );
}
