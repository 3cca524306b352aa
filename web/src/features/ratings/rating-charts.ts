import { summariseHistory, type HistorySummary } from '../openness/sparkline';

/** One bar of the histogram: organisations whose composite is in [from, to) (the last bin includes 100). */
export interface DistributionBin {
  from: number;
  to: number;
  count: number;
}

/** One recorded rating: the composite at a snapshot. */
export interface TrendPoint {
  takenAt: string;
  composite: number;
}

/** The bin most organisations fall in (the lower one of equals), or null when no organisation is ranked. */
export function busiestBin(bins: readonly DistributionBin[]): DistributionBin | null {
  let busiest: DistributionBin | null = null;
  for (const bin of bins) if (bin.count > 0 && (!busiest || bin.count > busiest.count)) busiest = bin;
  return busiest;
}

/** What the trend's text alternative says: how many snapshots, over which dates, the range and the latest composite. */
export function summariseTrend(points: readonly TrendPoint[]): HistorySummary | null {
  return summariseHistory(points.map((point) => ({ score: point.composite, takenAt: point.takenAt })));
}
