import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { Editor } from '@tiptap/react';
import { ApiErrorSummary } from '../../components/ApiErrorSummary';
import { Loading } from '../../components/Loading';
import { neighbour, panelCommand } from '../comments/thread-navigation';
import { FeedbackCard, type FeedbackCardHandle } from './FeedbackCard';
import { goToWords } from './go-to-words';
import { LinkFeedbackForm } from './LinkFeedbackForm';
import type { FeedbackInText } from './useFeedbackInText';

interface Props {
  editor: Editor;
  feedback: FeedbackInText;
  workspaceId: string;
  specificationId: string;
  /** Puts the panel away, giving the text its width (or the comments their place). */
  onHide: () => void;
}

const HINT_ID = 'feedback-in-text-keys';

/**
 * "Feedback behind this text": the feedback linked to the specification, in the order of
 * its text, beside it. Choosing an item selects its words in the text; clicking marked
 * words chooses their item. Keyboard: Alt+Up and Alt+Down (or K and J) move between
 * items, Enter on an item or Escape goes to its words. Those who manage feedback link
 * more to words they select, in a form at the top.
 */
export function FeedbackInTextPanel({
  editor,
  feedback,
  workspaceId,
  specificationId,
  onHide,
}: Props) {
  const { feedback: query, selectedId, places, highlights } = feedback;
  const items = query.data;
  const cards = useRef(new Map<string, FeedbackCardHandle>());
  // A card to focus once it is listed: the item just linked.
  const [focusWhenListed, setFocusWhenListed] = useState<string | null>(null);
  const inText = new Set(places.map((place) => place.feedbackId));

  useEffect(() => {
    if (!selectedId) return;
    document
      .querySelector(`.coproduce-feedback-item[data-feedback-id="${CSS.escape(selectedId)}"]`)
      ?.scrollIntoView({ block: 'nearest' });
  }, [selectedId, items]);

  useEffect(() => {
    if (!focusWhenListed) return;
    const card = cards.current.get(focusWhenListed);
    if (!card) return;
    card.focus();
    setFocusWhenListed(null);
  }, [focusWhenListed, items]);

  const choose = (feedbackId: string) => {
    // Chosen again: back to its words, wherever the text has been scrolled since.
    if (feedbackId === selectedId) goToWords(editor, highlights, places, feedbackId);
    else feedback.select(feedbackId, { goToText: true });
  };

  const goToText = (feedbackId: string | null) => {
    if (feedbackId && goToWords(editor, highlights, places, feedbackId, { focus: true })) return;
    editor.commands.focus();
  };

  // Escape, or Cancel, while linking: back to the words selected.
  const cancelLink = () => {
    feedback.finishLink();
    editor.commands.focus();
  };

  const move = (direction: 'next' | 'previous') => {
    const list = items ?? [];
    const current = list.findIndex((item) => item.id === selectedId);
    const target = list[neighbour(direction, current, list.length)];
    if (!target) return;
    choose(target.id);
    cards.current.get(target.id)?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    const target = event.target as HTMLElement;
    const command = panelCommand(event, {
      writing: target.matches('textarea, input, select'),
      onThread: target.matches('.coproduce-feedback-item'),
    });
    if (!command) return;
    event.preventDefault();
    if (command === 'next' || command === 'previous') move(command);
    else if (command === 'back-to-text' && feedback.draft) cancelLink();
    else goToText(selectedId);
  };

  return (
    <section
      className="coproduce-comments coproduce-feedback-panel"
      aria-labelledby="feedback-in-text-heading"
      onKeyDown={onKeyDown}
    >
      <div className="coproduce-comments__header">
        <h2 id="feedback-in-text-heading" className="nhsuk-heading-xs" tabIndex={-1}>
          Feedback behind this text
        </h2>
        <button type="button" className="coproduce-comments__hide" onClick={onHide}>
          Hide feedback
        </button>
      </div>
      {feedback.draft && feedback.mayLink && (
        <LinkFeedbackForm
          workspaceId={workspaceId}
          specificationId={specificationId}
          draft={feedback.draft}
          onDone={(linked) => {
            if (!linked) {
              cancelLink();
              return;
            }
            feedback.finishLink();
            feedback.select(linked.id);
            setFocusWhenListed(linked.id);
          }}
        />
      )}
      <p id={HINT_ID} className="nhsuk-body-s coproduce-comments__hint">
        Choose an item to see the words it shaped. Move between items with Alt+Up and Alt+Down (or K
        and J); press Enter or Escape to go to an item’s words.
      </p>
      {query.isError && <ApiErrorSummary error={query.error} />}
      {query.isPending && <Loading what="feedback" />}
      {items?.length === 0 && (
        <p className="nhsuk-body-s">
          No feedback is linked to this specification yet.
          {feedback.mayLink &&
            ' Select some words and choose Link feedback to link an item to them.'}
        </p>
      )}
      <ol className="coproduce-comments__list" aria-label="Feedback, in the order of the text">
        {(items ?? []).map((item) => (
          <li key={item.id}>
            <FeedbackCard
              ref={(card) => {
                if (card) cards.current.set(item.id, card);
                else cards.current.delete(item.id);
              }}
              item={item}
              workspaceId={workspaceId}
              specificationId={specificationId}
              selected={item.id === selectedId}
              inText={inText.has(item.id)}
              onSelect={() => choose(item.id)}
              onGoToWords={() => {
                if (item.id !== selectedId) feedback.select(item.id);
                goToText(item.id);
              }}
            />
          </li>
        ))}
      </ol>
    </section>
  );
}
