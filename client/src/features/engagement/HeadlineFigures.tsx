import type { EngagementReport } from '@coproduce/domain';
import { formatCount, formatShare } from './report-figures';

/** The four numbers people ask first, large, each read as one phrase. */
export function HeadlineFigures({ report }: { report: EngagementReport }) {
  const figures = [
    {
      value: formatCount(report.events),
      label: report.events === 1 ? 'engagement event' : 'engagement events',
    },
    {
      value: formatCount(report.tookPart),
      label: report.tookPart === 1 ? 'person took part' : 'people took part',
    },
    {
      value: formatCount(report.feedback),
      label: report.feedback === 1 ? 'feedback item' : 'feedback items',
    },
    {
      value: formatShare(report.reflectedShare),
      label: 'of feedback reflected in the specification',
    },
  ];
  return (
    <ul className="coproduce-figures" aria-label="Engagement in figures">
      {figures.map((figure) => (
        <li className="coproduce-figure" key={figure.label}>
          <span className="coproduce-figure__value">{figure.value}</span>{' '}
          <span className="coproduce-figure__label">{figure.label}</span>
        </li>
      ))}
    </ul>
  );
}
