import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { isApiError } from '../../api/api-error';
import { ApiErrorSummary, problemsFrom } from '../../components/ApiErrorSummary';
import { Button } from '../../components/Button';
import { EmailInput } from '../../components/EmailInput';
import { ErrorSummary, type ProblemItem } from '../../components/ErrorSummary';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { NewPasswordInput } from '../../components/NewPasswordInput';
import { TextInput } from '../../components/TextInput';
import { useFormFields } from '../../components/useFormFields';
import { paths } from '../../paths';
import { useCompleteSetup, useSetupStatus } from './setup-queries';
import { WorkspaceDetailsFields } from '../workspaces/WorkspaceDetailsFields';
import { validateSetup, type SetupFields } from './validate-setup';

const TITLE = 'Set up Coproduce';

const EMPTY: SetupFields = {
  code: '',
  name: '',
  email: '',
  password: '',
  workspaceName: '',
  serviceArea: '',
  leadOrganisation: '',
};

/** A wrong code is a problem with the code field: point at it. */
function problemsFromServer(error: unknown): ProblemItem[] {
  if (isApiError(error) && error.code === 'wrong-setup-code') {
    return [{ fieldId: 'code', text: error.message }];
  }
  return problemsFrom(error);
}

/** First run: the person holding the printed code creates the first commissioner account. */
export function SetupPage() {
  const status = useSetupStatus();
  const [problems, setProblems] = useState<ProblemItem[]>([]);
  const { values, setValue, field } = useFormFields(EMPTY, problems);
  const completing = useCompleteSetup();

  if (status.isPending) {
    return (
      <Page title={TITLE}>
        <Loading what="whether Coproduce needs setting up" />
      </Page>
    );
  }
  if (status.isError) {
    return (
      <Page title={TITLE} hasError>
        <ApiErrorSummary error={status.error} />
        <h1>{TITLE}</h1>
      </Page>
    );
  }
  if (!status.data.needed && !completing.isSuccess) {
    return (
      <Page title="Coproduce is already set up">
        <h1>Coproduce is already set up</h1>
        <p>Someone has already created the first account, so set-up is closed.</p>
        <p>
          <Link to={paths.signIn}>Sign in</Link> with your account, or ask a commissioner in your
          workspace to invite you.
        </p>
      </Page>
    );
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const { problems: found, request } = validateSetup(values);
    setProblems(found);
    if (request) {
      completing.mutate(request, {
        onError: (error) => {
          setValue('password', '');
          setProblems(problemsFromServer(error));
        },
      });
    }
  };

  return (
    <Page title={TITLE} hasError={problems.length > 0}>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <ErrorSummary problems={problems} />
          <h1>{TITLE}</h1>
          <p>
            Nobody has an account yet. Create the first one: you will be the commissioner of your
            first workspace, and can invite everyone else from there.
          </p>
          <form onSubmit={submit} noValidate>
            <TextInput
              label="Set-up code"
              hint="Coproduce printed this where it was started, for example HK4C-97TW-MQXA. A new code is printed each time it starts."
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
              width={10}
              {...field('code')}
            />
            <h2>Your account</h2>
            <TextInput
              label="Full name"
              hint="Other members of your workspaces will see this"
              autoComplete="name"
              spellCheck={false}
              {...field('name')}
            />
            <EmailInput
              label="Email address"
              hint="You will use this to sign in"
              {...field('email')}
            />
            <NewPasswordInput {...field('password')} />
            <h2>Your first workspace</h2>
            <WorkspaceDetailsFields
              name={field('workspaceName')}
              serviceArea={field('serviceArea')}
              leadOrganisation={field('leadOrganisation')}
            />
            <Button busyText={completing.isPending && 'Setting up…'}>
              Create account and workspace
            </Button>
          </form>
        </div>
      </div>
    </Page>
  );
}
