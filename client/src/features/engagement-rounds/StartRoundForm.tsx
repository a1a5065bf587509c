import type { EngagementEvent, RoundView, SpecificationSummary } from '@coproduce/domain';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent, type ReactNode } from 'react';
import { startRound } from '../../api/engagement-rounds';
import { problemsFrom } from '../../components/ApiErrorSummary';
import { Button } from '../../components/Button';
import { ErrorSummary, type ProblemItem } from '../../components/ErrorSummary';
import { Select } from '../../components/Select';
import { TextInput } from '../../components/TextInput';
import { useFormFields } from '../../components/useFormFields';
import { ProviderParticipantsField } from '../engagement/ProviderParticipantsField';
import { formatUkDate } from '../engagement/uk-time';
import { ClosingFields } from './ClosingFields';
import { NamesShownField } from './NamesShownField';
import { ROUND_FIELDS, validateStartRound, type StartRoundValues } from './round-form';

interface StartRoundFormProps {
  workspaceId: string;
  initial: StartRoundValues;
  /** Specifications in use (not archived): the round forks one's draft. */
  specifications: readonly SpecificationSummary[];
  /** The workspace's market engagement events. */
  events: readonly EngagementEvent[];
  onStarted: (round: RoundView) => Promise<unknown> | void;
  /** The page's heading, inside the form so the error summary comes first. */
  heading: ReactNode;
  onProblems: (problems: ProblemItem[]) => void;
}

/** What a round needs: the draft to fork, its event, a title, when it closes and who takes part. */
export function StartRoundForm({
  workspaceId,
  initial,
  specifications,
  events,
  onStarted,
  heading,
  onProblems,
}: StartRoundFormProps) {
  const [problems, setShownProblems] = useState<ProblemItem[]>([]);
  const setProblems = (found: ProblemItem[]) => {
    setShownProblems(found);
    onProblems(found);
  };
  const [specificationId, setSpecificationId] = useState(initial.specificationId);
  const [eventId, setEventId] = useState(initial.eventId);
  const [participantIds, setParticipantIds] = useState(initial.participantIds);
  const [namesShown, setNamesShown] = useState(initial.namesShown);
  const { values, field } = useFormFields(initial.text, problems);
  const starting = useMutation({
    mutationFn: (request: Parameters<typeof startRound>[1]) => startRound(workspaceId, request),
    onSuccess: onStarted,
    onError: (error) => setProblems(problemsFrom(error)),
  });
  const errorFor = (id: string) => problems.find((problem) => problem.fieldId === id)?.text;

  const chooseEvent = (id: string) => {
    setEventId(id);
    // The providers who came to the event are the likely participants: offered ticked.
    const event = events.find((candidate) => candidate.id === id);
    if (event && participantIds.length === 0) {
      setParticipantIds(event.providerParticipants.map((person) => person.id));
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const { problems: found, request } = validateStartRound(
      { text: values, specificationId, eventId, participantIds, namesShown },
      new Date(),
    );
    setProblems(found);
    if (request) starting.mutate(request);
  };

  return (
    <form onSubmit={submit} noValidate>
      <ErrorSummary problems={problems} />
      {heading}
      <Select
        id={ROUND_FIELDS.specification}
        label="Specification"
        hint="The round starts from its draft as it is now. Providers never see the draft itself, and later changes to it do not reach the round."
        options={[
          { value: '', text: 'Choose a specification' },
          ...specifications.map((specification) => ({
            value: specification.id,
            text: specification.title,
          })),
        ]}
        value={specificationId}
        onChange={setSpecificationId}
        error={errorFor(ROUND_FIELDS.specification)}
      />
      <Select
        id={ROUND_FIELDS.event}
        label="Market engagement event"
        hint="Its preliminary market engagement notice will give the round’s dates."
        options={[
          { value: '', text: 'Choose an event' },
          ...events.map((event) => ({
            value: event.id,
            text: `${event.title} (${formatUkDate(event.startsAt)})`,
          })),
        ]}
        value={eventId}
        onChange={chooseEvent}
        error={errorFor(ROUND_FIELDS.event)}
      />
      <TextInput
        label="Title"
        hint="For example, Short breaks: shaping the specification with providers"
        autoComplete="off"
        {...field(ROUND_FIELDS.title)}
      />
      <ClosingFields field={field} />
      <ProviderParticipantsField
        workspaceId={workspaceId}
        values={participantIds}
        onChange={setParticipantIds}
        error={errorFor(ROUND_FIELDS.participants)}
        id={ROUND_FIELDS.participants}
        label="Providers taking part"
        hint="Members of this workspace with the provider role. Only those chosen can open the round."
        noProvidersHeading="Providers taking part"
      />
      <NamesShownField checked={namesShown} onChange={setNamesShown} />
      <Button busyText={starting.isPending && 'Starting the round…'}>Start the round</Button>
    </form>
  );
}
