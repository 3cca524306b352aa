import { describe, expect, it } from 'vitest';
import { toPracticeContent } from './practice-content.js';
import { diffContent } from './practice.diff.js';
import { IndicatorTier, ParticipationLevel } from './practice.enums.js';

describe('diff between revisions', () => {
  it('lists exactly the fields that changed, as readable text', () => {
    const before = toPracticeContent(
      'Совет получателей услуг',
      'Было',
      {
        participationLevel: ParticipationLevel.GOVERNANCE_PARTICIPATION,
        loopClosure: { returnedHow: 'Стенд', closed: false },
        indicators: [{ tier: IndicatorTier.OUTPUT, name: 'Заседаний', unit: 'шт.', value: 4 }],
      },
      ['beneficiary-council'],
    );
    const after = toPracticeContent(
      'Совет получателей услуг',
      'Стало',
      {
        participationLevel: ParticipationLevel.GOVERNANCE_PARTICIPATION,
        loopClosure: { returnedHow: 'Стенд', closed: true },
        indicators: [
          { tier: IndicatorTier.OUTPUT, name: 'Заседаний', unit: 'шт.', baseline: 0, value: 6, period: '2026' },
        ],
      },
      ['beneficiary-council'],
    );
    expect(diffContent(before, after)).toEqual([
      { field: 'summary', before: 'Было', after: 'Стало' },
      { field: 'loopClosure.closed', before: 'false', after: 'true' },
      { field: 'indicators', before: 'OUTPUT · Заседаний: — → 4 шт.', after: 'OUTPUT · Заседаний: 0 → 6 шт. (2026)' },
    ]);
  });

  it('is empty for identical content', () => {
    const content = toPracticeContent('A', 'B', { tags: ['x'] }, []);
    expect(diffContent(content, content)).toEqual([]);
  });
});
