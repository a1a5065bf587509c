import { useEffect, useState, type FormEvent } from 'react';
import type { Feedback } from '@coproduce/domain';
import { ApiErrorSummary } from '../../components/ApiErrorSummary';
import { Button } from '../../components/Button';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Loading } from '../../components/Loading';
import { TextInput } from '../../components/TextInput';
import { linksWith, shortened, whereSaid, whoSaidIt } from './feedback-words';
import { useFeedbackFound, useLinkFeedback } from './feedback-queries';
import type { LinkDraft } from './useFeedbackInText';

interface Props {
  workspaceId: string;
  specificationId: string;
  draft: LinkDraft;
  /** Linked (the item, as it is now) or cancelled (null). */
  onDone: (linked: Feedback | null) => void;
}

const SEARCH_ID = 'link-feedback-search';
const CHOICE_NAME = 'link-feedback-choice';
const CHOOSE_ONE = 'Choose the feedback to link to these words';

/**
 * Links feedback to the words selected: find the item by the words it holds (the newest
 * come first), choose it, and link it. Its other links are kept.
 */
export function LinkFeedbackForm({ workspaceId, specificationId, draft, onDone }: Props) {
  const [typed, setTyped] = useState('');
  const [search, setSearch] = useState('');
  const [chosenId, setChosenId] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const found = useFeedbackFound(workspaceId, search);
  const link = useLinkFeedback(workspaceId, specificationId);
  const results = found.data ?? [];
  const chosen = results.find((item) => item.id === chosenId) ?? null;
  const firstChoiceId = results[0] ? `${CHOICE_NAME}-${results[0].id}` : SEARCH_ID;

  // Opened from the text's toolbar: the first thing to do is to find the item.
  useEffect(() => {
    document.getElementById(SEARCH_ID)?.focus();
  }, []);

  const onSearch = (event: FormEvent) => {
    event.preventDefault();
    setSearch(typed.trim());
    setChosenId(null);
    setProblem(null);
  };

  const onLink = (event: FormEvent) => {
    event.preventDefault();
    if (!chosen) {
      setProblem(CHOOSE_ONE);
      return;
    }
    setProblem(null);
    link.mutate(
      {
        feedbackId: chosen.id,
        links: linksWith(chosen, { specificationId, anchor: draft.anchor, quote: draft.quote }),
      },
      { onSuccess: (item) => onDone(item) },
    );
  };

  return (
    <section className="coproduce-feedback-link" aria-labelledby="link-feedback-heading">
      <h3 id="link-feedback-heading" className="nhsuk-heading-xs nhsuk-u-margin-bottom-1">
        Link feedback
      </h3>
      <p className="nhsuk-body-s coproduce-feedback-link__words">
        To the words “{shortened(draft.quote, 120)}”
      </p>
      {problem && <ErrorSummary problems={[{ text: problem, fieldId: firstChoiceId }]} />}
      {link.isError && <ApiErrorSummary error={link.error} />}
      <form role="search" aria-label="Find feedback" onSubmit={onSearch} noValidate>
        <TextInput
          id={SEARCH_ID}
          label="Find feedback"
          hint="Words from what was said. Leave it empty for the newest feedback."
          type="search"
          value={typed}
          onChange={setTyped}
          autoComplete="off"
        />
        <Button small variant="secondary" type="submit">
          Search
        </Button>
      </form>
      {found.isPending && <Loading what="feedback" />}
      <p role="status" className="nhsuk-body-s coproduce-feedback-link__found">
        {found.isSuccess ? foundMessage(results.length, search) : ''}
      </p>
      {found.isError && <ApiErrorSummary error={found.error} />}
      <form onSubmit={onLink} noValidate>
        {results.length > 0 && (
          <div className={`nhsuk-form-group${problem ? ' nhsuk-form-group--error' : ''}`}>
            <fieldset
              className="nhsuk-fieldset"
              aria-describedby={problem ? 'link-feedback-choice-error' : undefined}
            >
              <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">
                Choose the feedback
              </legend>
              {problem && (
                <span className="nhsuk-error-message" id="link-feedback-choice-error">
                  <span className="nhsuk-u-visually-hidden">Error:</span> {problem}
                </span>
              )}
              <div className="nhsuk-radios nhsuk-radios--small">
                {results.map((item) => {
                  const id = `${CHOICE_NAME}-${item.id}`;
                  const linkedHere = item.links.some(
                    (each) => each.specificationId === specificationId,
                  );
                  return (
                    <div className="nhsuk-radios__item" key={item.id}>
                      <input
                        className="nhsuk-radios__input"
                        id={id}
                        name={CHOICE_NAME}
                        type="radio"
                        value={item.id}
                        checked={chosenId === item.id}
                        onChange={() => {
                          setChosenId(item.id);
                          setProblem(null);
                        }}
                        aria-describedby={`${id}-hint`}
                      />
                      <label className="nhsuk-label nhsuk-radios__label" htmlFor={id}>
                        {item.verbatim
                          ? `“${shortened(item.text, 140)}”`
                          : `Summarised: ${shortened(item.text, 140)}`}
                      </label>
                      <div className="nhsuk-hint nhsuk-radios__hint" id={`${id}-hint`}>
                        {whoSaidIt(item)}. {whereSaid(item)}.
                        {linkedHere && ' Already linked to words in this specification.'}
                      </div>
                    </div>
                  );
                })}
              </div>
            </fieldset>
          </div>
        )}
        <div className="coproduce-feedback-link__actions">
          {results.length > 0 && (
            <Button small type="submit" busyText={link.isPending && 'Linking…'}>
              Link feedback
            </Button>
          )}
          <Button small variant="secondary" type="button" onClick={() => onDone(null)}>
            Cancel
          </Button>
        </div>
      </form>
    </section>
  );
}

function foundMessage(count: number, search: string): string {
  if (search === '') {
    return count === 0 ? 'There is no feedback yet.' : `The ${count} newest items.`;
  }
  if (count === 0) return `No feedback has the words “${search}”. Try other words.`;
  return `${count === 1 ? '1 item has' : `${count} items have`} the words “${search}”.`;
}
