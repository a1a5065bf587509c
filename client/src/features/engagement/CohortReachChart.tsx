import { Bar, LabelList } from 'recharts';
import type { EngagementReport } from '@coproduce/domain';
import { Table } from '../../components/Table';
import { ChartFigure } from './ChartFigure';
import { ChartKey } from './ChartKey';
import { barEndLabel } from './chart-parts';
import { HorizontalBars } from './HorizontalBars';
import { NHS_BLUE, NHS_DARK_GREY } from './chart-colours';
import { cohortRows, cohortSummary, formatCount, groupsNotYetHeard } from './report-figures';

const TITLE = 'Who has been heard, against the target cohort';

/**
 * Each group of the service's target cohort as a bar: filled for the people who took
 * part, outlined for those not yet heard. A group with no cohort figure shows only
 * who took part.
 */
export function CohortReachChart({ report }: { report: EngagementReport }) {
  const rows = cohortRows(report);
  const silent = groupsNotYetHeard(rows);
  const data = rows.map((row) => ({
    group: row.group,
    reached: row.reached,
    notYetHeard: row.notYetHeard ?? 0,
    // The figure goes after the last part of the bar drawn: "took part" alone without a cohort.
    reachedLabel: row.cohort === null ? formatCount(row.reached) : '',
    cohortLabel:
      row.cohort === null ? '' : `${formatCount(row.reached)} of ${formatCount(row.cohort)}`,
  }));
  return (
    <ChartFigure
      title={TITLE}
      summary={cohortSummary(rows)}
      chart={(describedBy) =>
        rows.length === 0 ? null : (
          <>
            <HorizontalBars
              title={TITLE}
              describedBy={describedBy}
              data={data}
              categoryKey="group"
              endRoom={{ wide: 110, narrow: 92 }}
            >
              <Bar
                dataKey="reached"
                name="Took part"
                stackId="cohort"
                fill={NHS_BLUE}
                isAnimationActive={false}
              >
                <LabelList dataKey="reachedLabel" content={barEndLabel} />
              </Bar>
              <Bar
                dataKey="notYetHeard"
                name="Not yet heard"
                stackId="cohort"
                fill="#ffffff"
                stroke={NHS_DARK_GREY}
                strokeDasharray="4 2"
                isAnimationActive={false}
              >
                <LabelList dataKey="cohortLabel" content={barEndLabel} />
              </Bar>
            </HorizontalBars>
            <ChartKey
              items={[
                { label: 'Took part', colour: NHS_BLUE },
                { label: 'Not yet heard', colour: NHS_DARK_GREY, outlined: true },
              ]}
            />
          </>
        )
      }
      table={
        <Table
          caption={TITLE}
          headers={['Group', 'Took part', 'Target cohort', 'Not yet heard']}
          rows={rows.map((row) => ({
            key: row.key,
            cells: [
              row.group,
              formatCount(row.reached),
              row.cohort === null ? 'Not recorded' : formatCount(row.cohort),
              row.notYetHeard === null ? 'Not known' : formatCount(row.notYetHeard),
            ],
          }))}
        />
      }
    >
      {silent.length > 0 && (
        <div className="nhsuk-inset-text">
          <span className="nhsuk-u-visually-hidden">Information: </span>
          <p>Nobody has yet been heard from these groups of the target cohort:</p>
          <ul>
            {silent.map((row) => (
              <li key={row.key}>
                {row.group} ({formatCount(row.cohort ?? 0)} in the cohort)
              </li>
            ))}
          </ul>
        </div>
      )}
    </ChartFigure>
  );
}
