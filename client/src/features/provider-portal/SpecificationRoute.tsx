import type { ReactNode } from 'react';
import { useParams } from 'react-router';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { may } from '../workspace/permissions';
import { useWorkspace } from '../workspace/workspace-queries';

/**
 * A specification's address shows the live editor to those who may read the draft and the
 * published reading view to everyone else (providers). The choice is made before the
 * editor is even loaded, so a provider's browser never asks for the draft or joins it;
 * the server refuses them anyway.
 */
export function SpecificationRoute({
  editor,
  publishedView,
}: {
  editor: ReactNode;
  publishedView: ReactNode;
}) {
  const workspace = useWorkspace(useParams().workspaceId ?? '');
  if (workspace.isPending) {
    return (
      <Page title="Specification">
        <Loading what="the specification" />
      </Page>
    );
  }
  if (workspace.data && may(workspace.data, 'specification.read-draft')) return <>{editor}</>;
  return <>{publishedView}</>;
}
