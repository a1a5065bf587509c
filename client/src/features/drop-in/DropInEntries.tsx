import { AUDIENCE_NAMES } from '@coproduce/domain';
import { Tag } from '../../components/Tag';
import type { Entry, FeedbackEntry } from './outbox';

const STATE_TAGS = {
  sent: <Tag colour="green">Sent</Tag>,
  waiting: <Tag colour="grey">Waiting to be sent</Tag>,
  refused: <Tag colour="red">Not sent</Tag>,
} as const;

/** What was said at this drop-in and recorded on this device, newest first, with where each is. */
export function DropInEntries({
  entries,
  onRemove,
}: {
  entries: Entry[];
  onRemove: (id: string) => Promise<void>;
}) {
  const said = entries
    .filter((entry): entry is FeedbackEntry => entry.kind === 'feedback')
    .reverse();
  const counts = entries.filter((entry) => entry.kind === 'count');
  const refusedCounts = counts.filter((entry) => entry.state === 'refused');
  if (said.length === 0 && counts.length === 0) return null;
  return (
    <section aria-labelledby="drop-in-entries-heading" className="coproduce-drop-in__section">
      <h2 id="drop-in-entries-heading" className="nhsuk-heading-m">
        Recorded on this device
      </h2>
      <p>
        Counts: {counts.filter((entry) => entry.state === 'sent').length} sent,{' '}
        {counts.filter((entry) => entry.state === 'waiting').length} waiting to be sent
        {refusedCounts.length > 0 ? `, ${refusedCounts.length} not sent` : ''}.
      </p>
      {refusedCounts.length > 0 && (
        <p className="nhsuk-error-message">
          {refusedCounts[0]!.problem ?? 'The counts were refused.'}{' '}
          <button
            type="button"
            className="coproduce-drop-in__link-button"
            onClick={() => {
              void Promise.all(refusedCounts.map((entry) => onRemove(entry.id)));
            }}
          >
            Remove the counts not sent from this device
          </button>
        </p>
      )}
      {said.length > 0 && (
        <ul className="nhsuk-list coproduce-drop-in__said">
          {said.map((entry) => (
            <li key={entry.id} className="coproduce-drop-in__said-item">
              <p className="nhsuk-u-margin-bottom-1">{STATE_TAGS[entry.state]}</p>
              <p className="nhsuk-u-margin-bottom-1">
                {entry.verbatim ? `“${entry.text}”` : entry.text}
              </p>
              <p className="nhsuk-body-s nhsuk-u-margin-bottom-0">
                {AUDIENCE_NAMES[entry.audience]}
                {entry.themes.length > 0 ? ` · ${entry.themes.join(', ')}` : ''}
              </p>
              {entry.state === 'refused' && (
                <p className="nhsuk-error-message nhsuk-u-margin-top-1 nhsuk-u-margin-bottom-0">
                  {entry.problem ?? 'It was refused.'}{' '}
                  <button
                    type="button"
                    className="coproduce-drop-in__link-button"
                    onClick={() => void onRemove(entry.id)}
                  >
                    Remove it from this device
                  </button>
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
