import type { Comparison, SectionComparison } from '@coproduce/domain';
import {
  describeSummary,
  describeWordChange,
  foldUnchangedSections,
  sectionTitle,
  unchangedSummary,
} from './comparison-folding';
import { ComparedWords, ComparedWordsKey } from './ComparedWords';
import { SectionChangeTag } from './SectionChangeTag';
import './publishing.css';

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
      <ComparedWordsKey />
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
  if (section.change === 'unchanged') return null;
  return (
    <section className="coproduce-compared-section" aria-label={sectionTitle(section)}>
      <h2 className="nhsuk-heading-m">
        {sectionTitle(section)} <SectionChangeTag change={section.change} />
      </h2>
      {section.previousHeading !== undefined && (
        <p className="nhsuk-body-s">Renamed from “{section.previousHeading}”.</p>
      )}
      <p className="nhsuk-body-s">{describeWordChange(section)}</p>
      <ComparedWords runs={section.runs} />
    </section>
  );
}
