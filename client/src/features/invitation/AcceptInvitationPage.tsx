import { ROLE_LABELS, type InvitationConfirmationEmailed } from '@coproduce/domain';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiErrorSummary } from '../../components/ApiErrorSummary';
import { CaptionedHeading } from '../../components/CaptionedHeading';
import { ErrorSummary, type ProblemItem } from '../../components/ErrorSummary';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { SummaryList } from '../../components/SummaryList';
import { formatDate } from '../../dates';
import { paths } from '../../paths';
import { useCurrentUser } from '../../session/session-query';
import { CheckYourEmail } from './CheckYourEmail';
import { useInvitationPreview } from './invitation-queries';
import { JoinAsCurrentUser } from './JoinAsCurrentUser';
import { NewAccountForm } from './NewAccountForm';
import { UNUSABLE_INVITATION } from './unusable-invitation';

export function AcceptInvitationPage() {
  const token = useParams().token ?? '';
  const preview = useInvitationPreview(token);
  const current = useCurrentUser();
  const [problems, setProblems] = useState<ProblemItem[]>([]);
  const [emailed, setEmailed] = useState<InvitationConfirmationEmailed | null>(null);
  const title = 'Accept your invitation';

  if (preview.isPending || current.isPending) {
    return (
      <Page title={title}>
        <Loading what="your invitation" />
      </Page>
    );
  }
  if (preview.isError) {
    return (
      <Page title={title} hasError>
        <ApiErrorSummary error={preview.error} />
        <h1>{title}</h1>
        <p>
          Check you copied the whole link, or ask the commissioner who invited you for a new one.
        </p>
      </Page>
    );
  }

  const invitation = preview.data;
  if (emailed) {
    return <CheckYourEmail sent={emailed} workspaceName={invitation.workspaceName} />;
  }
  const rows = [
    { key: 'Workspace', value: invitation.workspaceName },
    { key: 'Lead organisation', value: invitation.leadOrganisation },
    { key: 'Your role', value: ROLE_LABELS[invitation.role] },
  ];
  if (invitation.organisation)
    rows.push({ key: 'Your organisation', value: invitation.organisation });
  if (invitation.email) rows.push({ key: 'Invitation sent to', value: invitation.email });
  rows.push({ key: 'Expires', value: formatDate(invitation.expiresAt) });

  return (
    <Page title={title} hasError={problems.length > 0}>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <ErrorSummary problems={problems} />
          <CaptionedHeading caption={title}>Join {invitation.workspaceName}</CaptionedHeading>
          <SummaryList rows={rows} />
          {invitation.status !== 'pending' ? (
            <>
              <p>{UNUSABLE_INVITATION[invitation.status]}</p>
              <p>
                {current.data ? (
                  <Link to={paths.workspaces}>Go to your workspaces</Link>
                ) : (
                  <Link to={paths.signIn}>Sign in</Link>
                )}
              </p>
            </>
          ) : current.data ? (
            <JoinAsCurrentUser token={token} user={current.data} />
          ) : (
            <NewAccountForm
              token={token}
              preview={invitation}
              problems={problems}
              onProblems={setProblems}
              onEmailed={setEmailed}
            />
          )}
        </div>
      </div>
    </Page>
  );
}
