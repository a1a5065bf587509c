// The specification page: the live, co-edited editor for one specification.
import { useQueryClient } from '@tanstack/react-query';
import { CollabEvent } from '@coproduce/protocol';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiErrorSummary } from '../../components/ApiErrorSummary';
import { CaptionedHeading } from '../../components/CaptionedHeading';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { WarningCallout } from '../../components/WarningCallout';
import { paths } from '../../paths';
import { sharedCollabConnection } from '../../session/collab-connection';
import { useCurrentUser } from '../../session/session-query';
import { DraftDownloads } from '../specification-export/DraftDownloads';
import { HistoryChangeNotice } from '../publishing/HistoryChangeNotice';
import { SpecificationPublishingLinks } from '../publishing/SpecificationPublishingLinks';
import { SpecificationStatusTag } from '../workspace/SpecificationStatusTag';
import { useSpecifications, useWorkspace, workspaceKeys } from '../workspace/workspace-queries';
import { may } from '../workspace/permissions';
import { ArchiveSpecification } from './ArchiveSpecification';
import { RenameSpecification } from './RenameSpecification';
import { SaveStatusMessage } from './SaveStatusMessage';
import { SpecificationEditor } from './SpecificationEditor';
import { useSpecificationDocument } from './useSpecificationDocument';
import { useWarnBeforeLeaving } from './useWarnBeforeLeaving';
import './specification-editor.css';

export function SpecificationPage() {
  const { workspaceId = '', specificationId = '' } = useParams();
  const workspace = useWorkspace(workspaceId);
  const specifications = useSpecifications(workspaceId);
  const user = useCurrentUser();
  const live = useSpecificationDocument(specificationId, user.data?.id);
  const [plainView, setPlainView] = useState(false);
  const specification = specifications.data?.find((item) => item.id === specificationId);
  useWarnBeforeLeaving(live?.status === 'saving');
  const queryClient = useQueryClient();
  const liveArchived = live?.archived;
  // A new title, the moment a commissioner gives it: the list the page reads it from is fetched again.
  useEffect(() => {
    const { socket } = sharedCollabConnection();
    const onRenamed = (docId: string) => {
      if (docId !== specificationId) return;
      void queryClient.invalidateQueries({ queryKey: workspaceKeys.specifications(workspaceId) });
    };
    socket.on(CollabEvent.specificationRenamed, onRenamed);
    return () => {
      socket.off(CollabEvent.specificationRenamed, onRenamed);
    };
  }, [queryClient, specificationId, workspaceId]);
  useEffect(() => {
    if (liveArchived !== undefined) {
      void queryClient.invalidateQueries({ queryKey: workspaceKeys.specifications(workspaceId) });
    }
  }, [liveArchived, queryClient, workspaceId]);
  const breadcrumbs = [
    { to: paths.workspaces, text: 'Your workspaces' },
    { to: paths.workspace(workspaceId), text: workspace.data?.name ?? 'Workspace' },
  ];

  if (specifications.isPending) {
    return (
      <Page title="Specification" breadcrumbs={breadcrumbs}>
        <Loading what="the specification" />
      </Page>
    );
  }
  // A store failure on the server is passing: the provider joins again by itself.
  const cannotOpenYet = live?.joinError?.code === 'unavailable';
  if (specifications.isError || !specification || (live?.joinError && !cannotOpenYet)) {
    return (
      <Page title="Specification not found" breadcrumbs={breadcrumbs} hasError>
        {specifications.isError && <ApiErrorSummary error={specifications.error} />}
        <h1>Specification not found</h1>
        {!specifications.isError && (
          <p>This specification does not exist, or you do not have access to it.</p>
        )}
        <p>
          <Link to={paths.workspace(workspaceId)}>Go back to the workspace</Link>
        </p>
      </Page>
    );
  }

  const isExpert = workspace.data?.role === 'expert-by-experience';
  // Live, the server's word (it tells everyone the moment it changes); until joined, the list's.
  const archived = live?.role ? live.archived : specification.archivedAt !== undefined;
  return (
    <Page title={specification.title} breadcrumbs={breadcrumbs}>
      <CaptionedHeading caption="Service specification">{specification.title}</CaptionedHeading>
      <p>
        <SpecificationStatusTag status={specification.status} />
      </p>
      <DraftDownloads workspaceId={workspaceId} specificationId={specificationId} />
      {workspace.data && may(workspace.data, 'specification.archive') && (
        <ArchiveSpecification
          workspaceId={workspaceId}
          specificationId={specificationId}
          status={specification.status}
          archived={archived}
        />
      )}
      {workspace.data && may(workspace.data, 'specification.rename') && (
        <RenameSpecification
          key={specification.title}
          workspaceId={workspaceId}
          specificationId={specificationId}
          title={specification.title}
        />
      )}
      <SpecificationPublishingLinks
        workspaceId={workspaceId}
        specificationId={specificationId}
        permissions={workspace.data?.permissions ?? []}
      />
      <HistoryChangeNotice
        workspaceId={workspaceId}
        specificationId={specificationId}
        userId={user.data?.id}
      />
      {live?.problem && (
        <WarningCallout heading="Your last change was not saved">
          <p>{live.problem.message}</p>
        </WarningCallout>
      )}
      {live?.warning && (
        <WarningCallout heading="This specification is very large">
          <p>{live.warning.message}</p>
        </WarningCallout>
      )}
      {archived ? (
        <div className="nhsuk-inset-text" role="status">
          <span className="nhsuk-u-visually-hidden">Information: </span>
          <p>
            This specification is archived. Nobody can edit it until a commissioner restores it.
          </p>
        </div>
      ) : (
        live &&
        !live.canEdit &&
        live.role && (
          <div className="nhsuk-inset-text">
            <span className="nhsuk-u-visually-hidden">Information: </span>
            <p>You can read this specification. Your role does not let you edit it.</p>
          </div>
        )
      )}
      {isExpert && (
        <div className="nhsuk-checkboxes__item nhsuk-u-margin-bottom-4">
          <input
            className="nhsuk-checkboxes__input"
            id="plain-view"
            type="checkbox"
            checked={plainView}
            onChange={(event) => setPlainView(event.target.checked)}
          />
          <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor="plain-view">
            Larger text and a plainer view
          </label>
        </div>
      )}
      {cannotOpenYet && (
        <WarningCallout heading="This specification could not be opened just now">
          <p>
            Coproduce is trying again. Anything you have already written is kept on this device.
          </p>
        </WarningCallout>
      )}
      {!live || !user.data || !live.ready ? (
        <>
          {live && <SaveStatusMessage status={live.status} />}
          <Loading what="the latest version" />
        </>
      ) : (
        <div className={plainView ? 'coproduce-editor--plain' : undefined}>
          <SpecificationEditor
            live={live}
            user={user.data}
            workspaceId={workspaceId}
            permissions={workspace.data?.permissions ?? []}
          />
        </div>
      )}
    </Page>
  );
}
