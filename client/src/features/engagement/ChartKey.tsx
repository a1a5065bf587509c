export interface ChartKeyItem {
  label: string;
  colour: string;
  /** Drawn as an outline, as the chart draws what is missing (people not yet heard). */
  outlined?: boolean;
}

/** What each colour in a chart stands for, as text beside a swatch. */
export function ChartKey({ items }: { items: readonly ChartKeyItem[] }) {
  return (
    <ul className="coproduce-chart-key" aria-label="Key">
      {items.map((item) => (
        <li key={item.label}>
          <span
            className={`coproduce-chart-key__swatch${item.outlined ? ' coproduce-chart-key__swatch--outlined' : ''}`}
            style={item.outlined ? { borderColor: item.colour } : { background: item.colour }}
            aria-hidden="true"
          />
          {item.label}
        </li>
      ))}
    </ul>
  );
}
