import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { changeName } from '../../api/account';
import { ApiErrorSummary, problemsFrom } from '../../components/ApiErrorSummary';
import { Button } from '../../components/Button';
import { ErrorSummary, type ProblemItem } from '../../components/ErrorSummary';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { TextInput } from '../../components/TextInput';
import { useFormFields } from '../../components/useFormFields';
import { paths } from '../../paths';
import { refreshAccount, useAccount, type AccountChanged } from './account-queries';
import { validateName } from './validate-account';

const breadcrumbs = [
  { to: paths.workspaces, text: 'Your workspaces' },
  { to: paths.account, text: 'Your account' },
];

/** Change your name, as everyone in your workspaces sees it. */
export function ChangeNamePage() {
  const account = useAccount();
  if (account.data) return <NameForm current={account.data.name} />;
  return (
    <Page title="Change your name" breadcrumbs={breadcrumbs} hasError={account.isError}>
      {account.isError && <ApiErrorSummary error={account.error} />}
      <h1>Change your name</h1>
      {account.isPending && <Loading what="your account" />}
    </Page>
  );
}

function NameForm({ current }: { current: string }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [problems, setProblems] = useState<ProblemItem[]>([]);
  const { values, field } = useFormFields({ name: current }, problems);
  const saving = useMutation({
    mutationFn: () => changeName(values.name.trim()),
    onSuccess: async () => {
      await refreshAccount(queryClient);
      const state: AccountChanged = { changed: 'name' };
      await navigate(paths.account, { state });
    },
    onError: (error) => setProblems(problemsFrom(error)),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = validateName(values.name);
    setProblems(found);
    if (found.length === 0) saving.mutate();
  };

  return (
    <Page title="Change your name" breadcrumbs={breadcrumbs} hasError={problems.length > 0}>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <ErrorSummary problems={problems} />
          <h1>Change your name</h1>
          <form onSubmit={submit} noValidate>
            <TextInput
              label="Your name"
              hint="Everyone in your workspaces sees this name, beside your comments and changes."
              autoComplete="name"
              spellCheck={false}
              width={30}
              {...field('name')}
            />
            <Button busyText={saving.isPending && 'Saving…'}>Save your name</Button>
          </form>
          <p>
            <Link to={paths.account}>Back to your account</Link>
          </p>
        </div>
      </div>
    </Page>
  );
}
