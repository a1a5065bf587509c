// Publishing a specification: a commissioner names the version, writes release notes,
// sets optional key dates, checks them, and publishes the text as it is now.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import type { PublishedVersionReceipt } from '@coproduce/domain';
import { publishVersion } from '../../api/publishing';
import { ApiErrorSummary, problemsFrom } from '../../components/ApiErrorSummary';
import { Button } from '../../components/Button';
import { ErrorSummary, type ProblemItem } from '../../components/ErrorSummary';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { SuccessBanner } from '../../components/SuccessBanner';
import { SummaryList } from '../../components/SummaryList';
import { Textarea } from '../../components/Textarea';
import { DateInput } from '../../components/DateInput';
import { TextInput } from '../../components/TextInput';
import { useFormFields } from '../../components/useFormFields';
import { formatDateTime } from '../../dates';
import { paths } from '../../paths';
import { may } from '../workspace/permissions';
import { workspaceKeys } from '../workspace/workspace-queries';
import { formatCalendarDate } from './key-dates';
import { publishingKeys } from './publishing-queries';
import { useSpecificationFrame } from './useSpecificationFrame';
import { publishRequestFrom, validatePublish, type PublishFormValues } from './validate-publishing';

type Step = 'form' | 'check';

export function PublishPage() {
  const frame = useSpecificationFrame();
  const { workspaceId, specificationId, title, breadcrumbs } = frame;
  const [problems, setProblems] = useState<ProblemItem[]>([]);
  const [step, setStep] = useState<Step>('form');
  const [published, setPublished] = useState<PublishedVersionReceipt>();
  const { values, field } = useFormFields<keyof PublishFormValues>(
    {
      'version-name': '',
      'version-notes': '',
      'clarification-deadline': '',
      'submission-deadline': '',
    },
    problems,
  );
  const queryClient = useQueryClient();

  const publishing = useMutation({
    mutationFn: () => publishVersion(workspaceId, specificationId, publishRequestFrom(values)),
    onSuccess: async (receipt) => {
      setPublished(receipt);
      await Promise.all([
        queryClient.invalidateQueries({
          queryKey: publishingKeys.all(workspaceId, specificationId),
        }),
        queryClient.invalidateQueries({ queryKey: workspaceKeys.specifications(workspaceId) }),
      ]);
    },
    onError: (error) => {
      setProblems(problemsFrom(error));
      setStep('form');
    },
  });

  if (frame.pending) {
    return (
      <Page title="Publish a version" breadcrumbs={breadcrumbs}>
        <Loading what="the specification" />
      </Page>
    );
  }
  if (frame.error || !frame.specification || !may(frame.workspace.data!, 'specification.publish')) {
    return (
      <Page title="Publish a version" breadcrumbs={breadcrumbs} hasError>
        {frame.error && <ApiErrorSummary error={frame.error} />}
        <h1>You cannot publish this specification</h1>
        <p>Only the workspace's commissioners publish versions for providers.</p>
        <p>
          <Link to={paths.workspace(workspaceId)}>Go back to the workspace</Link>
        </p>
      </Page>
    );
  }

  const heading = (
    <span className="nhsuk-caption-l">
      {title}
      <span className="nhsuk-u-visually-hidden"> – </span>
    </span>
  );

  if (published) {
    return (
      <Page title={`Version ${published.number} published`} breadcrumbs={breadcrumbs}>
        <SuccessBanner heading={`Version ${published.number} published`}>
          <p>
            {published.name}, published {formatDateTime(published.publishedAt)}. Every provider of
            this workspace can now read it.
          </p>
        </SuccessBanner>
        <h1>
          {heading}
          Version {published.number}: {published.name}
        </h1>
        <ul className="nhsuk-list">
          <li>
            <Link to={paths.version(workspaceId, specificationId, published.number)}>
              Read version {published.number} as providers see it
            </Link>
          </li>
          <li>
            <Link to={paths.history(workspaceId, specificationId)}>See the history</Link>
          </li>
          <li>
            <Link to={paths.specification(workspaceId, specificationId)}>Go back to the draft</Link>
          </li>
        </ul>
      </Page>
    );
  }

  const submitForm = (event: FormEvent) => {
    event.preventDefault();
    const found = validatePublish(values);
    setProblems(found);
    if (found.length === 0) setStep('check');
  };

  if (step === 'check') {
    const clarification = values['clarification-deadline'].trim();
    const submission = values['submission-deadline'].trim();
    return (
      <Page title="Check before publishing" breadcrumbs={breadcrumbs}>
        <h1>
          {heading}
          Check before publishing
        </h1>
        <SummaryList
          rows={[
            { key: 'Name', value: values['version-name'].trim() },
            {
              key: 'Release notes',
              value: values['version-notes'].trim() || 'None',
            },
            {
              key: 'Clarification questions close',
              value: clarification ? `End of ${formatCalendarDate(clarification)}` : 'No deadline',
            },
            {
              key: 'Submission deadline',
              value: submission ? `End of ${formatCalendarDate(submission)}` : 'None',
            },
          ]}
        />
        <div className="nhsuk-inset-text">
          <span className="nhsuk-u-visually-hidden">Information: </span>
          <p>
            The specification is published as it is at the moment you press the button, with
            everyone's edits so far. Every provider in the workspace can then read it. A published
            version cannot be changed, only withdrawn.
          </p>
        </div>
        <Button
          type="button"
          onClick={() => publishing.mutate()}
          busyText={publishing.isPending && 'Publishing…'}
        >
          Publish version
        </Button>{' '}
        <Button type="button" variant="secondary" onClick={() => setStep('form')}>
          Change the details
        </Button>
      </Page>
    );
  }

  return (
    <Page title="Publish a version" breadcrumbs={breadcrumbs} hasError={problems.length > 0}>
      <form onSubmit={submitForm} noValidate>
        <ErrorSummary problems={problems} />
        <h1>
          {heading}
          Publish a version for providers
        </h1>
        <TextInput
          label="Name of this version"
          hint="For example, Version for market engagement"
          {...field('version-name')}
        />
        <Textarea
          label="Release notes (optional)"
          hint="What this version is for and what changed since the last one. Providers read this first."
          {...field('version-notes')}
        />
        <DateInput
          label="Clarification questions close (optional)"
          hint="Providers can ask questions until the end of this day, UK time. For example, 12 1 2027"
          {...field('clarification-deadline')}
        />
        <DateInput
          label="Submission deadline (optional)"
          hint="Shown to providers with the version. For example, 26 2 2027"
          {...field('submission-deadline')}
        />
        <Button>Continue</Button>
      </form>
    </Page>
  );
}
