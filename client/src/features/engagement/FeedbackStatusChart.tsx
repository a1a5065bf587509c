import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  LabelList,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { EngagementReport } from '@coproduce/domain';
import { Table } from '../../components/Table';
import { ChartFigure } from './ChartFigure';
import { barEndLabel, countAxis, useBarLayout } from './chart-parts';
import { STATUS_COLOURS } from './chart-colours';
import { formatCount, formatShare, statusRows, statusSummary } from './report-figures';

const TITLE = 'Feedback by status';

/** How far feedback has got: one bar a status, each labelled with its count. */
export function FeedbackStatusChart({ report }: { report: EngagementReport }) {
  const rows = statusRows(report);
  const layout = useBarLayout({ wide: 50, narrow: 36 });
  const none = rows.every((row) => row.count === 0);
  return (
    <ChartFigure
      title={TITLE}
      summary={statusSummary(rows)}
      chart={(describedBy) =>
        none ? null : (
          <ResponsiveContainer width="100%" height={layout.chartHeight(rows.length)}>
            <BarChart
              data={rows}
              layout="vertical"
              accessibilityLayer={false}
              role="img"
              aria-label={`Chart: ${TITLE}`}
              aria-describedby={describedBy}
              margin={layout.margin}
            >
              <CartesianGrid horizontal={false} stroke="#d8dde0" />
              <XAxis type="number" {...countAxis} />
              <YAxis
                type="category"
                dataKey="name"
                width={layout.labelWidth}
                tick={layout.tick}
                interval={0}
              />
              <Tooltip formatter={(value) => formatCount(Number(value))} />
              <Bar dataKey="count" name="Feedback" isAnimationActive={false}>
                {rows.map((row) => (
                  <Cell key={row.status} fill={STATUS_COLOURS[row.status]} />
                ))}
                <LabelList dataKey="count" content={barEndLabel} />
              </Bar>
            </BarChart>
          </ResponsiveContainer>
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
