// What the report's bar charts share: wrapped category labels, plain number axes, no
// movement (people who prefer reduced motion get the same still chart as everyone).
import { Text, type LabelProps, type YAxisTickContentProps } from 'recharts';
import { useSyncExternalStore } from 'react';
import { formatCount } from './report-figures';

// NHS.UK's tablet breakpoint: below it, the labels beside horizontal bars get less room.
const NARROW_SCREEN = '(max-width: 40.0525em)';

function watchNarrowScreen(onChange: () => void): () => void {
  const query = window.matchMedia(NARROW_SCREEN);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}

const isNarrowScreen = () => window.matchMedia(NARROW_SCREEN).matches;

/**
 * Sizes for a chart of horizontal bars: room for each category's label (wrapped onto
 * several lines), each bar's height, and room past the bars' ends for their figures.
 * On a phone the labels take less width and more lines, so the bars keep room.
 */
export function useBarLayout(endRoom: { wide: number; narrow: number }) {
  const narrow = useSyncExternalStore(watchNarrowScreen, isNarrowScreen);
  const labelWidth = narrow ? 112 : 210;
  const rowHeight = narrow ? 68 : 48;
  return {
    labelWidth,
    chartHeight: (rows: number) => rows * rowHeight + 50,
    margin: { top: 5, right: narrow ? endRoom.narrow : endRoom.wide, bottom: 5, left: 5 },
    tick: ({ x, y, payload }: YAxisTickContentProps) => (
      <Text
        x={Number(x) - 4}
        y={y}
        width={labelWidth - 12}
        textAnchor="end"
        verticalAnchor="middle"
        fontSize={14}
        fill="#212b32"
      >
        {String(payload.value)}
      </Text>
    ),
  };
}

/** Whole numbers only on a count axis: nobody half took part. */
export const countAxis = {
  allowDecimals: false,
  tickFormatter: (value: number) => formatCount(value),
  tick: { fontSize: 14, fill: '#212b32' },
} as const;

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
