import type { UserSummary } from '@coproduce/domain';
import { ApiErrorSummary } from '../../components/ApiErrorSummary';
import { Button } from '../../components/Button';
import { useAcceptInvitation } from './useAcceptInvitation';

/** Someone already signed in accepts with one click, as themselves. */
export function JoinAsCurrentUser({ token, user }: { token: string; user: UserSummary }) {
  const accepting = useAcceptInvitation(token);
  return (
    <>
      {accepting.isError && <ApiErrorSummary error={accepting.error} />}
      <p>
        You are signed in as {user.name} ({user.email}). If this invitation is not for you, sign out
        first.
      </p>
      <Button
        type="button"
        busyText={accepting.isPending && 'Joining…'}
        onClick={() => accepting.mutate({})}
      >
        Accept and join
      </Button>
    </>
  );
}
