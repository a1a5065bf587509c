import type { AccountSession } from '@coproduce/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { endOtherSessions, endSession } from '../../api/account';
import { ApiErrorSummary } from '../../components/ApiErrorSummary';
import { Button } from '../../components/Button';
import { Loading } from '../../components/Loading';
import { RowAction } from '../../components/RowAction';
import { SuccessBanner } from '../../components/SuccessBanner';
import { Table } from '../../components/Table';
import { Tag } from '../../components/Tag';
import { formatDateTime } from '../../dates';
import { accountKeys, useSessions } from './account-queries';

const browserOf = (session: AccountSession) => session.browser ?? 'A browser we do not know';

/** Where you are signed in: this browser marked, any other one signed out from here. */
export function SessionsSection() {
  const sessions = useSessions();
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: accountKeys.all });
  const endingOthers = useMutation({ mutationFn: endOtherSessions, onSuccess: refresh });
  const others = sessions.data?.filter((session) => !session.current) ?? [];

  return (
    <>
      <h2>Where you are signed in</h2>
      {endingOthers.isSuccess && (
        <SuccessBanner heading="You have been signed out everywhere else">
          <p>
            {endingOthers.data.ended === 1
              ? '1 other session ended.'
              : `${endingOthers.data.ended} other sessions ended.`}
          </p>
        </SuccessBanner>
      )}
      {sessions.isError && <ApiErrorSummary error={sessions.error} />}
      {endingOthers.isError && <ApiErrorSummary error={endingOthers.error} />}
      {sessions.isPending && <Loading what="where you are signed in" />}
      {sessions.data && (
        <>
          <p>If you see a browser you do not recognise, sign it out and change your password.</p>
          <Table
            caption="Browsers and devices you are signed in on"
            captionHidden
            headers={['Browser', 'Signed in', 'Last used', 'Action']}
            rows={sessions.data.map((session) => ({
              key: session.id,
              cells: [
                browserOf(session),
                formatDateTime(session.startedAt),
                session.current
                  ? 'Now'
                  : session.lastUsedAt
                    ? formatDateTime(session.lastUsedAt)
                    : 'Not since signing in',
                session.current ? (
                  <Tag colour="green">This browser</Tag>
                ) : (
                  <RowAction
                    label="Sign out"
                    subject={`${browserOf(session)}, signed in ${formatDateTime(session.startedAt)}`}
                    variant="secondary"
                    act={() => endSession(session.id)}
                    onDone={refresh}
                  />
                ),
              ],
            }))}
          />
          {others.length > 0 && (
            <Button
              type="button"
              variant="secondary"
              busyText={endingOthers.isPending && 'Signing out…'}
              onClick={() => endingOthers.mutate()}
            >
              Sign out everywhere else
            </Button>
          )}
        </>
      )}
    </>
  );
}
