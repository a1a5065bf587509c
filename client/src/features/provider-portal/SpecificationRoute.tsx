import { useEffect, type ReactNode } from 'react';
import { useParams } from 'react-router';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { useCurrentUser } from '../../session/session-query';
import { forgetLocalDraft } from '../specification/local-drafts';
import { may } from '../workspace/permissions';
import { useWorkspace } from '../workspace/workspace-queries';

interface SpecificationRouteProps {
  editor: ReactNode;
  publishedView: ReactNode;
}

/**
 * A specification's address shows the live editor to those who may read the draft and the
 * published reading view to everyone else (providers). The choice is made before the
 * editor is even loaded, so a provider's browser never asks for the draft or joins it;
 * the server refuses them anyway.
 */
export function SpecificationRoute({ editor, publishedView }: SpecificationRouteProps) {
  const { workspaceId = '', specificationId = '' } = useParams();
  const workspace = useWorkspace(workspaceId);
  const userId = useCurrentUser().data?.id;
  const readsDraft =
    workspace.data !== undefined && may(workspace.data, 'specification.read-draft');
  // Someone made provider may still have a copy of the draft from when they edited it:
  // the editor would have dropped it on being refused, and it is never opened now.
  const mayNotReadDraft = workspace.isSuccess && !readsDraft;
  useEffect(() => {
    if (mayNotReadDraft && userId) void forgetLocalDraft(userId, specificationId);
  }, [mayNotReadDraft, userId, specificationId]);

  if (workspace.isPending) {
    return (
      <Page title="Specification">
        <Loading what="the specification" />
      </Page>
    );
  }
  return <>{readsDraft ? editor : publishedView}</>;
}
