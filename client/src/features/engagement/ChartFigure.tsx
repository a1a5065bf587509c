import { useId, useState, type ReactNode } from 'react';
import { Button } from '../../components/Button';

interface ChartFigureProps {
  title: string;
  /** One sentence saying what the chart shows: its text alternative, always on the page. */
  summary: string;
  /** Draws the chart; given the id of the summary to describe it by. */
  chart: (describedBy: string) => ReactNode;
  /** The same figures as a table with a caption, for keyboards, screen readers and exact numbers. */
  table: ReactNode;
  /** Something to say below, such as who has not been heard yet. */
  children?: ReactNode;
}

/** One report chart with its heading, a sentence for all, and a switch to its table. */
export function ChartFigure({ title, summary, chart, table, children }: ChartFigureProps) {
  const headingId = useId();
  const summaryId = useId();
  const [asTable, setAsTable] = useState(false);
  return (
    <section className="coproduce-chart" aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      <p id={summaryId}>{summary}</p>
      <Button type="button" variant="secondary" small onClick={() => setAsTable(!asTable)}>
        {asTable ? 'Show as a chart' : 'Show as a table'}
        <span className="nhsuk-u-visually-hidden">: {title.toLowerCase()}</span>
      </Button>
      {asTable ? table : <div className="coproduce-chart__drawing">{chart(summaryId)}</div>}
      {children}
    </section>
  );
}
