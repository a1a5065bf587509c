import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { requestPasswordReset } from '../../api/password-resets';
import { problemsFrom } from '../../components/ApiErrorSummary';
import { Button } from '../../components/Button';
import { EmailInput } from '../../components/EmailInput';
import { ErrorSummary, type ProblemItem } from '../../components/ErrorSummary';
import { Page } from '../../components/Page';
import { useFormFields } from '../../components/useFormFields';
import { paths } from '../../paths';
import { validateEmailField } from './validate-password-reset';

/** "Forgotten your password?": ask for a link by email, or learn who can make one. */
export function ForgottenPasswordPage() {
  const [problems, setProblems] = useState<ProblemItem[]>([]);
  const { values, field } = useFormFields({ email: '' }, problems);
  const asking = useMutation({
    mutationFn: () => requestPasswordReset(values.email.trim()),
    onError: (error) => setProblems(problemsFrom(error)),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = validateEmailField(values.email);
    setProblems(found);
    if (found.length === 0) asking.mutate();
  };

  if (asking.data) {
    const byEmail = asking.data.delivery === 'email';
    return (
      <Page title={byEmail ? 'Check your email' : 'Ask a commissioner'}>
        <div className="nhsuk-grid-row">
          <div className="nhsuk-grid-column-two-thirds">
            <h1>{byEmail ? 'Check your email' : 'Ask a commissioner'}</h1>
            <p>{asking.data.message}</p>
            <p>
              <Link to={paths.signIn}>Back to sign in</Link>
            </p>
          </div>
        </div>
      </Page>
    );
  }

  return (
    <Page title="Forgotten your password?" hasError={problems.length > 0}>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <ErrorSummary problems={problems} />
          <h1>Forgotten your password?</h1>
          <p>
            Enter the email address you sign in with. We will send a link to choose a new password
            if it has an account.
          </p>
          <form onSubmit={submit} noValidate>
            <EmailInput label="Email address" {...field('email')} />
            <Button busyText={asking.isPending && 'Sending…'}>Send the link</Button>
          </form>
          <p>
            <Link to={paths.signIn}>Back to sign in</Link>
          </p>
        </div>
      </div>
    </Page>
  );
}
