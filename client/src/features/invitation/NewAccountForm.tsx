import type { InvitationConfirmationEmailed, InvitationPreview } from '@coproduce/domain';
import type { FormEvent } from 'react';
import { Link, useLocation } from 'react-router';
import { isApiError } from '../../api/api-error';
import { problemsFrom } from '../../components/ApiErrorSummary';
import { Button } from '../../components/Button';
import type { ProblemItem } from '../../components/ErrorSummary';
import { EmailInput } from '../../components/EmailInput';
import { NewPasswordInput } from '../../components/NewPasswordInput';
import { TextInput } from '../../components/TextInput';
import { useFormFields } from '../../components/useFormFields';
import { paths } from '../../paths';
import type { SignInState } from '../../session/return-path';
import { useAcceptInvitation } from './useAcceptInvitation';
import { validateAcceptance } from './validate-acceptance';

interface NewAccountFormProps {
  token: string;
  preview: InvitationPreview;
  /** Shown by the page in its error summary, and next to the fields here. */
  problems: ProblemItem[];
  onProblems: (problems: ProblemItem[]) => void;
  /** When the address is to be confirmed first: the email has been sent. */
  onEmailed: (sent: InvitationConfirmationEmailed) => void;
}

/**
 * Someone new accepts by creating their account: name, email for a link invitation, password.
 * When the app confirms addresses (`confirmsByEmail`), the account is made once they follow
 * the link emailed to them.
 */
export function NewAccountForm({
  token,
  preview,
  problems,
  onProblems,
  onEmailed,
}: NewAccountFormProps) {
  const { values, field } = useFormFields({ name: '', email: '', password: '' }, problems);
  const location = useLocation();
  const accepting = useAcceptInvitation(token);
  const asksForEmail = preview.email === null;

  // An email that already has an account is a problem with the email field: point at it.
  const problemsFromServer = (error: unknown): ProblemItem[] =>
    asksForEmail && isApiError(error) && error.code === 'account-exists'
      ? [{ fieldId: 'email', text: error.message }]
      : problemsFrom(error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const { problems: found, request } = validateAcceptance({
      ...values,
      email: asksForEmail ? values.email : null,
    });
    onProblems(found);
    if (request) {
      accepting.mutate(request, {
        onError: (error) => onProblems(problemsFromServer(error)),
        onSuccess: (accepted) => {
          if ('emailed' in accepted) onEmailed(accepted);
        },
      });
    }
  };
  const signInState: SignInState = { from: location.pathname };

  return (
    <>
      <h2>Create your account</h2>
      <p>
        Already have a Coproduce account?{' '}
        <Link to={paths.signIn} state={signInState}>
          Sign in to accept this invitation
        </Link>
        .
      </p>
      <form onSubmit={submit} noValidate>
        <TextInput
          label="Full name"
          hint="Other members of the workspace will see this"
          autoComplete="name"
          spellCheck={false}
          {...field('name')}
        />
        {asksForEmail && (
          <EmailInput
            label="Email address"
            hint="You will use this to sign in"
            {...field('email')}
          />
        )}
        <NewPasswordInput {...field('password')} />
        {preview.confirmsByEmail && (
          <p>
            We will email you a link to confirm your email address. Your account is made, and you
            join, when you follow it.
          </p>
        )}
        <Button
          busyText={accepting.isPending && (preview.confirmsByEmail ? 'Sending…' : 'Joining…')}
        >
          Create account and join
        </Button>
      </form>
    </>
  );
}
