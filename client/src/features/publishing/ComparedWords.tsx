import type { WordRun } from '@coproduce/domain';
import './publishing.css';

/**
 * A section's words as compared: added ones underlined and removed ones struck through,
 * with words said to screen readers, so colour is never the only cue. Shared by the
 * compare view and the review of a market engagement round's changes.
 */
export function ComparedWords({ runs }: { runs: readonly WordRun[] }) {
  return (
    <div className="coproduce-compared-text">
      {runs.map((run, index) => (
        <Run run={run} key={index} />
      ))}
    </div>
  );
}

/** The key to the marks, said once above the compared sections. */
export function ComparedWordsKey() {
  return (
    <p className="nhsuk-body-s">
      <ins className="coproduce-ins">Underlined text</ins> was added;{' '}
      <del className="coproduce-del">struck-through text</del> was removed.
    </p>
  );
}

function Run({ run }: { run: WordRun }) {
  if (run.kind === 'added') {
    return (
      <ins className="coproduce-ins">
        <span className="nhsuk-u-visually-hidden">[added: </span>
        {run.text}
        <span className="nhsuk-u-visually-hidden">]</span>
      </ins>
    );
  }
  if (run.kind === 'removed') {
    return (
      <del className="coproduce-del">
        <span className="nhsuk-u-visually-hidden">[removed: </span>
        {run.text}
        <span className="nhsuk-u-visually-hidden">]</span>
      </del>
    );
  }
  return <>{run.text}</>;
}
