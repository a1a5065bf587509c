import { Bar, LabelList } from 'recharts';
import type { EngagementReport } from '@coproduce/domain';
import { Table } from '../../components/Table';
import { ChartFigure } from './ChartFigure';
import { ChartKey } from './ChartKey';
import { barEndLabel } from './chart-parts';
import { HorizontalBars } from './HorizontalBars';
import { NHS_BLUE, NHS_GREEN } from './chart-colours';
import { formatCount, themeRows, themeSummary } from './report-figures';

const TITLE = 'Feedback by theme';

/** The themes raised most, as bars: the part reflected in the specification first. */
export function FeedbackThemesChart({ report }: { report: EngagementReport }) {
  const rows = themeRows(report);
  return (
    <ChartFigure
      title={TITLE}
      summary={themeSummary(rows)}
      chart={(describedBy) =>
        rows.length === 0 ? null : (
          <>
            <HorizontalBars
              title={TITLE}
              describedBy={describedBy}
              data={rows}
              categoryKey="name"
              endRoom={{ wide: 50, narrow: 36 }}
            >
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
            </HorizontalBars>
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
