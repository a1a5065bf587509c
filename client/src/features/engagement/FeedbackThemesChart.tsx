import {
  Bar,
  BarChart,
  CartesianGrid,
  LabelList,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { EngagementReport } from '@coproduce/domain';
import { Table } from '../../components/Table';
import { ChartFigure } from './ChartFigure';
import { ChartKey } from './ChartKey';
import { barEndLabel, countAxis, useBarLayout } from './chart-parts';
import { NHS_BLUE, NHS_GREEN } from './chart-colours';
import { formatCount, themeRows, themeSummary } from './report-figures';

const TITLE = 'Feedback by theme';

/** The themes raised most, as bars: the part reflected in the specification first. */
export function FeedbackThemesChart({ report }: { report: EngagementReport }) {
  const rows = themeRows(report);
  const layout = useBarLayout({ wide: 50, narrow: 36 });
  return (
    <ChartFigure
      title={TITLE}
      summary={themeSummary(rows)}
      chart={(describedBy) =>
        rows.length === 0 ? null : (
          <>
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
                <Bar
                  dataKey="reflected"
                  name="Reflected in the specification"
                  stackId="theme"
                  fill={NHS_GREEN}
                  stroke="#ffffff"
                  isAnimationActive={false}
                />
                <Bar
                  dataKey="notReflected"
                  name="Other feedback"
                  stackId="theme"
                  fill={NHS_BLUE}
                  stroke="#ffffff"
                  isAnimationActive={false}
                >
                  <LabelList dataKey="count" content={barEndLabel} />
                </Bar>
              </BarChart>
            </ResponsiveContainer>
            <ChartKey
              items={[
                { label: 'Reflected in the specification', colour: NHS_GREEN },
                { label: 'Other feedback', colour: NHS_BLUE },
              ]}
            />
          </>
        )
      }
      table={
        <Table
          caption={TITLE}
          headers={['Theme', 'Feedback', 'Reflected in the specification']}
          rows={rows.map((row) => ({
            key: row.themeId,
            cells: [row.name, formatCount(row.count), formatCount(row.reflected)],
          }))}
        />
      }
    />
  );
}
