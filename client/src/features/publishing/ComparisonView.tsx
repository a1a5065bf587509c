import type { Comparison, SectionComparison, WordRun } from '@coproduce/domain';
import { Tag, type TagColour } from '../../components/Tag';
import {
  describeSummary,
  foldUnchangedSections,
  sectionTitle,
  unchangedSummary,
} from './comparison-folding';
import './publishing.css';

const CHANGE_TAGS: Record<
  Exclude<SectionComparison['change'], 'unchanged'>,
  [string, TagColour]
> = {
  added: ['New section', 'green'],
  removed: ['Section removed', 'red'],
  changed: ['Changed', 'yellow'],
};

/**
 * Two texts section by section: changed sections show their words, added ones underlined
 * and removed ones struck through (with words said to screen readers, so colour is never
 * the only cue); runs of unchanged sections are folded away.
 */
export function ComparisonView({ comparison }: { comparison: Comparison }) {
  const items = foldUnchangedSections(comparison.sections);
  return (
    <>
      <p>{describeSummary(comparison.summary)}</p>
      <p className="nhsuk-body-s">
        <ins className="coproduce-ins">Underlined text</ins> was added;{' '}
        <del className="coproduce-del">struck-through text</del> was removed.
      </p>
      {items.map((item, index) =>
        item.kind === 'unchanged' ? (
          <details className="nhsuk-details" key={`fold-${index}`}>
            <summary className="nhsuk-details__summary">
              <span className="nhsuk-details__summary-text">
                {unchangedSummary(item.sections.length)}
              </span>
            </summary>
            <div className="nhsuk-details__text">
              <ul className="nhsuk-list">
                {item.sections.map((section, sectionIndex) => (
                  <li key={`${section.id ?? ''}-${sectionIndex}`}>{sectionTitle(section)}</li>
                ))}
              </ul>
            </div>
          </details>
        ) : (
          <ChangedSection section={item.section} key={`${item.section.id ?? ''}-${index}`} />
        ),
      )}
    </>
  );
}

function ChangedSection({ section }: { section: SectionComparison }) {
  const [label, colour] = CHANGE_TAGS[section.change as keyof typeof CHANGE_TAGS];
  return (
    <section className="coproduce-compared-section" aria-label={sectionTitle(section)}>
      <h2 className="nhsuk-heading-m">
        {sectionTitle(section)} <Tag colour={colour}>{label}</Tag>
      </h2>
      {section.previousHeading !== undefined && (
        <p className="nhsuk-body-s">Renamed from “{section.previousHeading}”.</p>
      )}
      <p className="nhsuk-body-s">
        {section.wordsAdded} added, {section.wordsRemoved} removed
      </p>
      <div className="coproduce-compared-text">
        {section.runs.map((run, index) => (
          <Run run={run} key={index} />
        ))}
      </div>
    </section>
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
