import { describe, expect, it } from 'vitest';
import { sparklineGeometry, summariseHistory } from './sparkline';

const history = [
  { score: 40, takenAt: '2026-03-01T10:00:00Z' },
  { score: 56.9, takenAt: '2026-06-01T10:00:00Z' },
  { score: 100, takenAt: '2026-11-29T10:00:00Z' },
];

describe('sparklineGeometry', () => {
  it('spreads the points evenly on a fixed 0–100 scale', () => {
    const { points, last } = sparklineGeometry(history, 106, 56, 3);
    expect(points).toBe('3,33 53,24.6 103,3');
    expect(last).toEqual({ x: 103, y: 3 });
  });

  it('centres a single point and draws nothing without history', () => {
    expect(sparklineGeometry([{ score: 0, takenAt: '2026-03-01T10:00:00Z' }], 100, 50, 5)).toEqual({
      points: '50,45',
      last: { x: 50, y: 45 },
    });
    expect(sparklineGeometry([], 100, 50)).toEqual({ points: '', last: null });
  });
});

describe('summariseHistory', () => {
  it('gives the count, the first and last snapshots and the range', () => {
    expect(summariseHistory(history)).toEqual({
      count: 3,
      first: history[0],
      last: history[2],
      min: 40,
      max: 100,
    });
    expect(summariseHistory([])).toBeNull();
  });
});
