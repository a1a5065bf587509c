// Downloading the draft as it is now: Word, PDF or Markdown, made on the server.
import { EXPORT_FORMATS, EXPORT_FORMAT_LABELS } from '@coproduce/domain';
import { draftExportUrl } from '../../api/specification-export';
import { Details } from '../../components/Details';

interface Props {
  workspaceId: string;
  specificationId: string;
}

export function DraftDownloads({ workspaceId, specificationId }: Props) {
  return (
    <Details summary="Download this draft" className="coproduce-draft-downloads">
      <p>
        The text as it is now, with everyone’s saved changes. It is a draft: share a published
        version with providers instead.
      </p>
      <ul className="nhsuk-list">
        {EXPORT_FORMATS.map((format) => (
          <li key={format}>
            <a href={draftExportUrl(workspaceId, specificationId, format)} download>
              {EXPORT_FORMAT_LABELS[format]}
              <span className="nhsuk-u-visually-hidden"> of this draft</span>
            </a>
          </li>
        ))}
      </ul>
    </Details>
  );
}
