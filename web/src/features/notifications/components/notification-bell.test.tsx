import { MockedProvider } from '@apollo/client/testing/react';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { initI18n } from '../../../app/i18n/i18n';
import { NotificationsDocument, UnreadNotificationCountDocument } from '../graphql/notifications';
import { NotificationBell } from './notification-bell';

beforeAll(async () => {
  await initI18n('ru');
});
afterEach(cleanup);

const countMock = (count: number) => ({
  request: { query: UnreadNotificationCountDocument },
  result: { data: { unreadNotificationCount: count } },
  maxUsageCount: 10,
});

function renderBell(count: number, extra: React.ComponentProps<typeof MockedProvider>['mocks'] = []) {
  render(
    <MockedProvider mocks={[countMock(count), ...(extra ?? [])]}>
      <MemoryRouter>
        <NotificationBell />
      </MemoryRouter>
    </MockedProvider>,
  );
}

describe('NotificationBell', () => {
  it.each([
    [0, 'Уведомления: нет непрочитанных'],
    [1, 'Уведомления: 1 непрочитанное'],
    [3, 'Уведомления: 3 непрочитанных'],
    [5, 'Уведомления: 5 непрочитанных'],
    [21, 'Уведомления: 21 непрочитанное'],
  ])('names the button with the unread count %i', async (count, label) => {
    renderBell(count);
    await waitFor(() => expect(screen.getByRole('button', { name: label })).toBeTruthy());
    const badge = document.querySelector('.bell__badge');
    if (count === 0) expect(badge).toBeNull();
    else expect(badge?.textContent).toBe(String(count));
  });

  it('opens the list, shows each notification and closes with Escape, returning focus to the bell', async () => {
    renderBell(1, [
      {
        request: { query: NotificationsDocument, variables: { first: 20 } },
        result: {
          data: {
            notifications: {
              __typename: 'NotificationConnection',
              totalCount: 1,
              edges: [
                {
                  __typename: 'NotificationEdge',
                  node: {
                    __typename: 'Notification',
                    id: 'Tm90aWZpY2F0aW9uOjE=',
                    kind: 'REVIEW_ON_MY_PRACTICE',
                    text: 'Ирина оставила рецензию на практику «Совет»',
                    link: '/practices/UHJhY3RpY2U6MQ==',
                    read: false,
                    createdAt: '2026-01-10T10:00:00Z',
                  },
                },
              ],
            },
          },
        },
      },
    ]);
    const bell = await screen.findByRole('button', { name: 'Уведомления: 1 непрочитанное' });
    expect(bell.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(bell);
    expect(bell.getAttribute('aria-expanded')).toBe('true');
    const link = await screen.findByRole('link', { name: /оставила рецензию/ });
    expect(link.getAttribute('href')).toBe('/practices/UHJhY3RpY2U6MQ==');
    expect(link.textContent).toContain('не прочитано');
    link.focus();
    fireEvent.keyDown(link, { key: 'Escape' });
    expect(bell.getAttribute('aria-expanded')).toBe('false');
    expect(document.activeElement).toBe(bell);
  });
});
