/** One compliance snapshot: a score 0–100 at a moment. */
export interface HistoryPoint {
  score: number;
  takenAt: string;
}

export interface SparklineGeometry {
  /** SVG polyline points, "x,y x,y …"; empty without points. */
  points: string;
  /** The last point, marked with a dot. */
  last: { x: number; y: number } | null;
}

/**
 * Lays the scores out on a fixed 0–100 scale (so a flat line near the top reads as a high score),
 * evenly spaced in time order, inside a width × height box with a margin for the dot.
 */
export function sparklineGeometry(
  history: readonly HistoryPoint[],
  width: number,
  height: number,
  margin = 3,
): SparklineGeometry {
  if (history.length === 0) return { points: '', last: null };
  const innerWidth = width - 2 * margin;
  const innerHeight = height - 2 * margin;
  const coords = history.map((point, index) => {
    const x = history.length === 1 ? width / 2 : margin + (innerWidth * index) / (history.length - 1);
    const clamped = Math.min(100, Math.max(0, point.score));
    const y = margin + innerHeight * (1 - clamped / 100);
    return { x: Math.round(x * 10) / 10, y: Math.round(y * 10) / 10 };
  });
  return { points: coords.map((c) => `${c.x},${c.y}`).join(' '), last: coords.at(-1) ?? null };
}

export interface HistorySummary {
  count: number;
  first: HistoryPoint;
  last: HistoryPoint;
  min: number;
  max: number;
}

/** What the text alternative says: how many snapshots, over which dates, the range and the latest score. */
export function summariseHistory(history: readonly HistoryPoint[]): HistorySummary | null {
  const first = history[0];
  const last = history.at(-1);
  if (!first || !last) return null;
  const scores = history.map((point) => point.score);
  return { count: history.length, first, last, min: Math.min(...scores), max: Math.max(...scores) };
}
