import { engagementExportUrl } from '../../api/feedback-import';

/** The workspace's events, who took part and feedback as CSV files, for a spreadsheet (feedback.read). */
export function EngagementDownloads({ workspaceId }: { workspaceId: string }) {
  return (
    <ul className="nhsuk-list coproduce-engagement-links" aria-label="Downloads">
      <li>
        <a href={engagementExportUrl(workspaceId, 'events')} download>
          Download events (CSV)
        </a>
      </li>
      <li>
        <a href={engagementExportUrl(workspaceId, 'reach')} download>
          Download who took part (CSV)
        </a>
      </li>
      <li>
        <a href={engagementExportUrl(workspaceId, 'feedback')} download>
          Download feedback (CSV)
        </a>
      </li>
    </ul>
  );
}
