// The workspace's own list of themes, with how much feedback each has; those who
// manage feedback add, rename and merge them.
import { Link } from 'react-router';
import { ApiErrorSummary } from '../../components/ApiErrorSummary';
import { CaptionedHeading } from '../../components/CaptionedHeading';
import { Details } from '../../components/Details';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { Table } from '../../components/Table';
import { paths } from '../../paths';
import { AddThemeForm } from './AddThemeForm';
import { EngagementUnavailable } from './EngagementUnavailable';
import { MergeThemeForm } from './MergeThemeForm';
import { RenameThemeForm } from './RenameThemeForm';
import { useFeedbackThemes } from './engagement-queries';
import { NO_FILTERS, searchFromFilters } from './feedback-filters';
import { formatCount } from './report-figures';
import { useEngagementFrame } from './useEngagementFrame';
import './engagement.css';

export function FeedbackThemesPage() {
  const frame = useEngagementFrame();
  const { workspaceId, workspaceName, allowed, breadcrumbs } = frame;
  const reads = allowed('feedback.read');
  const themes = useFeedbackThemes(workspaceId, reads);

  if (frame.pending) {
    return (
      <Page title="Themes" breadcrumbs={breadcrumbs}>
        <Loading what="themes" />
      </Page>
    );
  }
  if (frame.error || !reads) {
    return (
      <EngagementUnavailable
        title="You cannot see this workspace’s themes"
        breadcrumbs={breadcrumbs}
        error={frame.error}
        workspaceId={workspaceId}
      />
    );
  }

  const manages = allowed('feedback.manage');
  const headers = ['Theme', 'Feedback'];
  if (manages) headers.push('Change');
  return (
    <Page title={`Themes – ${workspaceName}`} breadcrumbs={breadcrumbs} hasError={themes.isError}>
      {themes.isError && <ApiErrorSummary error={themes.error} />}
      <CaptionedHeading caption={workspaceName}>Themes</CaptionedHeading>
      <p>
        The workspace’s own list of what feedback is about. Renaming a theme renames it on all its
        feedback; merging moves its feedback into another theme.
      </p>
      {themes.isPending && <Loading what="themes" />}
      {themes.data?.length === 0 && <p>No themes yet.</p>}
      {themes.data && themes.data.length > 0 && (
        <Table
          caption="Themes"
          captionHidden
          headers={headers}
          rows={themes.data.map((theme) => {
            const cells = [
              <Link
                to={paths.feedback(
                  workspaceId,
                  searchFromFilters({ ...NO_FILTERS, themeId: theme.id }),
                )}
              >
                {theme.name}
                <span className="nhsuk-u-visually-hidden">: see its feedback</span>
              </Link>,
              formatCount(theme.feedbackCount),
            ];
            if (manages) {
              cells.push(
                <>
                  <Details
                    summary={
                      <>
                        Rename<span className="nhsuk-u-visually-hidden"> {theme.name}</span>
                      </>
                    }
                  >
                    <RenameThemeForm workspaceId={workspaceId} theme={theme} themes={themes.data} />
                  </Details>
                  <Details
                    summary={
                      <>
                        Merge<span className="nhsuk-u-visually-hidden"> {theme.name}</span> into
                        another theme
                      </>
                    }
                  >
                    <MergeThemeForm workspaceId={workspaceId} theme={theme} themes={themes.data} />
                  </Details>
                </>,
              );
            }
            return { key: theme.id, cells };
          })}
        />
      )}
      {manages && themes.data && <AddThemeForm workspaceId={workspaceId} themes={themes.data} />}
    </Page>
  );
}
