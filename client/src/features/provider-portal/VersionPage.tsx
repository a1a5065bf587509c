// A published version's reading view: what providers see of a specification, and what
// members see of what was published. No editor, and nothing here asks for the draft.
import { Link, useParams } from 'react-router';
import type { VersionDetail } from '@coproduce/domain';
import { ApiErrorSummary } from '../../components/ApiErrorSummary';
import { CaptionedHeading } from '../../components/CaptionedHeading';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { SummaryList } from '../../components/SummaryList';
import { WarningCallout } from '../../components/WarningCallout';
import { formatDate, formatDateTime } from '../../dates';
import { paths } from '../../paths';
import { versionRef } from '../publishing/comparison-refs';
import { formatCalendarDate } from '../publishing/key-dates';
import { usePublishingUpdates, useVersion, useVersions } from '../publishing/publishing-queries';
import { useSpecificationFrame } from '../publishing/useSpecificationFrame';
import { may } from '../workspace/permissions';
import { latestVersion } from './latest-version';
import { ProviderQuestions } from './ProviderQuestions';
import { PublishedText } from './PublishedText';
import { useChangedSinceRead } from './useChangedSinceRead';
import { VersionDownloads } from './VersionDownloads';
import { VersionPicker } from './VersionPicker';
import '../publishing/publishing.css';

export function VersionPage() {
  const frame = useSpecificationFrame();
  const { workspaceId, specificationId, breadcrumbs } = frame;
  const { versionNumber: inAddress } = useParams();
  const versions = useVersions(workspaceId, specificationId);
  const requested = inAddress === undefined ? undefined : Number(inAddress);
  const number =
    requested !== undefined
      ? Number.isSafeInteger(requested) && requested > 0
        ? requested
        : undefined
      : latestVersion(versions.data ?? []);
  const version = useVersion(workspaceId, specificationId, number);
  const workspace = frame.workspace.data;
  const canAsk = workspace !== undefined && may(workspace, 'clarification.ask');
  const readsDraft = workspace !== undefined && may(workspace, 'specification.read-draft');
  const before = useChangedSinceRead(
    workspaceId,
    specificationId,
    version.data?.number,
    canAsk && version.isSuccess,
  );
  usePublishingUpdates(workspaceId, specificationId);

  if (frame.pending || versions.isPending || (number !== undefined && version.isPending)) {
    return (
      <Page title="Published specification" breadcrumbs={breadcrumbs.slice(0, 2)}>
        <Loading what="the published specification" />
      </Page>
    );
  }
  const error = frame.error ?? versions.error ?? version.error ?? undefined;
  if (error || !version.data) {
    return (
      <Page title="Specification not found" breadcrumbs={breadcrumbs.slice(0, 2)} hasError>
        {error && <ApiErrorSummary error={error} />}
        <h1>{versions.data?.length === 0 ? 'Nothing published yet' : 'Version not found'}</h1>
        <p>
          {versions.data?.length === 0
            ? 'No version of this specification has been published yet.'
            : 'This version does not exist, or you do not have access to it.'}
        </p>
        <p>
          <Link to={paths.workspace(workspaceId)}>Go back to the workspace</Link>
        </p>
      </Page>
    );
  }

  const detail = version.data;
  const newest = latestVersion(versions.data ?? []);
  return (
    <Page
      title={`Version ${detail.number} – ${detail.specificationTitle}`}
      breadcrumbs={breadcrumbs.slice(0, 2)}
    >
      <CaptionedHeading caption={<>Published specification, version {detail.number}</>}>
        {detail.specificationTitle}
      </CaptionedHeading>
      {detail.withdrawal && (
        <WarningCallout heading={`Version ${detail.number} has been withdrawn`}>
          <p>{detail.withdrawal.reason}</p>
          <p className="nhsuk-body-s">Withdrawn {formatDateTime(detail.withdrawal.withdrawnAt)}.</p>
        </WarningCallout>
      )}
      {newest !== undefined && newest !== detail.number && (
        <div className="nhsuk-inset-text">
          <span className="nhsuk-u-visually-hidden">Information: </span>
          <p>
            This is not the current version.{' '}
            <Link to={paths.version(workspaceId, specificationId, newest)}>
              Read version {newest}
            </Link>
          </p>
        </div>
      )}
      {before?.changedSinceRead &&
        before.lastReadVersion !== null &&
        before.latestVersion !== null && (
          <div className="nhsuk-inset-text">
            <span className="nhsuk-u-visually-hidden">Information: </span>
            <p>
              Version {before.latestVersion} has been published since you last read version{' '}
              {before.lastReadVersion}.{' '}
              <Link
                to={paths.compare(
                  workspaceId,
                  specificationId,
                  versionRef(before.lastReadVersion),
                  versionRef(before.latestVersion),
                )}
              >
                What changed since the version you last read
              </Link>
            </p>
          </div>
        )}
      <KeyDates version={detail} />
      <VersionPicker
        key={detail.number}
        workspaceId={workspaceId}
        specificationId={specificationId}
        versions={versions.data ?? []}
        current={detail.number}
      />
      {readsDraft && (
        <p>
          <Link to={paths.history(workspaceId, specificationId)}>History and publishing</Link>
        </p>
      )}
      <h2>Release notes</h2>
      {detail.notes.trim() === '' ? (
        <p>No release notes were written for this version.</p>
      ) : (
        detail.notes.split(/\n{2,}/).map((paragraph, index) => (
          <p className="coproduce-question-body" key={index}>
            {paragraph}
          </p>
        ))
      )}
      <VersionDownloads
        workspaceId={workspaceId}
        specificationId={specificationId}
        versionNumber={detail.number}
      />
      <Contents version={detail} />
      <PublishedText version={detail} />
      <ProviderQuestions workspaceId={workspaceId} version={detail} canAsk={canAsk} />
    </Page>
  );
}

function KeyDates({ version }: { version: VersionDetail }) {
  return (
    <SummaryList
      rows={[
        { key: 'Version', value: `${version.number}: ${version.name}` },
        { key: 'Published', value: formatDate(version.publishedAt) },
        {
          key: 'Clarification questions close',
          value: version.clarificationDeadline
            ? `End of ${formatCalendarDate(version.clarificationDeadline)}`
            : 'No deadline',
        },
        {
          key: 'Submission deadline',
          value: version.submissionDeadline
            ? `End of ${formatCalendarDate(version.submissionDeadline)}`
            : 'Not set',
        },
      ]}
    />
  );
}

function Contents({ version }: { version: VersionDetail }) {
  const sections = version.outline.filter((section) => section.id !== null);
  if (sections.length === 0) return null;
  return (
    <nav className="nhsuk-contents-list" aria-label="Contents">
      <h2 className="nhsuk-heading-s">Contents</h2>
      <ol className="nhsuk-contents-list__list">
        {sections.map((section) => (
          <li
            className={`nhsuk-contents-list__item coproduce-contents-level-${Math.min(section.level, 4)}`}
            key={section.id}
          >
            <a className="nhsuk-contents-list__link" href={`#${section.id!}`}>
              {section.text}
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
}
