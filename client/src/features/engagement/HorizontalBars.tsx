import type { ReactNode } from 'react';
import { BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { countAxis, useBarLayout } from './chart-parts';
import { formatCount } from './report-figures';

/**
 * The frame of the report's charts of counts, one horizontal bar a category: wrapped
 * labels on the left, a count axis, the figure in the tooltip. Each chart brings its own
 * bars (`children`).
 */
export function HorizontalBars<Row extends object>({
  title,
  describedBy,
  data,
  categoryKey,
  endRoom,
  children,
}: {
  title: string;
  describedBy: string;
  data: Row[];
  /** The field of a row that names its category. */
  categoryKey: keyof Row & string;
  /** Room past the bars' ends for their figures, on wide and narrow screens. */
  endRoom: { wide: number; narrow: number };
  children: ReactNode;
}) {
  const layout = useBarLayout(endRoom);
  // Checked against Row at the call; the axis itself takes any field name.
  const categoryField: string = categoryKey;
  return (
    <ResponsiveContainer width="100%" height={layout.chartHeight(data.length)}>
      <BarChart
        data={data}
        layout="vertical"
        accessibilityLayer={false}
        role="img"
        aria-label={`Chart: ${title}`}
        aria-describedby={describedBy}
        margin={layout.margin}
      >
        <CartesianGrid horizontal={false} stroke="#d8dde0" />
        <XAxis type="number" {...countAxis} />
        <YAxis
          type="category"
          dataKey={categoryField}
          width={layout.labelWidth}
          tick={layout.tick}
          interval={0}
        />
        <Tooltip formatter={(value) => formatCount(Number(value))} />
        {children}
      </BarChart>
    </ResponsiveContainer>
  );
}
