// "You said, we did" for one specification: its feedback by theme, each with what
// changed and where (the specification's words as they read now) or why not. It is
// printable as it is, and downloads as a web page or a spreadsheet.
import { Link } from 'react-router';
import { youSaidWeDidUrl, type YouSaidWeDidFormat } from '../../api/engagement';
import { ApiErrorSummary } from '../../components/ApiErrorSummary';
import { Button } from '../../components/Button';
import { CaptionedHeading } from '../../components/CaptionedHeading';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { formatDateTime } from '../../dates';
import { paths } from '../../paths';
import { useSpecificationFrame } from '../publishing/useSpecificationFrame';
import { may } from '../workspace/permissions';
import { YouSaidWeDidItem } from './YouSaidWeDidItem';
import { useYouSaidWeDid } from './engagement-queries';
import './engagement.css';
import './you-said-we-did.css';

const TITLE = 'You said, we did';

const DOWNLOADS: { format: YouSaidWeDidFormat; text: string }[] = [
  { format: 'html', text: 'Download as a web page (HTML)' },
  { format: 'csv', text: 'Download as a spreadsheet (CSV)' },
  { format: 'pdf', text: 'Download as a PDF' },
  { format: 'docx', text: 'Download as a Word document' },
];

export function YouSaidWeDidPage() {
  const frame = useSpecificationFrame();
  const { workspaceId, specificationId, breadcrumbs } = frame;
  const reads = frame.workspace.data !== undefined && may(frame.workspace.data, 'feedback.read');
  const report = useYouSaidWeDid(workspaceId, specificationId, reads);

  if (frame.pending || (reads && report.isPending)) {
    return (
      <Page title={TITLE} breadcrumbs={breadcrumbs}>
        <Loading what="‘You said, we did’" />
      </Page>
    );
  }
  if (frame.error || !reads || !report.data) {
    return (
      <Page title={TITLE} breadcrumbs={breadcrumbs} hasError>
        {(frame.error ?? report.error) && <ApiErrorSummary error={frame.error ?? report.error} />}
        <h1>You cannot see ‘You said, we did’ for this specification</h1>
        {!frame.error && !reads && (
          <p>It is for the workspace’s team, who record and read feedback.</p>
        )}
        <p>
          <Link to={paths.workspace(workspaceId)}>Go back to the workspace</Link>
        </p>
      </Page>
    );
  }

  const { specification, generatedAt, themes } = report.data;
  const items = themes.reduce((sum, theme) => sum + theme.items.length, 0);
  return (
    <Page title={`${TITLE} – ${specification.name}`} breadcrumbs={breadcrumbs}>
      <article className="coproduce-yswd">
        <CaptionedHeading caption={specification.name}>{TITLE}</CaptionedHeading>
        <p>
          What children, young people, families, professionals and providers told us while we wrote
          this specification, and what we did about it.
        </p>
        <p className="nhsuk-body-s">As it stands on {formatDateTime(generatedAt)}.</p>
        <div className="coproduce-no-print">
          <Button type="button" variant="secondary" onClick={() => window.print()}>
            Print
          </Button>
          <ul className="nhsuk-list coproduce-engagement-links">
            {DOWNLOADS.map(({ format, text }) => (
              <li key={format}>
                <a href={youSaidWeDidUrl(workspaceId, specificationId, format)} download>
                  {text}
                </a>
              </li>
            ))}
          </ul>
        </div>
        {items === 0 && <p>No feedback is linked to this specification yet.</p>}
        {themes.map((theme) => (
          <section key={theme.name} className="coproduce-yswd__theme">
            <h2>{theme.name}</h2>
            <ul className="coproduce-yswd__items">
              {theme.items.map((item) => (
                <YouSaidWeDidItem key={item.id} item={item} />
              ))}
            </ul>
          </section>
        ))}
      </article>
    </Page>
  );
}
