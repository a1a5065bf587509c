import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { EngagementReport } from '@coproduce/domain';
import { Table } from '../../components/Table';
import { ChartFigure } from './ChartFigure';
import { ChartKey } from './ChartKey';
import { countAxis } from './chart-parts';
import { EVENT_TYPE_COLOURS } from './chart-colours';
import { eventTypeName, formatCount, monthRows, monthSummary, typesIn } from './report-figures';

const TITLE = 'People who took part each month, by type of event';

export function ReachOverTimeChart({ report }: { report: EngagementReport }) {
  const rows = monthRows(report);
  const types = typesIn(rows);
  const data = rows.map((row) => ({ label: row.label, ...row.byType }));
  return (
    <ChartFigure
      title={TITLE}
      summary={monthSummary(rows)}
      chart={(describedBy) =>
        rows.length === 0 ? null : (
          <>
            <ResponsiveContainer width="100%" height={340}>
              <BarChart
                data={data}
                accessibilityLayer={false}
                role="img"
                aria-label={`Chart: ${TITLE}`}
                aria-describedby={describedBy}
                margin={{ top: 10, right: 10, bottom: 40, left: 10 }}
              >
                <CartesianGrid vertical={false} stroke="#d8dde0" />
                <XAxis
                  dataKey="label"
                  interval="preserveStartEnd"
                  angle={-30}
                  textAnchor="end"
                  tick={{ fontSize: 14, fill: '#212b32' }}
                />
                <YAxis {...countAxis} width={60} />
                <Tooltip formatter={(value) => formatCount(Number(value))} />
                {types.map((type) => (
                  <Bar
                    key={type}
                    dataKey={type}
                    name={eventTypeName(type)}
                    stackId="month"
                    fill={EVENT_TYPE_COLOURS[type]}
                    stroke="#ffffff"
                    isAnimationActive={false}
                  />
                ))}
              </BarChart>
            </ResponsiveContainer>
            <ChartKey
              items={types.map((type) => ({
                label: eventTypeName(type),
                colour: EVENT_TYPE_COLOURS[type],
              }))}
            />
          </>
        )
      }
      table={
        <Table
          caption={TITLE}
          headers={['Month', 'Events', ...types.map(eventTypeName), 'Total who took part']}
          rows={rows.map((row) => ({
            key: row.month,
            cells: [
              row.label,
              formatCount(row.events),
              ...types.map((type) => formatCount(row.byType[type] ?? 0)),
              formatCount(row.tookPart),
            ],
          }))}
        />
      }
    />
  );
}
