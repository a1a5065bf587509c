import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { ApiErrorSummary } from '../components/ApiErrorSummary';
import { Loading } from '../components/Loading';
import { Page } from '../components/Page';
import type { SignInState } from './return-path';
import { useCurrentUser } from './session-query';

/** Shows its pages only to someone signed in; anyone else goes to sign in and comes back. */
export function RequireSession({ children }: { children: ReactNode }) {
  const session = useCurrentUser();
  const location = useLocation();

  if (session.isPending) {
    return (
      <Page title="Loading">
        <Loading what="your account" />
      </Page>
    );
  }
  if (session.isError) {
    return (
      <Page title="There is a problem" hasError>
        <ApiErrorSummary error={session.error} />
        <h1>Sorry, there is a problem</h1>
      </Page>
    );
  }
  if (session.data === null) {
    const state: SignInState = { from: location.pathname + location.search };
    return <Navigate to="/sign-in" replace state={state} />;
  }
  return children;
}
