import { AUDIENCE_NAMES, AUDIENCES, type Audience } from '@coproduce/domain';
import { useState, type FormEvent } from 'react';
import { ErrorSummary, type ProblemItem } from '../../components/ErrorSummary';
import { Textarea } from '../../components/Textarea';
import { NOT_KEPT, type KeptEvent } from './drop-in-store';
import { checkFeedback, type FeedbackDraft } from './feedback-draft';
import type { DropIn } from './useDropIn';

const AUDIENCE_FIELD = 'drop-in-audience';
const TEXT_FIELD = 'drop-in-text';

/**
 * What someone said, in two taps and the words: who said it, what it is about (the
 * workspace's themes), then the text. Saved on the device at once; sent when it can be.
 */
export function FeedbackCapture({ event, dropIn }: { event: KeptEvent; dropIn: DropIn }) {
  const [draft, setDraft] = useState<FeedbackDraft>({
    audience: null,
    themes: [],
    text: '',
    verbatim: false,
  });
  const [problems, setProblems] = useState<ProblemItem[]>([]);
  const [saved, setSaved] = useState('');
  const [saving, setSaving] = useState(false);
  const error = (fieldId: string) => problems.find((problem) => problem.fieldId === fieldId)?.text;

  const submit = async (formEvent: FormEvent) => {
    formEvent.preventDefault();
    const checked = checkFeedback(draft);
    if (!checked.ok) {
      setProblems(checked.problems);
      setSaved('');
      return;
    }
    setProblems([]);
    setSaving(true);
    try {
      await dropIn.giveFeedback(checked.feedback);
      setDraft({ audience: null, themes: [], text: '', verbatim: false });
      setSaved('Saved on this device. It will be sent when the connection allows.');
    } catch {
      setProblems([{ text: NOT_KEPT, fieldId: TEXT_FIELD }]);
    } finally {
      setSaving(false);
    }
  };

  return (
    <section aria-labelledby="drop-in-said-heading" className="coproduce-drop-in__section">
      <h2 id="drop-in-said-heading" className="nhsuk-heading-m">
        What someone said
      </h2>
      <ErrorSummary problems={problems} />
      <form onSubmit={(formEvent) => void submit(formEvent)} noValidate>
        <div
          className={`nhsuk-form-group${error(AUDIENCE_FIELD) ? ' nhsuk-form-group--error' : ''}`}
        >
          <fieldset
            className="nhsuk-fieldset"
            aria-describedby={error(AUDIENCE_FIELD) ? `${AUDIENCE_FIELD}-error` : undefined}
          >
            <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">
              Who said it?
            </legend>
            {error(AUDIENCE_FIELD) && (
              <span className="nhsuk-error-message" id={`${AUDIENCE_FIELD}-error`}>
                <span className="nhsuk-u-visually-hidden">Error:</span> {error(AUDIENCE_FIELD)}
              </span>
            )}
            <div className="nhsuk-radios coproduce-drop-in__choices">
              {AUDIENCES.map((audience: Audience, index) => {
                const id = index === 0 ? AUDIENCE_FIELD : `${AUDIENCE_FIELD}-${audience}`;
                return (
                  <div className="nhsuk-radios__item" key={audience}>
                    <input
                      className="nhsuk-radios__input"
                      id={id}
                      name="drop-in-audience"
                      type="radio"
                      value={audience}
                      checked={draft.audience === audience}
                      onChange={() => setDraft({ ...draft, audience })}
                    />
                    <label className="nhsuk-label nhsuk-radios__label" htmlFor={id}>
                      {AUDIENCE_NAMES[audience]}
                    </label>
                  </div>
                );
              })}
            </div>
          </fieldset>
        </div>
        <div className="nhsuk-form-group">
          <fieldset className="nhsuk-fieldset" aria-describedby="drop-in-themes-hint">
            <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">
              What is it about?
            </legend>
            <div className="nhsuk-hint" id="drop-in-themes-hint">
              {event.themes.length > 0
                ? 'Choose any that fit, or none.'
                : 'This workspace has no themes yet: an engagement lead can add them later.'}
            </div>
            {event.themes.length > 0 && (
              <div className="nhsuk-checkboxes coproduce-drop-in__choices">
                {event.themes.map((theme) => {
                  const id = `drop-in-theme-${theme.id}`;
                  const chosen = draft.themes.includes(theme.name);
                  return (
                    <div className="nhsuk-checkboxes__item" key={theme.id}>
                      <input
                        className="nhsuk-checkboxes__input"
                        id={id}
                        type="checkbox"
                        checked={chosen}
                        onChange={() =>
                          setDraft({
                            ...draft,
                            themes: chosen
                              ? draft.themes.filter((name) => name !== theme.name)
                              : [...draft.themes, theme.name],
                          })
                        }
                      />
                      <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={id}>
                        {theme.name}
                      </label>
                    </div>
                  );
                })}
              </div>
            )}
          </fieldset>
        </div>
        <Textarea
          id={TEXT_FIELD}
          label="What they said"
          rows={4}
          value={draft.text}
          error={error(TEXT_FIELD)}
          onChange={(text) => setDraft({ ...draft, text })}
        />
        <div className="nhsuk-form-group">
          <div className="nhsuk-checkboxes">
            <div className="nhsuk-checkboxes__item">
              <input
                className="nhsuk-checkboxes__input"
                id="drop-in-verbatim"
                type="checkbox"
                checked={draft.verbatim}
                onChange={() => setDraft({ ...draft, verbatim: !draft.verbatim })}
              />
              <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor="drop-in-verbatim">
                These are their own words
              </label>
            </div>
          </div>
        </div>
        <button
          type="submit"
          className="nhsuk-button coproduce-drop-in__save"
          disabled={saving}
          data-module="nhsuk-button"
        >
          Save what they said
        </button>
        <p className="coproduce-drop-in__saved" role="status">
          {saved}
        </p>
      </form>
    </section>
  );
}
