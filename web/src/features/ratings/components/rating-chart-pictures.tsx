// The only module that imports recharts: the components below are loaded on demand (React.lazy),
// so the library stays out of the pages' chunks until a chart is shown.
import { Bar, BarChart, CartesianGrid, LabelList, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';

// The colours of styles.css (--color-primary, --color-border, --color-muted): SVG presentation
// attributes take plain values, and these pairs keep AA contrast on the white panel.
const CHART_COLOURS = { mark: '#1f4e5f', grid: '#cfd6d4', text: '#4f5b5e' } as const;

const TICK = { fill: CHART_COLOURS.text, fontSize: 12 };

export interface DistributionBar {
  /** The bin as shown under its bar: «60–70». */
  label: string;
  count: number;
}

/**
 * The histogram's picture (recharts, loaded on demand). It is hidden from assistive technology:
 * the figure's caption and table carry the same numbers, and every bar is labelled with its count.
 */
export function RatingDistributionChart({ bars }: { bars: readonly DistributionBar[] }) {
  return (
    <BarChart
      data={[...bars]}
      responsive
      accessibilityLayer={false}
      style={{ width: '100%', height: '100%' }}
      margin={{ top: 20, right: 8, bottom: 0, left: 0 }}
    >
      <CartesianGrid vertical={false} stroke={CHART_COLOURS.grid} />
      <XAxis dataKey="label" interval="preserveStartEnd" tick={TICK} stroke={CHART_COLOURS.grid} />
      <YAxis allowDecimals={false} width={32} tick={TICK} stroke={CHART_COLOURS.grid} />
      <Bar dataKey="count" fill={CHART_COLOURS.mark}>
        <LabelList
          dataKey="count"
          position="top"
          fill={CHART_COLOURS.text}
          fontSize={12}
          formatter={(value) => (value ? value : '')}
        />
      </Bar>
    </BarChart>
  );
}

export interface TrendDot {
  /** The snapshot's date as shown on the axis. */
  label: string;
  composite: number;
}

/**
 * The composite over the snapshots (recharts, loaded on demand), on a fixed 0–100 scale so a flat
 * line near the top reads as a high score. Hidden from assistive technology: the figure's caption
 * and table say the same in words.
 */
export function RatingTrendChart({
  dots,
  formatScore,
}: {
  dots: readonly TrendDot[];
  formatScore: (value: number) => string;
}) {
  return (
    <LineChart
      data={[...dots]}
      responsive
      accessibilityLayer={false}
      style={{ width: '100%', height: '100%' }}
      margin={{ top: 8, right: 16, bottom: 0, left: 0 }}
    >
      <CartesianGrid vertical={false} stroke={CHART_COLOURS.grid} />
      <XAxis dataKey="label" interval="preserveStartEnd" tick={TICK} stroke={CHART_COLOURS.grid} />
      <YAxis domain={[0, 100]} ticks={[0, 25, 50, 75, 100]} width={32} tick={TICK} stroke={CHART_COLOURS.grid} />
      <Tooltip formatter={(value) => (typeof value === 'number' ? formatScore(value) : value)} separator="" />
      <Line
        type="linear"
        dataKey="composite"
        name=""
        stroke={CHART_COLOURS.mark}
        strokeWidth={2}
        dot={{ r: 3, fill: CHART_COLOURS.mark }}
      />
    </LineChart>
  );
}
