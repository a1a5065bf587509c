import type { EmailChangeAnswer } from '@coproduce/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { isApiError } from '../../api/api-error';
import { changeEmail } from '../../api/account';
import { ApiErrorSummary, problemsFrom } from '../../components/ApiErrorSummary';
import { Button } from '../../components/Button';
import { EmailInput } from '../../components/EmailInput';
import { ErrorSummary, type ProblemItem } from '../../components/ErrorSummary';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { PasswordInput } from '../../components/PasswordInput';
import { useFormFields } from '../../components/useFormFields';
import { formatDateTime } from '../../dates';
import { paths } from '../../paths';
import {
  refreshAccount,
  useAccount,
  useMailSettings,
  type AccountChanged,
} from './account-queries';
import { validateEmailChange } from './validate-account';

const breadcrumbs = [
  { to: paths.workspaces, text: 'Your workspaces' },
  { to: paths.account, text: 'Your account' },
];

/**
 * Change the address you sign in with: confirmed by a link emailed to it when this
 * Coproduce sends email, otherwise at once with your current password.
 */
export function ChangeEmailPage() {
  const account = useAccount();
  const mail = useMailSettings();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [problems, setProblems] = useState<ProblemItem[]>([]);
  const { values, field } = useFormFields({ email: '', password: '' }, problems);
  const needsPassword = mail.data?.sendsEmail === false;
  const saving = useMutation({
    mutationFn: () =>
      changeEmail({
        email: values.email.trim(),
        ...(needsPassword ? { password: values.password } : {}),
      }),
    onSuccess: async (answer: EmailChangeAnswer) => {
      await refreshAccount(queryClient);
      if (answer.status === 'changed') {
        const state: AccountChanged = { changed: 'email' };
        await navigate(paths.account, { state });
      }
    },
    onError: (error) => setProblems(problemsOf(error)),
  });

  if (saving.data?.status === 'confirmation-emailed') {
    return (
      <Page title="Check your email" breadcrumbs={breadcrumbs}>
        <div className="nhsuk-grid-row">
          <div className="nhsuk-grid-column-two-thirds">
            <h1>Check your email</h1>
            <p>
              We have sent a link to{' '}
              <strong className="app-break-anywhere">{saving.data.email}</strong>. Open it to make
              this the address you sign in with. It works once, until{' '}
              {formatDateTime(saving.data.expiresAt)}.
            </p>
            <p>
              Until then, you sign in with your current address. We will tell it when the change is
              made.
            </p>
            <p>
              <Link to={paths.account}>Back to your account</Link>
            </p>
          </div>
        </div>
      </Page>
    );
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!account.data) return;
    const found = validateEmailChange(
      values.email,
      account.data.email,
      needsPassword ? values.password : null,
    );
    setProblems(found);
    if (found.length === 0) saving.mutate();
  };

  const failedToLoad = account.error ?? mail.error;
  return (
    <Page
      title="Change your email address"
      breadcrumbs={breadcrumbs}
      hasError={problems.length > 0}
    >
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <ErrorSummary problems={problems} />
          {failedToLoad && <ApiErrorSummary error={failedToLoad} />}
          <h1>Change your email address</h1>
          {(account.isPending || mail.isPending) && <Loading what="your account" />}
          {account.data && mail.data && (
            <>
              <p>
                You sign in with{' '}
                <strong className="app-break-anywhere">{account.data.email}</strong>.{' '}
                {needsPassword
                  ? 'Enter the address to use instead, and your password to show it is you.'
                  : 'We will email a link to the new address: the change is made when you open it.'}
              </p>
              <form onSubmit={submit} noValidate>
                <EmailInput label="New email address" width={30} {...field('email')} />
                {needsPassword && (
                  <PasswordInput
                    label="Your current password"
                    autoComplete="current-password"
                    {...field('password')}
                  />
                )}
                <Button busyText={saving.isPending && (needsPassword ? 'Saving…' : 'Sending…')}>
                  {needsPassword ? 'Change your email address' : 'Send the link'}
                </Button>
              </form>
            </>
          )}
          <p>
            <Link to={paths.account}>Back to your account</Link>
          </p>
        </div>
      </div>
    </Page>
  );
}

/** A refusal beside the field it is about, where it is about one. */
function problemsOf(error: unknown): ProblemItem[] {
  if (isApiError(error) && error.code === 'wrong-password') {
    return [{ fieldId: 'password', text: 'Your current password is not right' }];
  }
  if (isApiError(error) && error.code === 'conflict') {
    return [{ fieldId: 'email', text: error.message }];
  }
  return problemsFrom(error);
}
