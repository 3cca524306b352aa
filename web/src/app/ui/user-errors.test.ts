import { describe, expect, it } from 'vitest';
import { splitUserErrors, splitUserErrorsByPath } from './user-errors';

describe('splitUserErrors', () => {
  it('puts an error next to the field named by the last path element, others at form level', () => {
    const result = splitUserErrors(
      [
        { code: 'BAD_USER_INPUT', message: 'ИНН с ошибкой', field: ['input', 'inn'] },
        { code: 'BAD_USER_INPUT', message: 'Второе сообщение про ИНН', field: ['input', 'inn'] },
        { code: 'FORBIDDEN', message: 'Нет прав', field: null },
        { code: 'BAD_USER_INPUT', message: 'Неизвестное поле', field: ['input', 'colour'] },
      ],
      ['inn', 'ogrn'],
    );
    expect(result.fieldErrors).toEqual({ inn: 'ИНН с ошибкой' });
    expect(result.formErrors).toEqual(['Второе сообщение про ИНН', 'Нет прав', 'Неизвестное поле']);
  });
});

describe('splitUserErrorsByPath', () => {
  const fieldOf = (path: readonly string[]) => (path[0] === 'input' ? path.slice(1).join('.') : null);

  it('keys errors by the whole path, reports a stale version as a conflict', () => {
    const result = splitUserErrorsByPath(
      [
        { code: 'BAD_USER_INPUT', message: 'Нужно число', field: ['input', 'rows', '2', 'value'] },
        { code: 'BAD_USER_INPUT', message: 'Второе про то же поле', field: ['input', 'rows', '2', 'value'] },
        { code: 'CONFLICT', message: 'Изменили', field: ['input', 'version'] },
        { code: 'FORBIDDEN', message: 'Нет прав', field: null },
        { code: 'BAD_USER_INPUT', message: 'Чужой путь', field: ['search'] },
      ],
      fieldOf,
    );
    expect(result.fieldErrors).toEqual({ 'rows.2.value': 'Нужно число' });
    expect(result.conflict).toBe(true);
    expect(result.formErrors).toEqual(['Второе про то же поле', 'Нет прав', 'Чужой путь']);
  });
});
