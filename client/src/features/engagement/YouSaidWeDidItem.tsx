import type { YouSaidWeDidItem as Item } from '@coproduce/domain';
import { formatUkDate } from './uk-time';
import { quoted, whoSaidIt } from './feedback-words';

function whereFrom(item: Item): string {
  if (item.event) return `${item.event.title}, ${formatUkDate(item.event.startsAt)}`;
  return item.source || 'another source';
}

/** What the specification does about it, as it reads now. */
function WhatWeDid({ item }: { item: Item }) {
  if (item.status === 'not-taken-forward') {
    return (
      <p>
        We did not take this forward{item.reason ? ':' : '.'}{' '}
        {item.reason && <span className="coproduce-notes">{item.reason}</span>}
      </p>
    );
  }
  if (item.places.length === 0) {
    return (
      <p>
        {item.status === 'reflected'
          ? 'We reflected this in the specification.'
          : 'We are still considering this.'}
      </p>
    );
  }
  return (
    <>
      <p>
        {item.status === 'reflected'
          ? 'We reflected this in the specification, where it now says:'
          : 'We are considering this, in these words of the specification:'}
      </p>
      <ul className="coproduce-yswd__places">
        {item.places.map((place, index) => (
          <li key={index}>
            {place.textRemoved ? (
              <>
                The text it shaped has since been removed
                {place.quote ? (
                  <>
                    {' '}
                    (it said <q className="coproduce-quote">{place.quote}</q>)
                  </>
                ) : null}
                .
              </>
            ) : (
              <q className="coproduce-quote">{place.currentText ?? place.quote ?? ''}</q>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}

/** One piece of feedback and what came of it. */
export function YouSaidWeDidItem({ item }: { item: Item }) {
  return (
    <li className="coproduce-yswd__item">
      <h3 className="nhsuk-heading-s coproduce-yswd__label">You said</h3>
      {item.verbatim ? (
        <blockquote className="coproduce-feedback__text coproduce-feedback__text--verbatim">
          <p>{quoted(item.text, true)}</p>
        </blockquote>
      ) : (
        <p className="coproduce-feedback__text">{item.text}</p>
      )}
      <p className="nhsuk-body-s">
        {whoSaidIt(item.audience, item.ageBand)}
        {item.verbatim ? '' : ' (a summary)'}, from {whereFrom(item)}
      </p>
      <h3 className="nhsuk-heading-s coproduce-yswd__label">We did</h3>
      <WhatWeDid item={item} />
    </li>
  );
}
