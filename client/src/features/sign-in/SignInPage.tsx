import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { signIn } from '../../api/session';
import { problemsFrom } from '../../components/ApiErrorSummary';
import { Button } from '../../components/Button';
import { ErrorSummary, type ProblemItem } from '../../components/ErrorSummary';
import { Page } from '../../components/Page';
import { TextInput } from '../../components/TextInput';
import { safeReturnPath, type SignInState } from '../../session/return-path';
import { rememberSignedIn, useCurrentUser } from '../../session/session-query';
import { validateSignIn } from './validate-sign-in';

export function SignInPage() {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [problems, setProblems] = useState<ProblemItem[]>([]);
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
  const returnPath = safeReturnPath((location.state as SignInState | null)?.from);
  const current = useCurrentUser();

  const signingIn = useMutation({
    mutationFn: () => signIn(email.trim(), password),
    onSuccess: ({ user }) => {
      rememberSignedIn(queryClient, user);
      navigate(returnPath, { replace: true });
    },
    onError: (error) => {
      setPassword('');
      setProblems(problemsFrom(error));
    },
  });

  if (current.data) return <Navigate to={returnPath} replace />;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = validateSignIn({ email, password });
    setProblems(found);
    if (found.length === 0) signingIn.mutate();
  };
  const fieldError = (fieldId: string) => problems.find((p) => p.fieldId === fieldId)?.text;

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
          <form onSubmit={submit} noValidate>
            <TextInput
              id="email"
              label="Email address"
              type="email"
              autoComplete="email"
              spellCheck={false}
              value={email}
              onChange={setEmail}
              error={fieldError('email')}
            />
            <TextInput
              id="password"
              label="Password"
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={setPassword}
              error={fieldError('password')}
              width={20}
            />
            <Button disabled={signingIn.isPending}>
              {signingIn.isPending ? 'Signing in…' : 'Sign in'}
            </Button>
          </form>
        </div>
      </div>
    </Page>
  );
}
