import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { isApiError } from '../../api/api-error';
import { changePassword } from '../../api/account';
import { problemsFrom } from '../../components/ApiErrorSummary';
import { Button } from '../../components/Button';
import { ErrorSummary, type ProblemItem } from '../../components/ErrorSummary';
import { MIN_PASSWORD_LENGTH } from '../../components/NewPasswordInput';
import { Page } from '../../components/Page';
import { PasswordInput } from '../../components/PasswordInput';
import { useFormFields } from '../../components/useFormFields';
import { paths } from '../../paths';
import { refreshAccount, type AccountChanged } from './account-queries';
import { validatePasswordChange } from './validate-account';

const breadcrumbs = [
  { to: paths.workspaces, text: 'Your workspaces' },
  { to: paths.account, text: 'Your account' },
];

/** Change your password: the current one first; everywhere else is signed out. */
export function ChangePasswordPage() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [problems, setProblems] = useState<ProblemItem[]>([]);
  const { values, field } = useFormFields(
    { currentPassword: '', newPassword: '', confirmation: '' },
    problems,
  );
  const saving = useMutation({
    mutationFn: () =>
      changePassword({ currentPassword: values.currentPassword, newPassword: values.newPassword }),
    onSuccess: async (changed) => {
      await refreshAccount(queryClient);
      const state: AccountChanged = {
        changed: 'password',
        otherSessionsEnded: changed.otherSessionsEnded,
      };
      await navigate(paths.account, { state });
    },
    onError: (error) =>
      setProblems(
        isApiError(error) && error.code === 'wrong-password'
          ? [{ fieldId: 'currentPassword', text: 'Your current password is not right' }]
          : problemsFrom(error),
      ),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = validatePasswordChange(
      values.currentPassword,
      values.newPassword,
      values.confirmation,
    );
    setProblems(found);
    if (found.length === 0) saving.mutate();
  };

  return (
    <Page title="Change your password" breadcrumbs={breadcrumbs} hasError={problems.length > 0}>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <ErrorSummary problems={problems} />
          <h1>Change your password</h1>
          <p>
            You stay signed in here. Everywhere else you are signed in, on other browsers and
            devices, you will be signed out.
          </p>
          <form onSubmit={submit} noValidate>
            <PasswordInput
              label="Your current password"
              autoComplete="current-password"
              {...field('currentPassword')}
            />
            <PasswordInput
              label="New password"
              hint={`At least ${MIN_PASSWORD_LENGTH} characters. You could use 3 random words you do not use anywhere else.`}
              autoComplete="new-password"
              {...field('newPassword')}
            />
            <PasswordInput
              label="Type the new password again"
              autoComplete="new-password"
              {...field('confirmation')}
            />
            <Button busyText={saving.isPending && 'Saving…'}>Change your password</Button>
          </form>
          <p>
            <Link to={paths.account}>Back to your account</Link>
          </p>
        </div>
      </div>
    </Page>
  );
}
