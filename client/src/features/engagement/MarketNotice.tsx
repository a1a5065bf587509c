import { EXPORT_FORMATS, EXPORT_FORMAT_LABELS, type EngagementEvent } from '@coproduce/domain';
import { marketNoticeUrl } from '../../api/engagement';

/**
 * A market engagement event's preliminary market engagement notice: what it says
 * beyond the event's details, and the notice to download.
 */
export function MarketNotice({
  workspaceId,
  event,
}: {
  workspaceId: string;
  event: EngagementEvent;
}) {
  return (
    <section aria-labelledby="market-notice-heading">
      <h2 id="market-notice-heading">Preliminary market engagement notice</h2>
      {event.marketNotice ? (
        <>
          <h3 className="nhsuk-heading-s">What the engagement is for</h3>
          <p className="coproduce-notes">{event.marketNotice.purpose}</p>
          <h3 className="nhsuk-heading-s">How providers take part</h3>
          <p className="coproduce-notes">{event.marketNotice.howToTakePart}</p>
        </>
      ) : (
        <p>
          The notice has no purpose or way to take part yet; it says only the event’s details. Add
          them by changing the event.
        </p>
      )}
      <p>The notice gives the event’s place, date and time with the words above.</p>
      <ul className="nhsuk-list">
        {EXPORT_FORMATS.map((format) => (
          <li key={format}>
            <a href={marketNoticeUrl(workspaceId, event.id, format)} download>
              Download the preliminary market engagement notice ({EXPORT_FORMAT_LABELS[format]})
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
