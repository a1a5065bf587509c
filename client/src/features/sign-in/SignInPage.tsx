import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, Navigate, useLocation, useNavigate } from 'react-router';
import { signIn } from '../../api/session';
import { problemsFrom } from '../../components/ApiErrorSummary';
import { Button } from '../../components/Button';
import { ErrorSummary, type ProblemItem } from '../../components/ErrorSummary';
import { Page } from '../../components/Page';
import { EmailInput } from '../../components/EmailInput';
import { PasswordInput } from '../../components/PasswordInput';
import { useFormFields } from '../../components/useFormFields';
import { paths } from '../../paths';
import { safeReturnPath, type SignInState } from '../../session/return-path';
import { rememberSignedIn, useCurrentUser } from '../../session/session-query';
import { useSetupStatus } from '../setup/setup-queries';
import { validateSignIn } from './validate-sign-in';

export function SignInPage() {
  const [problems, setProblems] = useState<ProblemItem[]>([]);
  const { values, setValue, field } = useFormFields({ email: '', password: '' }, problems);
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
  const returnPath = safeReturnPath((location.state as SignInState | null)?.from);
  const current = useCurrentUser();
  const setup = useSetupStatus();

  const signingIn = useMutation({
    mutationFn: () => signIn(values.email.trim(), values.password),
    onSuccess: ({ user }) => {
      rememberSignedIn(queryClient, user);
      navigate(returnPath, { replace: true });
    },
    onError: (error) => {
      setValue('password', '');
      setProblems(problemsFrom(error));
    },
  });

  if (current.data) return <Navigate to={returnPath} replace />;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = validateSignIn(values);
    setProblems(found);
    if (found.length === 0) signingIn.mutate();
  };

  return (
    <Page title="Sign in" hasError={problems.length > 0}>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <ErrorSummary problems={problems} />
          <h1>Sign in to Coproduce</h1>
          <p>
            Use the email address and password for your Coproduce account. If you do not have one,
            ask a commissioner in your workspace to invite you.
          </p>
          {setup.data?.needed && (
            <div className="nhsuk-inset-text">
              <span className="nhsuk-u-visually-hidden">Information: </span>
              <p>
                Setting up Coproduce for the first time? Nobody has an account yet.{' '}
                <Link to={paths.setup}>Create the first account with your set-up code</Link>.
              </p>
            </div>
          )}
          <form onSubmit={submit} noValidate>
            <EmailInput label="Email address" {...field('email')} />
            <PasswordInput
              label="Password"
              autoComplete="current-password"
              {...field('password')}
            />
            <Button busyText={signingIn.isPending && 'Signing in…'}>Sign in</Button>
          </form>
          <p>
            <Link to={paths.forgottenPassword}>Forgotten your password?</Link>
          </p>
        </div>
      </div>
    </Page>
  );
}
