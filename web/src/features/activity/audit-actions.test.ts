import { describe, expect, it } from 'vitest';
import en from '../../app/i18n/en.json';
import ru from '../../app/i18n/ru.json';
import { AUDIT_ACTIONS, isKnownAction, summaryPairs } from './audit-actions';

const phrase = (resource: typeof ru | typeof en, action: string) =>
  action
    .split('.')
    .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], resource.activity.actions);

describe('audit actions', () => {
  it('has a Russian and an English phrase for every known action', () => {
    for (const action of AUDIT_ACTIONS) {
      expect(typeof phrase(ru, action), `ru ${action}`).toBe('string');
      expect(typeof phrase(en, action), `en ${action}`).toBe('string');
    }
  });

  it('recognises known codes only', () => {
    expect(isKnownAction('comment.hidden')).toBe(true);
    expect(isKnownAction('api_client.created')).toBe(false);
  });

  it('keeps plain values of the summary and leaves ids out', () => {
    expect(summaryPairs({ reason: 'спам', practiceId: 'x', edition: 2, nested: { a: 1 }, hidden: false })).toEqual([
      ['reason', 'спам'],
      ['edition', '2'],
      ['hidden', 'false'],
    ]);
  });
});
