import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { initI18n } from '../../../app/i18n/i18n';
import { EMPTY_ORGANISATION, OrganisationForm } from './organisation-form';

beforeAll(async () => {
  await initI18n('ru');
});
afterEach(cleanup);

function renderForm(onSubmit = vi.fn().mockResolvedValue([])) {
  render(
    <OrganisationForm
      idPrefix="register"
      initialValues={EMPTY_ORGANISATION}
      withSlug
      submitLabel="Зарегистрировать организацию"
      onSubmit={onSubmit}
    />,
  );
  return onSubmit;
}

const submit = () => fireEvent.click(screen.getByRole('button', { name: 'Зарегистрировать организацию' }));

describe('OrganisationForm', () => {
  it('does not send an invalid form and explains each problem next to its field', async () => {
    const onSubmit = renderForm();
    fireEvent.change(screen.getByLabelText(/Название организации/), { target: { value: 'Фонд «Семья»' } });
    fireEvent.change(screen.getByLabelText(/^ИНН/), { target: { value: '12345' } });
    fireEvent.change(screen.getByLabelText(/^ОГРН/), { target: { value: '1027700132196' } });
    fireEvent.change(screen.getByLabelText(/^Сайт/), { target: { value: 'semya.ru' } });
    submit();

    expect(onSubmit).not.toHaveBeenCalled();
    const inn = screen.getByLabelText(/^ИНН/);
    expect(inn.getAttribute('aria-invalid')).toBe('true');
    const innMessage = document.getElementById('register-inn-error');
    expect(innMessage?.textContent).toMatch(/10 цифр/);
    expect(inn.getAttribute('aria-describedby')?.split(' ')).toContain('register-inn-error');

    expect(screen.getByLabelText(/^ОГРН/).getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById('register-ogrn-error')?.textContent).toMatch(/контрольная цифра/);
    expect(document.getElementById('register-website-error')?.textContent).toMatch(/https:\/\//);
    expect(document.getElementById('register-region-error')?.textContent).toMatch(/Заполните/);
    expect(screen.getByLabelText(/Название организации/).hasAttribute('aria-invalid')).toBe(false);
    expect(screen.getByRole('alert').textContent).toContain('Проверьте форму');
  });

  it('suggests the slug from the name', () => {
    renderForm();
    fireEvent.change(screen.getByLabelText(/Название организации/), { target: { value: 'АНО «Равные возможности»' } });
    expect((screen.getByLabelText(/Адрес страницы организации/) as HTMLInputElement).value).toBe(
      'ano-ravnye-vozmozhnosti',
    );
  });

  it("sends a valid form and shows the server's userErrors next to the named field", async () => {
    const onSubmit = renderForm(
      vi.fn().mockResolvedValue([
        { code: 'CONFLICT', message: 'Адрес fond-semya уже занят.', field: ['input', 'slug'] },
        { code: 'FORBIDDEN', message: 'Регистрация временно закрыта.', field: null },
      ]),
    );
    fireEvent.change(screen.getByLabelText(/Название организации/), { target: { value: 'Фонд «Семья»' } });
    fireEvent.change(screen.getByLabelText(/Адрес страницы организации/), { target: { value: 'fond-semya' } });
    fireEvent.change(screen.getByLabelText(/^Регион/), { target: { value: 'Санкт-Петербург' } });
    fireEvent.change(screen.getByLabelText(/^ИНН/), { target: { value: '7810012342' } });
    submit();

    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
    expect(onSubmit.mock.calls[0]![0]).toMatchObject({ name: 'Фонд «Семья»', slug: 'fond-semya', inn: '7810012342' });
    await waitFor(() => expect(document.getElementById('register-slug-error')?.textContent).toMatch(/уже занят/));
    expect(screen.getByLabelText(/Адрес страницы организации/).getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByRole('alert').textContent).toContain('Регистрация временно закрыта.');
  });
});
