import { versionExportUrl, type ExportFormat } from '../../api/publishing';

const FORMATS: { format: ExportFormat; text: string }[] = [
  { format: 'docx', text: 'Word document (.docx)' },
  { format: 'pdf', text: 'PDF' },
  { format: 'md', text: 'Markdown (.md)' },
];

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
        {FORMATS.map(({ format, text }) => (
          <li key={format}>
            <a
              href={versionExportUrl(workspaceId, specificationId, versionNumber, format)}
              download
            >
              {text}
              <span className="nhsuk-u-visually-hidden">, version {versionNumber}</span>
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
