import { EXPORT_FORMATS, EXPORT_FORMAT_LABELS } from '@coproduce/domain';
import { versionExportUrl } from '../../api/publishing';

interface VersionDownloadsProps {
  workspaceId: string;
  specificationId: string;
  versionNumber: number;
}

/** Links to the version's files; the server names each file, so these are plain links. */
export function VersionDownloads({
  workspaceId,
  specificationId,
  versionNumber,
}: VersionDownloadsProps) {
  return (
    <section aria-labelledby="downloads-heading">
      <h2 id="downloads-heading">Download this version</h2>
      <ul className="nhsuk-list">
        {EXPORT_FORMATS.map((format) => (
          <li key={format}>
            <a
              href={versionExportUrl(workspaceId, specificationId, versionNumber, format)}
              download
            >
              {EXPORT_FORMAT_LABELS[format]}
              <span className="nhsuk-u-visually-hidden">, version {versionNumber}</span>
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
