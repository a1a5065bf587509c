import { Bar, Cell, LabelList } from 'recharts';
import type { EngagementReport } from '@coproduce/domain';
import { Table } from '../../components/Table';
import { ChartFigure } from './ChartFigure';
import { barEndLabel } from './chart-parts';
import { HorizontalBars } from './HorizontalBars';
import { STATUS_COLOURS } from './chart-colours';
import { formatCount, formatShare, statusRows, statusSummary } from './report-figures';

const TITLE = 'Feedback by status';

/** How far feedback has got: one bar a status, each labelled with its count. */
export function FeedbackStatusChart({ report }: { report: EngagementReport }) {
  const rows = statusRows(report);
  const none = rows.every((row) => row.count === 0);
  return (
    <ChartFigure
      title={TITLE}
      summary={statusSummary(rows)}
      chart={(describedBy) =>
        none ? null : (
          <HorizontalBars
            title={TITLE}
            describedBy={describedBy}
            data={rows}
            categoryKey="name"
            endRoom={{ wide: 50, narrow: 36 }}
          >
            <Bar dataKey="count" name="Feedback" isAnimationActive={false}>
              {rows.map((row) => (
                <Cell key={row.status} fill={STATUS_COLOURS[row.status]} />
              ))}
              <LabelList dataKey="count" content={barEndLabel} />
            </Bar>
          </HorizontalBars>
        )
      }
      table={
        <Table
          caption={TITLE}
          headers={['Status', 'Feedback', 'Share']}
          rows={rows.map((row) => ({
            key: row.status,
            cells: [row.name, formatCount(row.count), formatShare(row.share)],
          }))}
        />
      }
    />
  );
}
