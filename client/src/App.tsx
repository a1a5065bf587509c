import { QueryClientProvider } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { Loading } from './components/Loading';
import { Page } from './components/Page';
import { AccountActivityPage } from './features/account/AccountActivityPage';
import { AccountPage } from './features/account/AccountPage';
import { ChangeEmailPage } from './features/account/ChangeEmailPage';
import { ChangeNamePage } from './features/account/ChangeNamePage';
import { ChangePasswordPage } from './features/account/ChangePasswordPage';
import { ConfirmEmailPage } from './features/account/ConfirmEmailPage';
import { AuditPage } from './features/audit/AuditPage';
import { InboxPage } from './features/inbox/InboxPage';
import { AcceptInvitationPage } from './features/invitation/AcceptInvitationPage';
import { ConfirmInvitationPage } from './features/invitation/ConfirmInvitationPage';
import { NotFoundPage } from './features/not-found/NotFoundPage';
import { ChooseNewPasswordPage } from './features/password-reset/ChooseNewPasswordPage';
import { ForgottenPasswordPage } from './features/password-reset/ForgottenPasswordPage';
import { SpecificationRoute } from './features/provider-portal/SpecificationRoute';
import { NoticesPage } from './features/publishing/NoticesPage';
import { SetupPage } from './features/setup/SetupPage';
import { SignInPage } from './features/sign-in/SignInPage';
import { WorkspacePage } from './features/workspace/WorkspacePage';
import { WorkspacesPage } from './features/workspaces/WorkspacesPage';
import { Layout } from './Layout';
import { createQueryClient } from './query-client';
import { RequireSession } from './session/RequireSession';

// The editor pulls in Tiptap and Yjs; only people who open a specification download it.
const SpecificationPage = lazy(() =>
  import('./features/specification/SpecificationPage').then((module) => ({
    default: module.SpecificationPage,
  })),
);

// Publishing's screens load when first opened, like the editor.
const VersionPage = lazy(() =>
  import('./features/provider-portal/VersionPage').then((module) => ({
    default: module.VersionPage,
  })),
);
const HistoryPage = lazy(() =>
  import('./features/publishing/HistoryPage').then((module) => ({ default: module.HistoryPage })),
);
const PublishPage = lazy(() =>
  import('./features/publishing/PublishPage').then((module) => ({ default: module.PublishPage })),
);
const ComparePage = lazy(() =>
  import('./features/publishing/ComparePage').then((module) => ({ default: module.ComparePage })),
);
const QuestionsPage = lazy(() =>
  import('./features/publishing/QuestionsPage').then((module) => ({
    default: module.QuestionsPage,
  })),
);

// Engagement's screens load when first opened, like publishing's; only the overview
// brings the charting library.
const EngagementOverviewPage = lazy(() =>
  import('./features/engagement/EngagementOverviewPage').then((module) => ({
    default: module.EngagementOverviewPage,
  })),
);
const EngagementEventsPage = lazy(() =>
  import('./features/engagement/EngagementEventsPage').then((module) => ({
    default: module.EngagementEventsPage,
  })),
);
const RecordEventPage = lazy(() =>
  import('./features/engagement/RecordEventPage').then((module) => ({
    default: module.RecordEventPage,
  })),
);
const EngagementEventPage = lazy(() =>
  import('./features/engagement/EngagementEventPage').then((module) => ({
    default: module.EngagementEventPage,
  })),
);
const ChangeEventPage = lazy(() =>
  import('./features/engagement/ChangeEventPage').then((module) => ({
    default: module.ChangeEventPage,
  })),
);
const FeedbackListPage = lazy(() =>
  import('./features/engagement/FeedbackListPage').then((module) => ({
    default: module.FeedbackListPage,
  })),
);
const FeedbackImportPage = lazy(() =>
  import('./features/engagement/FeedbackImportPage').then((module) => ({
    default: module.FeedbackImportPage,
  })),
);
const FeedbackThemesPage = lazy(() =>
  import('./features/engagement/FeedbackThemesPage').then((module) => ({
    default: module.FeedbackThemesPage,
  })),
);
const TargetCohortPage = lazy(() =>
  import('./features/engagement/TargetCohortPage').then((module) => ({
    default: module.TargetCohortPage,
  })),
);
const YouSaidWeDidPage = lazy(() =>
  import('./features/engagement/YouSaidWeDidPage').then((module) => ({
    default: module.YouSaidWeDidPage,
  })),
);

/** A workspace's engagement screens, under `/workspaces/:workspaceId/engagement`. */
const engagementRoutes = [
  ['', <EngagementOverviewPage />],
  ['events', <EngagementEventsPage />],
  ['events/new', <RecordEventPage />],
  ['events/:eventId', <EngagementEventPage />],
  ['events/:eventId/change', <ChangeEventPage />],
  ['feedback', <FeedbackListPage />],
  ['feedback/import', <FeedbackImportPage />],
  ['themes', <FeedbackThemesPage />],
  ['cohort', <TargetCohortPage />],
] as const;

// Market engagement rounds load when first opened; the round's page brings the editor.
const RoundsPage = lazy(() =>
  import('./features/engagement-rounds/RoundsPage').then((module) => ({
    default: module.RoundsPage,
  })),
);
const StartRoundPage = lazy(() =>
  import('./features/engagement-rounds/StartRoundPage').then((module) => ({
    default: module.StartRoundPage,
  })),
);
const RoundPage = lazy(() =>
  import('./features/engagement-rounds/RoundPage').then((module) => ({
    default: module.RoundPage,
  })),
);
const RoundChangesPage = lazy(() =>
  import('./features/engagement-rounds/RoundChangesPage').then((module) => ({
    default: module.RoundChangesPage,
  })),
);

/** A workspace's market engagement rounds, under `/workspaces/:workspaceId/engagement-rounds`. */
const roundRoutes = [
  ['', <RoundsPage />],
  ['new', <StartRoundPage />],
  [':roundId', <RoundPage />],
  [':roundId/changes', <RoundChangesPage />],
] as const;

// Capture at a drop-in, for a phone at an event: loads when first opened, works offline after.
const DropInPage = lazy(() =>
  import('./features/drop-in/DropInPage').then((module) => ({ default: module.DropInPage })),
);

/** A specification's publishing screens, under its address. */
const publishingRoutes = [
  ['history', <HistoryPage />],
  ['publish', <PublishPage />],
  ['compare', <ComparePage />],
  ['questions', <QuestionsPage />],
  ['versions/:versionNumber', <VersionPage />],
  ['you-said-we-did', <YouSaidWeDidPage />],
] as const;

/** The signed-in person's own account and its pages. */
const accountRoutes = [
  ['/account', <AccountPage />],
  ['/account/name', <ChangeNamePage />],
  ['/account/email', <ChangeEmailPage />],
  ['/account/password', <ChangePasswordPage />],
  ['/account/activity', <AccountActivityPage />],
] as const;

const loadingScreen = (
  <Page title="Loading">
    <Loading what="the page" />
  </Page>
);

export function App() {
  const [queryClient] = useState(createQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
      <BrowserRouter>
        <Routes>
          <Route element={<Layout />}>
            <Route path="/sign-in" element={<SignInPage />} />
            <Route path="/setup" element={<SetupPage />} />
            <Route path="/forgotten-password" element={<ForgottenPasswordPage />} />
            <Route path="/reset-password/:token" element={<ChooseNewPasswordPage />} />
            <Route path="/invitations/:token" element={<AcceptInvitationPage />} />
            <Route path="/confirm-invitation/:token" element={<ConfirmInvitationPage />} />
            <Route path="/" element={<Navigate to="/workspaces" replace />} />
            <Route
              path="/workspaces"
              element={
                <RequireSession>
                  <WorkspacesPage />
                </RequireSession>
              }
            />
            <Route
              path="/workspaces/:workspaceId"
              element={
                <RequireSession>
                  <WorkspacePage />
                </RequireSession>
              }
            />
            <Route
              path="/inbox"
              element={
                <RequireSession>
                  <InboxPage />
                </RequireSession>
              }
            />
            <Route
              path="/workspaces/:workspaceId/audit"
              element={
                <RequireSession>
                  <AuditPage />
                </RequireSession>
              }
            />
            <Route
              path="/workspaces/:workspaceId/specifications/:specificationId"
              element={
                <RequireSession>
                  <SpecificationRoute
                    publishedView={
                      <Suspense fallback={loadingScreen}>
                        <VersionPage />
                      </Suspense>
                    }
                    editor={
                      <Suspense
                        fallback={
                          <Page title="Loading specification">
                            <Loading what="the specification" />
                          </Page>
                        }
                      >
                        <SpecificationPage />
                      </Suspense>
                    }
                  />
                </RequireSession>
              }
            />
            {publishingRoutes.map(([path, screen]) => (
              <Route
                key={path}
                path={`/workspaces/:workspaceId/specifications/:specificationId/${path}`}
                element={
                  <RequireSession>
                    <Suspense fallback={loadingScreen}>{screen}</Suspense>
                  </RequireSession>
                }
              />
            ))}
            <Route path="/confirm-email/:token" element={<ConfirmEmailPage />} />
            {accountRoutes.map(([path, screen]) => (
              <Route key={path} path={path} element={<RequireSession>{screen}</RequireSession>} />
            ))}
            {engagementRoutes.map(([path, screen]) => (
              <Route
                key={path}
                path={`/workspaces/:workspaceId/engagement${path ? `/${path}` : ''}`}
                element={
                  <RequireSession>
                    <Suspense fallback={loadingScreen}>{screen}</Suspense>
                  </RequireSession>
                }
              />
            ))}
            {roundRoutes.map(([path, screen]) => (
              <Route
                key={path}
                path={`/workspaces/:workspaceId/engagement-rounds${path ? `/${path}` : ''}`}
                element={
                  <RequireSession>
                    <Suspense fallback={loadingScreen}>{screen}</Suspense>
                  </RequireSession>
                }
              />
            ))}
            <Route
              path="/notices"
              element={
                <RequireSession>
                  <NoticesPage />
                </RequireSession>
              }
            />
            <Route
              path="/workspaces/:workspaceId/engagement/events/:eventId/drop-in"
              element={
                <RequireSession>
                  <Suspense fallback={loadingScreen}>
                    <DropInPage />
                  </Suspense>
                </RequireSession>
              }
            />
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Routes>
      </BrowserRouter>
    </QueryClientProvider>
  );
}
