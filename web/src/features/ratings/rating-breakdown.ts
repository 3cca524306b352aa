/** The four components of a rating, in the order the formula lists them. */
export const RATING_COMPONENTS = ['openness', 'practiceQuality', 'engagementDepth', 'contribution'] as const;
export type RatingComponentKey = (typeof RATING_COMPONENTS)[number];

export interface RatingComponentValue {
  score: number | null;
  sample: number;
  weight: number;
  points: number;
}

export type RatingValues = { composite: number } & Record<RatingComponentKey, RatingComponentValue>;

export interface BreakdownRow extends RatingComponentValue {
  key: RatingComponentKey;
  /** The points as shown, rounded so that the shown points add up to the shown composite. */
  shownPoints: number;
}

export interface Breakdown {
  rows: BreakdownRow[];
  /** The composite as shown (rounded to `decimals`). */
  shownComposite: number;
}

const roundTo = (value: number, decimals: number) => {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
};

/**
 * "Why this score": each component's score, weight and points. Rounding each term on its own can
 * make the shown terms miss the shown total by a tenth, so the points are rounded with the
 * largest-remainder method: the units of the rounded composite go to the terms in proportion.
 */
export function ratingBreakdown(rating: RatingValues, decimals = 1): Breakdown {
  const factor = 10 ** decimals;
  const shownComposite = roundTo(rating.composite, decimals);
  const target = Math.round(shownComposite * factor);
  const scaled = RATING_COMPONENTS.map((key) => Math.max(0, rating[key].points) * factor);
  const floors = scaled.map((value) => Math.floor(value + 1e-9));
  let remaining = target - floors.reduce((sum, value) => sum + value, 0);
  const order = scaled
    .map((value, index) => ({ index, remainder: value - floors[index]! }))
    .sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  const units = [...floors];
  // Hand out the missing units (or take back surplus ones) by remainder, largest first.
  for (let i = 0; remaining > 0 && order.length > 0; i = (i + 1) % order.length, remaining -= 1) {
    units[order[i]!.index]! += 1;
  }
  // Only when the points do not add up to the composite (they always should): take back units.
  while (remaining < 0) {
    const candidate = [...order].reverse().find(({ index }) => units[index]! > 0);
    if (!candidate) break;
    units[candidate.index]! -= 1;
    remaining += 1;
  }
  return {
    shownComposite,
    rows: RATING_COMPONENTS.map((key, index) => ({
      key,
      ...rating[key],
      shownPoints: units[index]! / factor,
    })),
  };
}

/** A score for a bar's width: 0–100, 0 without data. */
export function barWidth(score: number | null): number {
  if (score === null || !Number.isFinite(score)) return 0;
  return Math.min(100, Math.max(0, score));
}
