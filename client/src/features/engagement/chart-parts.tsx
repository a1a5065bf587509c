// What the report's bar charts share: wrapped category labels, plain number axes, no
// movement (people who prefer reduced motion get the same still chart as everyone).
import { Text, type LabelProps, type YAxisTickContentProps } from 'recharts';
import { formatCount } from './report-figures';

/** Room for a category label beside a horizontal bar, wrapped onto two lines or more. */
export const CATEGORY_LABEL_WIDTH = 210;

export function wrappedCategoryTick({ x, y, payload }: YAxisTickContentProps) {
  return (
    <Text
      x={Number(x) - 4}
      y={y}
      width={CATEGORY_LABEL_WIDTH - 12}
      textAnchor="end"
      verticalAnchor="middle"
      fontSize={14}
      fill="#212b32"
    >
      {String(payload.value)}
    </Text>
  );
}

/** Whole numbers only on a count axis: nobody half took part. */
export const countAxis = {
  allowDecimals: false,
  tickFormatter: (value: number) => formatCount(value),
  tick: { fontSize: 14, fill: '#212b32' },
} as const;

/** Each bar's height: enough for a two-line label. */
export const BAR_ROW_HEIGHT = 48;

/**
 * A bar's figure just past its end, on one line: LabelList's own labels wrap within
 * the bar's width and vanish with a bar of nothing.
 */
export function barEndLabel({ x, y, width, height, value }: LabelProps) {
  if (value === undefined || value === null || value === '') return null;
  return (
    <text
      x={Number(x) + Number(width) + 6}
      y={Number(y) + Number(height) / 2}
      dominantBaseline="central"
      fontSize={14}
      fill="#212b32"
    >
      {String(value)}
    </text>
  );
}
