import {
  AGE_BANDS,
  AUDIENCES,
  AUDIENCE_NAMES,
  ageBandName,
  type AgeBand,
  type Audience,
  type CreateFeedbackRequest,
} from '@coproduce/domain';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { createFeedback } from '../../api/engagement';
import { ApiErrorSummary, problemsFrom } from '../../components/ApiErrorSummary';
import { Button } from '../../components/Button';
import { ErrorSummary, type ProblemItem } from '../../components/ErrorSummary';
import { Loading } from '../../components/Loading';
import { Radios } from '../../components/Radios';
import { Select } from '../../components/Select';
import { SuccessBanner } from '../../components/SuccessBanner';
import { Textarea } from '../../components/Textarea';
import { TextInput } from '../../components/TextInput';
import { ThemeChoices } from './ThemeChoices';
import { useFeedbackThemes, useRefreshEngagement } from './engagement-queries';
import {
  BLANK_FEEDBACK,
  validateFeedback,
  type FeedbackFormValues,
  type Wording,
} from './feedback-form';

const WORDING_OPTIONS: { value: Wording; text: string; hint: string }[] = [
  { value: 'verbatim', text: 'Their own words', hint: 'Shown in quotation marks' },
  { value: 'summary', text: 'A summary', hint: 'What they said, in your words' },
];

const AUDIENCE_OPTIONS = AUDIENCES.map((audience) => ({
  value: audience,
  text: AUDIENCE_NAMES[audience],
}));

const AGE_BAND_OPTIONS: { value: AgeBand | ''; text: string }[] = [
  { value: '', text: 'Not recorded' },
  ...AGE_BANDS.map((band) => ({ value: band, text: ageBandName(band) })),
];

interface AddFeedbackFormProps {
  workspaceId: string;
  /** The event it came from; without one the form asks where it came from. */
  eventId?: string;
}

/** Records what someone said: the words, who, and its themes. It starts as "new". */
export function AddFeedbackForm({ workspaceId, eventId }: AddFeedbackFormProps) {
  const themes = useFeedbackThemes(workspaceId);
  const refresh = useRefreshEngagement(workspaceId);
  const [values, setValues] = useState<FeedbackFormValues>(BLANK_FEEDBACK);
  const [problems, setProblems] = useState<ProblemItem[]>([]);
  const [added, setAdded] = useState(0);
  const set = <Key extends keyof FeedbackFormValues>(key: Key, value: FeedbackFormValues[Key]) =>
    setValues((current) => ({ ...current, [key]: value }));
  const adding = useMutation({
    mutationFn: (request: CreateFeedbackRequest) => createFeedback(workspaceId, request),
    onSuccess: async () => {
      // The next item from the same place is likely from the same people: keep who and where.
      setValues((current) => ({
        ...BLANK_FEEDBACK,
        audience: current.audience,
        ageBand: current.ageBand,
        wording: current.wording,
        source: current.source,
      }));
      setAdded((count) => count + 1);
      await refresh();
    },
    onError: (error) => setProblems(problemsFrom(error)),
  });
  const errorFor = (id: string) => problems.find((problem) => problem.fieldId === id)?.text;

  if (themes.isPending) return <Loading what="themes" />;
  if (themes.isError) return <ApiErrorSummary error={themes.error} />;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const { problems: found, request } = validateFeedback(values, { eventId, themes: themes.data });
    setProblems(found);
    setAdded(0);
    if (request) adding.mutate(request);
  };

  return (
    <>
      {added > 0 && (
        <SuccessBanner heading="Feedback added" key={added}>
          <p>It is listed as new. You can add the next item below.</p>
        </SuccessBanner>
      )}
      <form onSubmit={submit} noValidate aria-labelledby="add-feedback-heading">
        <ErrorSummary problems={problems} />
        <h2 id="add-feedback-heading">Add feedback</h2>
        <Textarea
          id="feedback-text"
          label="What was said"
          hint="Do not include names or anything else that would identify a child or young person."
          value={values.text}
          onChange={(text) => set('text', text)}
          error={errorFor('feedback-text')}
        />
        <Radios
          id="feedback-wording"
          label="Are these their own words?"
          options={WORDING_OPTIONS}
          value={values.wording}
          onChange={(wording) => set('wording', wording)}
          error={errorFor('feedback-wording')}
          inline
        />
        <Radios
          id="feedback-audience"
          label="Who said it?"
          options={AUDIENCE_OPTIONS}
          value={values.audience}
          onChange={(audience: Audience) => set('audience', audience)}
          error={errorFor('feedback-audience')}
        />
        {values.audience === 'children-and-young-people' && (
          <Select
            id="feedback-age-band"
            label="Their age (optional)"
            options={AGE_BAND_OPTIONS}
            value={values.ageBand}
            onChange={(ageBand) => set('ageBand', ageBand)}
          />
        )}
        {eventId === undefined && (
          <TextInput
            id="feedback-source"
            label="Where did it come from?"
            hint="For example, an email to the commissioner, or a youth council meeting"
            autoComplete="off"
            value={values.source}
            onChange={(source) => set('source', source)}
            error={errorFor('feedback-source')}
          />
        )}
        <ThemeChoices
          ids={{ themes: 'feedback-themes', newTheme: 'feedback-new-theme' }}
          themes={themes.data}
          chosen={values.themeIds}
          onChoose={(themeIds) => set('themeIds', themeIds)}
          newTheme={values.newTheme}
          onNewTheme={(newTheme) => set('newTheme', newTheme)}
          errors={{
            themes: errorFor('feedback-themes'),
            newTheme: errorFor('feedback-new-theme'),
          }}
        />
        <Button busyText={adding.isPending && 'Adding feedback…'}>Add feedback</Button>
      </form>
    </>
  );
}
