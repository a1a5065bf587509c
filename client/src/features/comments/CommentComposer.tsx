import { useId, useLayoutEffect, useRef, useState, type KeyboardEvent, type Ref } from 'react';
import { MAX_COMMENT_LENGTH, type CommentPerson } from '@coproduce/domain';
import { ApiErrorSummary } from '../../components/ApiErrorSummary';
import { Button } from '../../components/Button';
import { describedBy, FormField } from '../../components/FormField';
import {
  insertMention,
  mentionedIds,
  mentionListKey,
  mentionQueryAt,
  peopleMatching,
  type MentionQuery,
} from './mentions';

interface Props {
  label: string;
  /** Shown under the label, e.g. the text a new thread is about. */
  hint?: string;
  submitText: string;
  busyText: string;
  initialBody?: string;
  /** People the comment being changed mentions already; kept while their "@Name" stays. */
  initialMentions?: readonly CommentPerson[];
  /** Whom an @mention may name: members who may read the draft. */
  people: readonly CommentPerson[];
  pending: boolean;
  /** The server's refusal of the last attempt, if any. */
  failure: unknown;
  onSubmit: (body: string, mentions: string[]) => void;
  onCancel?: () => void;
  textareaRef?: Ref<HTMLTextAreaElement>;
  autoFocus?: boolean;
}

function problemWith(body: string): string | undefined {
  if (body.trim() === '') return 'Enter a comment';
  if (body.length > MAX_COMMENT_LENGTH) {
    return `Comment must be ${MAX_COMMENT_LENGTH.toLocaleString('en-GB')} characters or fewer`;
  }
  return undefined;
}

/**
 * Writing a comment, with @mentions: typing "@" opens a list of people to pick from
 * (WAI-ARIA combobox with a listbox: arrows move, Enter or Tab picks, Escape closes).
 */
export function CommentComposer({
  label,
  hint,
  submitText,
  busyText,
  initialBody = '',
  initialMentions = [],
  people,
  pending,
  failure,
  onSubmit,
  onCancel,
  textareaRef,
  autoFocus,
}: Props) {
  const id = useId();
  const listId = `${id}-people`;
  const [body, setBody] = useState(initialBody);
  const [error, setError] = useState<string | undefined>();
  const [mention, setMention] = useState<MentionQuery | null>(null);
  const [active, setActive] = useState(0);
  // A refusal stays shown until the person changes what they wrote.
  const [seenFailure, setSeenFailure] = useState<unknown>(null);
  const picked = useRef<CommentPerson[]>([...initialMentions]);
  const field = useRef<HTMLTextAreaElement | null>(null);
  // Where the caret goes once React has put a picked name into the text. Set in the same
  // commit, not on the next animation frame: a window in the background gets no frames
  // until it is shown, and the caret would then jump back into whatever was typed since.
  const caretAfterPick = useRef<number | null>(null);
  useLayoutEffect(() => {
    const caret = caretAfterPick.current;
    if (caret === null) return;
    caretAfterPick.current = null;
    field.current?.setSelectionRange(caret, caret);
  }, [body]);
  const options = mention ? peopleMatching(people, mention.query) : [];
  const listOpen = options.length > 0;

  const follow = (text: string, caret: number) => {
    const query = mentionQueryAt(text, caret);
    setMention(query);
    if (query?.query !== mention?.query) setActive(0);
  };

  const pick = (person: CommentPerson) => {
    const textarea = field.current;
    if (!mention || !textarea) return;
    const next = insertMention(body, mention, textarea.selectionStart, person.name);
    picked.current = [...picked.current, person];
    setBody(next.text);
    setMention(null);
    caretAfterPick.current = next.caret;
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (!listOpen) {
      if (event.key === 'Escape' && onCancel) {
        event.stopPropagation();
        onCancel();
      }
      return;
    }
    const action = mentionListKey(event.key, active, options.length);
    if (action === null) return;
    event.preventDefault();
    // The panel's own keys (Escape back to the text) wait until the list is closed.
    event.stopPropagation();
    if (action === 'close') setMention(null);
    else if (action === 'pick') {
      const person = options[active];
      if (person) pick(person);
    } else setActive(action.move);
  };

  const submit = () => {
    const problem = problemWith(body);
    setError(problem);
    if (problem) {
      field.current?.focus();
      return;
    }
    onSubmit(body.trim(), mentionedIds(body, picked.current));
  };

  const description = { id, label, hint, error };
  return (
    <form
      className="coproduce-composer"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      {failure !== null && failure !== undefined && failure !== seenFailure && (
        <ApiErrorSummary error={failure} />
      )}
      <FormField field={description}>
        <div className="coproduce-composer__field">
          <textarea
            ref={(element) => {
              field.current = element;
              if (typeof textareaRef === 'function') textareaRef(element);
              else if (textareaRef) textareaRef.current = element;
            }}
            id={id}
            name="body"
            rows={3}
            className={`nhsuk-textarea${error ? ' nhsuk-textarea--error' : ''}`}
            value={body}
            // A textarea is the combobox here: what is typed is the comment, the list helps.
            role="combobox"
            aria-autocomplete="list"
            aria-expanded={listOpen}
            aria-controls={listId}
            aria-activedescendant={listOpen ? `${listId}-${active}` : undefined}
            aria-describedby={describedBy(description)}
            aria-invalid={error ? true : undefined}
            autoFocus={autoFocus}
            onChange={(event) => {
              setBody(event.target.value);
              setSeenFailure(failure);
              follow(event.target.value, event.target.selectionStart);
            }}
            onSelect={(event) =>
              follow(event.currentTarget.value, event.currentTarget.selectionStart)
            }
            onBlur={() => setMention(null)}
            onKeyDown={onKeyDown}
          />
          <ul
            id={listId}
            role="listbox"
            aria-label="People to mention"
            className="coproduce-composer__people"
            hidden={!listOpen}
          >
            {options.map((person, index) => (
              <li
                key={person.id}
                id={`${listId}-${index}`}
                role="option"
                aria-selected={index === active}
                className="coproduce-composer__person"
                // Picking with the pointer must not take focus from the text first.
                onMouseDown={(event) => {
                  event.preventDefault();
                  pick(person);
                }}
              >
                {person.name}
              </li>
            ))}
          </ul>
        </div>
      </FormField>
      <div className="coproduce-composer__actions">
        <Button small busyText={pending && busyText}>
          {submitText}
        </Button>
        {onCancel && (
          <Button small variant="secondary" type="button" onClick={onCancel}>
            Cancel
          </Button>
        )}
      </div>
    </form>
  );
}
