import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Outlet, useNavigate } from 'react-router';
import { signOut } from './api/session';
import { ApiErrorSummary } from './components/ApiErrorSummary';
import { Footer } from './components/Footer';
import { Header } from './components/Header';
import { InboxLink } from './features/inbox/InboxLink';
import { NoticesLink } from './features/publishing/NoticesLink';
import { forgetLocalDrafts } from './features/specification/local-drafts';
import { SkipLink } from './components/SkipLink';
import { forgetSession, useCurrentUser } from './session/session-query';
import { useFocusOnNavigation } from './useFocusOnNavigation';

/** The frame every screen shares: skip link, NHS.UK header with the account, footer. */
export function Layout() {
  const user = useCurrentUser().data ?? undefined;
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  useFocusOnNavigation();
  const signingOut = useMutation({
    mutationFn: signOut,
    onSuccess: () => {
      void forgetLocalDrafts();
      forgetSession(queryClient);
      navigate('/sign-in', { replace: true });
    },
  });

  return (
    <>
      <SkipLink />
      <Header
        userName={user?.name}
        onSignOut={() => signingOut.mutate()}
        signingOut={signingOut.isPending}
        accountLinks={
          user && (
            <>
              <InboxLink />
              <NoticesLink />
            </>
          )
        }
      />
      <div className="nhsuk-width-container">
        {signingOut.isError && (
          <div className="nhsuk-u-padding-top-4">
            <ApiErrorSummary error={signingOut.error} />
          </div>
        )}
        <Outlet />
      </div>
      <Footer />
    </>
  );
}
