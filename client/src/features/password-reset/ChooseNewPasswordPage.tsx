import { useMutation, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { choosePassword, previewPasswordReset } from '../../api/password-resets';
import { ApiErrorSummary, problemsFrom } from '../../components/ApiErrorSummary';
import { Button } from '../../components/Button';
import { ErrorSummary, type ProblemItem } from '../../components/ErrorSummary';
import { Loading } from '../../components/Loading';
import { NewPasswordInput } from '../../components/NewPasswordInput';
import { Page } from '../../components/Page';
import { PasswordInput } from '../../components/PasswordInput';
import { SuccessBanner } from '../../components/SuccessBanner';
import { useFormFields } from '../../components/useFormFields';
import { paths } from '../../paths';
import { validateNewPassword } from './validate-password-reset';

const TITLE = 'Choose a new password';

/** The page a password link opens: the new password, typed twice. */
export function ChooseNewPasswordPage() {
  const token = useParams().token ?? '';
  const preview = useQuery({
    queryKey: ['password-reset', token],
    queryFn: () => previewPasswordReset(token),
    retry: false,
  });
  const [problems, setProblems] = useState<ProblemItem[]>([]);
  const { values, field } = useFormFields({ password: '', confirmation: '' }, problems);
  const choosing = useMutation({
    mutationFn: () => choosePassword(token, values.password),
    onError: (error) => setProblems(problemsFrom(error)),
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
        <ApiErrorSummary error={preview.error} />
        <h1>{TITLE}</h1>
        <p>
          Check you copied the whole link, or{' '}
          <Link to={paths.forgottenPassword}>ask for a new one</Link>.
        </p>
      </Page>
    );
  }
  if (choosing.data) {
    return (
      <Page title="Your password has changed">
        <SuccessBanner heading="Your password has changed">
          <p>You have been signed out everywhere, on every device.</p>
        </SuccessBanner>
        <h1>Sign in with your new password</h1>
        <p>
          <Link to={paths.signIn}>Sign in</Link>
        </p>
      </Page>
    );
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = validateNewPassword(values.password, values.confirmation);
    setProblems(found);
    if (found.length === 0) choosing.mutate();
  };

  return (
    <Page title={TITLE} hasError={problems.length > 0}>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <ErrorSummary problems={problems} />
          <h1>{TITLE}</h1>
          <p>
            For <strong>{preview.data.email}</strong>. Changing it signs you out everywhere,
            including on other devices.
          </p>
          <form onSubmit={submit} noValidate>
            <NewPasswordInput {...field('password')} />
            <PasswordInput
              label="Type the password again"
              autoComplete="new-password"
              {...field('confirmation')}
            />
            <Button busyText={choosing.isPending && 'Saving…'}>Save the new password</Button>
          </form>
        </div>
      </div>
    </Page>
  );
}
