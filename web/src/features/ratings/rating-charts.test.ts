import { describe, expect, it } from 'vitest';
import { busiestBin, summariseTrend } from './rating-charts';

const bin = (from: number, count: number) => ({ from, to: from + 10, count });

describe('busiestBin', () => {
  it('names the range most organisations fall in, the lower one of equals', () => {
    expect(busiestBin([bin(0, 1), bin(10, 3), bin(20, 0), bin(30, 3)])).toEqual(bin(10, 3));
  });

  it('has nothing to name when no organisation is ranked', () => {
    expect(busiestBin([bin(0, 0), bin(10, 0)])).toBeNull();
    expect(busiestBin([])).toBeNull();
  });
});

describe('summariseTrend', () => {
  it('gives the dates, the range and the latest composite of the snapshots, oldest first', () => {
    const first = { takenAt: '2026-09-01T12:00:00Z', composite: 40 };
    const last = { takenAt: '2026-11-01T12:00:00Z', composite: 55.5 };
    expect(summariseTrend([first, { takenAt: '2026-10-01T12:00:00Z', composite: 61 }, last])).toEqual({
      count: 3,
      first: { takenAt: first.takenAt, score: 40 },
      last: { takenAt: last.takenAt, score: 55.5 },
      min: 40,
      max: 61,
    });
    expect(summariseTrend([])).toBeNull();
  });
});
