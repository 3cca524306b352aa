import { describe, expect, it } from 'vitest';
import { splitUserErrors } from './user-errors';

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
