import { forwardRef, useImperativeHandle, useRef } from 'react';
import { Link } from 'react-router';
import { FEEDBACK_STATUS_NAMES, type Feedback, type FeedbackStatus } from '@coproduce/domain';
import { Tag, type TagColour } from '../../components/Tag';
import {
  allTextRemoved,
  feedbackListAddress,
  linksHere,
  shortened,
  whereSaid,
  whoSaidIt,
} from './feedback-words';

export interface FeedbackCardHandle {
  focus(): void;
}

// As the engagement pages colour them; the words say the status, the colour only helps.
const STATUS_COLOURS: Record<FeedbackStatus, TagColour> = {
  new: 'blue',
  considering: 'yellow',
  reflected: 'green',
  'not-taken-forward': 'grey',
};

interface Props {
  item: Feedback;
  workspaceId: string;
  specificationId: string;
  selected: boolean;
  /** Its words are in the text now (not only removed ones, nor the whole specification). */
  inText: boolean;
  onSelect: () => void;
  /** Selects its words in the text and takes focus there. */
  onGoToWords: () => void;
}

/**
 * One feedback item beside the text: what was said (the person's own words in quotation
 * marks, or a summary, said to be one), who said it and where, its themes and status,
 * why it was not taken forward, and the words it shaped. Focusable itself, so the
 * keyboard can move from item to item; choosing it selects its words in the text.
 */
export const FeedbackCard = forwardRef<FeedbackCardHandle, Props>(function FeedbackCard(
  { item, workspaceId, specificationId, selected, inText, onSelect, onGoToWords },
  handle,
) {
  const article = useRef<HTMLElement>(null);
  useImperativeHandle(handle, () => ({ focus: () => article.current?.focus() }));
  const headingId = `feedback-${item.id}-heading`;
  const links = linksHere(item, specificationId);
  const removed = allTextRemoved(item, specificationId);
  const short = shortened(item.text, 60);

  return (
    <article
      ref={article}
      tabIndex={-1}
      aria-labelledby={headingId}
      aria-current={selected || undefined}
      data-feedback-id={item.id}
      className={`coproduce-feedback-item${selected ? ' coproduce-feedback-item--selected' : ''}`}
      onClick={(event) => {
        // Its own button and link do what they say.
        if (!(event.target as Element).closest('a, button')) onSelect();
      }}
      onFocus={() => {
        if (!selected) onSelect();
      }}
    >
      <h3 id={headingId} className="coproduce-feedback-item__said nhsuk-body-s">
        {item.verbatim ? (
          <>
            <span className="nhsuk-u-visually-hidden">In their own words: </span>“{item.text}”
          </>
        ) : (
          <>
            <span className="coproduce-feedback-item__kind">Summarised: </span>
            {item.text}
          </>
        )}
      </h3>
      <p className="coproduce-feedback-item__tags">
        <Tag colour={STATUS_COLOURS[item.status]}>{FEEDBACK_STATUS_NAMES[item.status]}</Tag>
        {removed && <Tag colour="white">Text removed</Tag>}
      </p>
      <dl className="coproduce-feedback-item__facts nhsuk-body-s">
        <dt>Who</dt>
        <dd>{whoSaidIt(item)}</dd>
        <dt>Where</dt>
        <dd>{whereSaid(item)}</dd>
        {item.themes.length > 0 && (
          <>
            <dt>Themes</dt>
            <dd>{item.themes.join(', ')}</dd>
          </>
        )}
        {item.status === 'not-taken-forward' && item.reason && (
          <>
            <dt>Why not taken forward</dt>
            <dd>{item.reason}</dd>
          </>
        )}
        <dt>Shaped</dt>
        {links.map((link, index) => (
          <dd key={index}>
            {link.anchor === null ? (
              'The whole specification'
            ) : link.textRemoved ? (
              <>
                The text it shaped has since been removed
                {link.quote ? <> (it read “{link.quote}”)</> : null}.
              </>
            ) : (
              <q className="coproduce-feedback-item__words">{link.currentText ?? link.quote}</q>
            )}
          </dd>
        ))}
      </dl>
      <p className="coproduce-feedback-item__actions nhsuk-body-s">
        {inText && (
          <button type="button" className="coproduce-link-button" onClick={onGoToWords}>
            Go to the words<span className="nhsuk-u-visually-hidden"> “{short}” shaped</span>
          </button>
        )}
        <Link to={feedbackListAddress(workspaceId, specificationId, item)}>
          Open in feedback<span className="nhsuk-u-visually-hidden">: “{short}”</span>
        </Link>
      </p>
    </article>
  );
});
