import { ROLE_LABELS } from '@coproduce/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import { confirmInvitation, previewInvitationConfirmation } from '../../api/invitations';
import { ApiErrorSummary } from '../../components/ApiErrorSummary';
import { Button } from '../../components/Button';
import { CaptionedHeading } from '../../components/CaptionedHeading';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { SummaryList } from '../../components/SummaryList';
import { formatDate } from '../../dates';
import { paths } from '../../paths';
import { useCurrentUser } from '../../session/session-query';
import { openJoinedWorkspace } from './useAcceptInvitation';

const TITLE = 'Confirm your email address';

/**
 * The page the emailed link opens, for someone who accepted an invitation without an
 * account: one button makes the account, joins and signs them in. (A button rather than on
 * opening, so an email program that opens links to check them does not use it up.)
 */
export function ConfirmInvitationPage() {
  const token = useParams().token ?? '';
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const current = useCurrentUser();
  const preview = useQuery({
    queryKey: ['invitation-confirmation', token],
    queryFn: () => previewInvitationConfirmation(token),
    retry: false,
  });
  const confirming = useMutation({
    mutationFn: () => confirmInvitation(token),
    onSuccess: (accepted) => openJoinedWorkspace(queryClient, navigate, accepted),
  });

  if (preview.isPending) {
    return (
      <Page title={TITLE}>
        <Loading what="your link" />
      </Page>
    );
  }
  if (preview.isError) {
    return (
      <Page title={TITLE} hasError>
        <div className="nhsuk-grid-row">
          <div className="nhsuk-grid-column-two-thirds">
            <ApiErrorSummary error={preview.error} />
            <h1>{TITLE}</h1>
            <p>
              Check you copied the whole link from the email. If it has expired, open your
              invitation again and accept it to be sent a new one.
            </p>
            <p>
              {current.data ? (
                <Link to={paths.workspaces}>Go to your workspaces</Link>
              ) : (
                <>
                  If you have already confirmed it, <Link to={paths.signIn}>sign in</Link>.
                </>
              )}
            </p>
          </div>
        </div>
      </Page>
    );
  }

  const confirmation = preview.data;
  const rows = [
    { key: 'Workspace', value: confirmation.workspaceName },
    { key: 'Your role', value: ROLE_LABELS[confirmation.role] },
  ];
  if (confirmation.organisation)
    rows.push({ key: 'Your organisation', value: confirmation.organisation });
  rows.push(
    { key: 'Your name', value: confirmation.name },
    { key: 'Email address', value: confirmation.email },
    { key: 'Link expires', value: formatDate(confirmation.expiresAt) },
  );

  return (
    <Page title={TITLE} hasError={confirming.isError}>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          {confirming.isError && <ApiErrorSummary error={confirming.error} />}
          <CaptionedHeading caption={TITLE}>Join {confirmation.workspaceName}</CaptionedHeading>
          <SummaryList rows={rows} />
          <p>
            Confirming makes your Coproduce account, with the password you chose, and signs you in.
          </p>
          <Button
            type="button"
            busyText={confirming.isPending && 'Joining…'}
            onClick={() => confirming.mutate()}
          >
            Confirm and join
          </Button>
        </div>
      </div>
    </Page>
  );
}
