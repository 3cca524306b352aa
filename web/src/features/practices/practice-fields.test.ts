import { describe, expect, it } from 'vitest';
import { splitUserErrorsByPath } from '../../app/ui/user-errors';
import { compareFields, practiceFieldId, practiceFieldKey, stepOfField } from './practice-fields';

describe('practiceFieldKey', () => {
  it('maps userError paths, array indices included, to the editor fields', () => {
    expect(practiceFieldKey(['input', 'content', 'indicators', '0', 'value'])).toBe('indicators.0.value');
    expect(practiceFieldKey(['input', 'content', 'indicators', '12', 'baseline'])).toBe('indicators.12.baseline');
    expect(practiceFieldKey(['input', 'content', 'evidenceLinks', '3', 'url'])).toBe('evidenceLinks.3.url');
    expect(practiceFieldKey(['input', 'content', 'loopClosure', 'returnedWhat'])).toBe('loopClosure.returnedWhat');
    expect(practiceFieldKey(['input', 'content', 'beneficiarySegment', 'size'])).toBe('beneficiarySegment.size');
    expect(practiceFieldKey(['input', 'content', 'title'])).toBe('title');
    expect(practiceFieldKey(['input', 'groupId'])).toBe('groupId');
  });

  it('folds list items without a field of their own into the list, and knows nothing else', () => {
    expect(practiceFieldKey(['input', 'content', 'tags', '4'])).toBe('tags');
    expect(practiceFieldKey(['input', 'content', 'indicators', '2', 'colour'])).toBe('indicators');
    expect(practiceFieldKey(['input', 'practiceId'])).toBeNull();
    expect(practiceFieldKey(['input', 'version'])).toBeNull();
    expect(practiceFieldKey(['input'])).toBeNull();
  });

  it('puts each server message at its field, on the step that shows it', () => {
    const { fieldErrors, formErrors, conflict } = splitUserErrorsByPath(
      [
        { code: 'BAD_USER_INPUT', message: 'Нужно число', field: ['input', 'content', 'indicators', '1', 'value'] },
        {
          code: 'BAD_USER_INPUT',
          message: 'Ссылка должна начинаться с http://',
          field: ['input', 'content', 'evidenceLinks', '0', 'url'],
        },
        { code: 'BAD_USER_INPUT', message: 'Для публикации опишите проблему', field: ['input', 'content', 'problem'] },
        { code: 'FORBIDDEN', message: 'Организация не состоит в группе', field: ['input', 'practiceId'] },
      ],
      practiceFieldKey,
    );
    expect(fieldErrors).toEqual({
      'indicators.1.value': 'Нужно число',
      'evidenceLinks.0.url': 'Ссылка должна начинаться с http://',
      problem: 'Для публикации опишите проблему',
    });
    expect(formErrors).toEqual(['Организация не состоит в группе']);
    expect(conflict).toBe(false);
    expect(stepOfField('indicators.1.value')).toBe('results');
    expect(stepOfField('evidenceLinks.0.url')).toBe('evidence');
    expect(Object.keys(fieldErrors).sort(compareFields)[0]).toBe('problem');
    expect(practiceFieldId('indicators.1.value')).toBe('practice-indicators-1-value');
  });

  it('orders fields as the editor shows them, rows by index', () => {
    const keys = ['tags', 'indicators.10.name', 'loopClosure.closed', 'indicators.2.value', 'title', 'methodKeys'];
    expect(keys.sort(compareFields)).toEqual([
      'title',
      'methodKeys',
      'loopClosure.closed',
      'indicators.2.value',
      'indicators.10.name',
      'tags',
    ]);
  });
});
