import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { Outlet, useNavigate } from 'react-router';
import { signOut } from './api/session';
import { ApiErrorSummary } from './components/ApiErrorSummary';
import { Footer } from './components/Footer';
import { Header } from './components/Header';
import { InboxLink } from './features/inbox/InboxLink';
import { NoticesLink } from './features/publishing/NoticesLink';
import { forgetLocalDrafts } from './features/specification/local-drafts';
import { SkipLink } from './components/SkipLink';
import { useWorkspaces } from './features/workspaces/useWorkspaces';
import { forgetSession, useCurrentUser } from './session/session-query';
import { useFocusOnNavigation } from './useFocusOnNavigation';

/** The frame every screen shares: skip link, NHS.UK header with the account, footer. */
export function Layout() {
  const user = useCurrentUser().data ?? undefined;
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  useFocusOnNavigation();
  const userId = user?.id;
  useEffect(() => {
    // Loaded apart: only people who run drop-ins need the code that sends what they left.
    if (userId) {
      import('./features/drop-in/drop-in-sender')
        .then((sender) => sender.sendWhatWaitsFor(userId))
        .catch(() => undefined);
    }
  }, [userId]);
  const signingOut = useMutation({
    mutationFn: signOut,
    onSuccess: () => {
      void forgetLocalDrafts();
      // What a drop-in still has to send stays, for its person to send when they are back.
      import('./features/drop-in/drop-in-store')
        .then((store) => store.forgetSentDropIns())
        .catch(() => undefined);
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
        accountLinks={user && <AccountLinks />}
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

/** The signed-in person's inbox and notices, in the header. */
function AccountLinks() {
  const workspaces = useWorkspaces().data;
  // Comment threads belong to drafts: someone who is a provider in every workspace has none.
  const providerOnly =
    workspaces !== undefined &&
    workspaces.length > 0 &&
    workspaces.every((workspace) => workspace.role === 'provider');
  return (
    <>
      {!providerOnly && <InboxLink />}
      <NoticesLink />
    </>
  );
}
