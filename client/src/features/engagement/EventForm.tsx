import {
  ENGAGEMENT_EVENT_TYPES,
  ENGAGEMENT_EVENT_TYPE_NAMES,
  type CreateEngagementEventRequest,
  type EngagementEvent,
  type EngagementEventType,
} from '@coproduce/domain';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent, type ReactNode } from 'react';
import { problemsFrom } from '../../components/ApiErrorSummary';
import { Button } from '../../components/Button';
import { DateInput } from '../../components/DateInput';
import { ErrorSummary, type ProblemItem } from '../../components/ErrorSummary';
import { Radios } from '../../components/Radios';
import { Textarea } from '../../components/Textarea';
import { TextInput } from '../../components/TextInput';
import { useFormFields } from '../../components/useFormFields';
import {
  EVENT_REACH_ROWS,
  REACH_ID_PREFIX,
  validateEvent,
  type EventFormValues,
  type EventTextValues,
} from './event-form';
import { ProviderParticipantsField } from './ProviderParticipantsField';
import { ReachFields } from './ReachFields';
import { formatCount } from './report-figures';
import { sumOfReach } from './reach-grid';

const TYPE_OPTIONS = ENGAGEMENT_EVENT_TYPES.map((type) => ({
  value: type,
  text: ENGAGEMENT_EVENT_TYPE_NAMES[type],
}));

interface EventFormProps {
  workspaceId: string;
  initial: EventFormValues;
  mode: 'record' | 'change';
  /** Sends the request: records the event or changes it. */
  save: (request: CreateEngagementEventRequest) => Promise<EngagementEvent>;
  onSaved: (event: EngagementEvent) => Promise<unknown> | void;
  /** The page's heading, inside the form so the error summary comes first. */
  heading: ReactNode;
  submitText: string;
  busyText: string;
  onProblems?: (problems: ProblemItem[]) => void;
}

/** An engagement event's details, who took part, and for market engagement its notice. */
export function EventForm({
  workspaceId,
  initial,
  mode,
  save,
  onSaved,
  heading,
  submitText,
  busyText,
  onProblems,
}: EventFormProps) {
  const [problems, setShownProblems] = useState<ProblemItem[]>([]);
  const setProblems = (found: ProblemItem[]) => {
    setShownProblems(found);
    onProblems?.(found);
  };
  const [type, setType] = useState<EngagementEventType | ''>(initial.type);
  const [online, setOnline] = useState(initial.online);
  const [reach, setReach] = useState(initial.reach);
  const [providers, setProviders] = useState(initial.providerParticipants);
  const { values, field } = useFormFields<keyof EventTextValues>(initial.text, problems);
  const saving = useMutation({
    mutationFn: save,
    onSuccess: onSaved,
    onError: (error) => setProblems(problemsFrom(error)),
  });
  const errorFor = (id: string) => problems.find((problem) => problem.fieldId === id)?.text;
  const sum = sumOfReach(reach);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const { problems: found, request } = validateEvent(
      { type, online, text: values, reach, providerParticipants: providers },
      mode,
    );
    setProblems(found);
    if (request) saving.mutate(request);
  };

  return (
    <form onSubmit={submit} noValidate>
      <ErrorSummary problems={problems} />
      {heading}
      <Radios
        id="event-type"
        label="What kind of event was it?"
        options={TYPE_OPTIONS}
        value={type}
        onChange={setType}
        error={errorFor('event-type')}
      />
      <TextInput
        label="Title"
        hint="For example, Drop-in at Hillside youth club"
        autoComplete="off"
        {...field('event-title')}
      />
      <div className="coproduce-date-time">
        <DateInput label="Date" hint="For example, 14 6 2025" {...field('event-date')} />
        <TextInput type="time" label="Start time" hint="UK time" {...field('event-time')} />
      </div>
      <div className="coproduce-date-time">
        <DateInput
          label="End date (optional)"
          hint="Only if it ran over more than one day, like a survey. For example, 20 6 2025"
          {...field('event-end-date')}
        />
        <TextInput
          type="time"
          label="End time (optional)"
          hint="UK time"
          {...field('event-end-time')}
        />
      </div>
      <TextInput
        label="Place"
        hint="For example, a community centre or school. Leave blank if it was only online."
        autoComplete="off"
        {...field('event-place')}
      />
      <div className="nhsuk-form-group">
        <div className="nhsuk-checkboxes">
          <div className="nhsuk-checkboxes__item">
            <input
              className="nhsuk-checkboxes__input"
              id="event-online"
              type="checkbox"
              checked={online}
              onChange={(event) => setOnline(event.target.checked)}
            />
            <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor="event-online">
              It took place online, or partly online
            </label>
          </div>
        </div>
      </div>
      <Textarea
        label="Facilitators (optional)"
        hint="Who ran it. Put each person on a new line."
        rows={3}
        {...field('event-facilitators')}
      />
      <Textarea
        label="Partner organisations (optional)"
        hint="Organisations that helped run it, such as a parent carer forum. Put each on a new line."
        rows={3}
        {...field('event-partners')}
      />

      <h2>Who took part</h2>
      <ReachFields
        legend="How many people took part, by group"
        hint="Leave a group blank if you do not know. You can enter 0."
        rows={EVENT_REACH_ROWS}
        values={reach}
        onChange={setReach}
        idPrefix={REACH_ID_PREFIX}
        problems={problems}
      />
      <p className="nhsuk-body" aria-live="polite">
        The numbers above add up to <strong>{formatCount(sum)}</strong>.
      </p>
      <TextInput
        label="Total who took part (optional)"
        hint={`Leave blank to use the sum of the numbers above (${formatCount(sum)}). Give a total if some people were not counted in a group.`}
        inputMode="numeric"
        autoComplete="off"
        spellCheck={false}
        width={5}
        {...field('event-took-part')}
      />

      {type === 'market-engagement' && (
        <>
          <h2>Market engagement</h2>
          <Textarea
            label="Organisations that attended (optional)"
            hint="Put each on a new line. What they said is recorded as feedback, kept apart from this list."
            rows={4}
            {...field('event-attending')}
          />
          <ProviderParticipantsField
            workspaceId={workspaceId}
            values={providers}
            onChange={setProviders}
            error={errorFor('event-providers')}
          />
          <h3>Preliminary market engagement notice</h3>
          <p>
            The notice tells providers about the event. Coproduce writes it from the event’s details
            and these two answers; you can download it from the event’s page.
          </p>
          <Textarea
            label="What the engagement is for (optional)"
            hint="The service, and what commissioners want to learn from providers"
            rows={4}
            {...field('notice-purpose')}
          />
          <Textarea
            label="How providers take part (optional)"
            hint="How to register, and what to bring or send"
            rows={4}
            {...field('notice-how')}
          />
        </>
      )}

      <h2>Notes</h2>
      <Textarea
        label="Notes (optional)"
        hint="What happened, anything others should know"
        {...field('event-notes')}
      />
      <Textarea
        label="Accessibility notes (optional)"
        hint="For example, step-free access, British Sign Language interpreter, easy read materials"
        rows={3}
        {...field('event-accessibility')}
      />
      <Textarea
        label="Safeguarding notes (optional)"
        hint="For example, consent from parents, who was the safeguarding lead. Do not name children."
        rows={3}
        {...field('event-safeguarding')}
      />
      <Button busyText={saving.isPending && busyText}>{submitText}</Button>
    </form>
  );
}
