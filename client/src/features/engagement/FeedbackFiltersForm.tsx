import {
  AUDIENCES,
  AUDIENCE_NAMES,
  FEEDBACK_STATUSES,
  FEEDBACK_STATUS_NAMES,
  type Audience,
  type EngagementEvent,
  type FeedbackStatus,
  type FeedbackTheme,
  type SpecificationSummary,
} from '@coproduce/domain';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { Button } from '../../components/Button';
import { Select } from '../../components/Select';
import { TextInput } from '../../components/TextInput';
import { formatUkDate } from './uk-time';
import { isFiltered, type FeedbackFilters } from './feedback-filters';

interface FeedbackFiltersFormProps {
  filters: FeedbackFilters;
  events: readonly EngagementEvent[];
  themes: readonly FeedbackTheme[];
  specifications: readonly SpecificationSummary[];
  /** Goes to the first page of the list with these filters. */
  onApply: (filters: FeedbackFilters) => void;
  clearTo: string;
}

/** Narrows the feedback list; applying it changes the address, so the back button undoes it. */
export function FeedbackFiltersForm({
  filters,
  events,
  themes,
  specifications,
  onApply,
  clearTo,
}: FeedbackFiltersFormProps) {
  const [draft, setDraft] = useState(filters);
  const set = <Key extends keyof FeedbackFilters>(key: Key, value: FeedbackFilters[Key]) =>
    setDraft((current) => ({ ...current, [key]: value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply({ ...draft, search: draft.search.trim(), page: 1 });
  };
  // An event or theme in the address that is not (or no longer) listed still shows as chosen.
  const eventOptions = [
    { value: '', text: 'Any event or source' },
    ...events.map((item) => ({
      value: item.id,
      text: `${item.title} (${formatUkDate(item.startsAt)})`,
    })),
    ...(draft.eventId && !events.some((item) => item.id === draft.eventId)
      ? [{ value: draft.eventId, text: 'The event in the address' }]
      : []),
  ];
  const themeOptions = [
    { value: '', text: 'Any theme' },
    ...themes.map((theme) => ({ value: theme.id, text: `${theme.name} (${theme.feedbackCount})` })),
    ...(draft.themeId && !themes.some((theme) => theme.id === draft.themeId)
      ? [{ value: draft.themeId, text: 'The theme in the address' }]
      : []),
  ];
  const specificationOptions = [
    { value: '', text: 'Any, or none' },
    ...specifications.map((specification) => ({
      value: specification.id,
      text: specification.title,
    })),
    ...(draft.specificationId &&
    !specifications.some((specification) => specification.id === draft.specificationId)
      ? [{ value: draft.specificationId, text: 'The specification in the address' }]
      : []),
  ];
  return (
    <form
      className="coproduce-feedback-filters"
      onSubmit={submit}
      noValidate
      aria-labelledby="feedback-filters-heading"
    >
      <h2 id="feedback-filters-heading" className="nhsuk-heading-m">
        Filter feedback
      </h2>
      <TextInput
        id="filter-search"
        label="Words in the feedback"
        type="search"
        autoComplete="off"
        value={draft.search}
        onChange={(search) => set('search', search)}
      />
      <div className="coproduce-filter-row">
        <Select
          id="filter-event"
          label="Event"
          options={eventOptions}
          value={draft.eventId}
          onChange={(eventId) => set('eventId', eventId)}
        />
        <Select
          id="filter-theme"
          label="Theme"
          options={themeOptions}
          value={draft.themeId}
          onChange={(themeId) => set('themeId', themeId)}
        />
        <Select<FeedbackStatus | ''>
          id="filter-status"
          label="Status"
          options={[
            { value: '', text: 'Any status' },
            ...FEEDBACK_STATUSES.map((status) => ({
              value: status,
              text: FEEDBACK_STATUS_NAMES[status],
            })),
          ]}
          value={draft.status}
          onChange={(status) => set('status', status)}
        />
        <Select<Audience | ''>
          id="filter-audience"
          label="Who said it"
          options={[
            { value: '', text: 'Anyone' },
            ...AUDIENCES.map((audience) => ({ value: audience, text: AUDIENCE_NAMES[audience] })),
          ]}
          value={draft.audience}
          onChange={(audience) => set('audience', audience)}
        />
        <Select
          id="filter-specification"
          label="Linked to the specification"
          options={specificationOptions}
          value={draft.specificationId}
          onChange={(specificationId) => set('specificationId', specificationId)}
        />
      </div>
      <div className="nhsuk-button-group">
        <Button variant="secondary">Apply filters</Button>
        {isFiltered(filters) && (
          <Link className="nhsuk-link" to={clearTo}>
            Clear filters
          </Link>
        )}
      </div>
    </form>
  );
}
