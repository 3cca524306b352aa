import { MockedProvider } from '@apollo/client/testing/react';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AuthProvider } from '../../../app/auth/auth-context';
import type { OidcClient } from '../../../app/auth/oidc-client';
import { initI18n } from '../../../app/i18n/i18n';
import { ActiveOrganisationStore } from '../../../app/session/active-organisation-store';
import { ViewerDocument } from '../../../app/session/graphql/viewer';
import { SessionProvider, useSession } from '../../../app/session/session-context';
import type { PlatformRole } from '../../../gql/graphql';
import { RatingSnapshotsDocument, TakeRatingSnapshotDocument } from '../graphql/ratings';
import { RatingSnapshotsPanel } from './rating-snapshots-panel';

beforeAll(async () => {
  await initI18n('ru');
});
afterEach(cleanup);

type Mocks = React.ComponentProps<typeof MockedProvider>['mocks'];

// Signed in as far as the session is concerned; who the person is comes from the Viewer query.
const signedIn = { tokens: { subscribe: () => () => undefined }, isSignedIn: () => true } as unknown as OidcClient;

const viewerMock = (platformRoles: PlatformRole[]) => ({
  request: { query: ViewerDocument },
  result: {
    data: {
      me: {
        __typename: 'Me',
        subject: 'kc-1',
        displayName: 'Анна Смирнова',
        email: 'anna@example.org',
        platformRoles,
        memberships: [],
        activeOrganisation: null,
      },
    },
  },
});

const snapshot = (id: string, takenAt: string, reason: 'MONTHLY' | 'ON_DEMAND', entries: number) => ({
  __typename: 'RatingSnapshot' as const,
  id,
  takenAt,
  reason,
  entries,
});
const MONTHLY = snapshot('c25hcDox', '2026-11-01T12:00:00Z', 'MONTHLY', 40);
const TAKEN = snapshot('c25hcDoy', '2026-11-29T12:00:00Z', 'ON_DEMAND', 42);

const snapshotsMock = (snapshots: ReturnType<typeof snapshot>[]) => ({
  request: { query: RatingSnapshotsDocument, variables: { last: 5 } },
  result: { data: { ratingSnapshots: snapshots } },
});

const takeMock = (payload: object) => ({
  request: { query: TakeRatingSnapshotDocument },
  result: { data: { takeRatingSnapshot: { __typename: 'RatingSnapshotPayload', ...payload } } },
});

/** Shows who the session has loaded, so a test can wait until the roles are known. */
function Viewer() {
  const { viewer } = useSession();
  return <p>{viewer ? `Вошла: ${viewer.displayName}` : ''}</p>;
}

function renderPanel(platformRoles: PlatformRole[], mocks: Mocks = []) {
  render(
    <MockedProvider mocks={[viewerMock(platformRoles), ...(mocks ?? [])]}>
      <AuthProvider client={signedIn} locale={() => 'ru'}>
        <SessionProvider store={new ActiveOrganisationStore(null)}>
          <Viewer />
          <RatingSnapshotsPanel />
        </SessionProvider>
      </AuthProvider>
    </MockedProvider>,
  );
}

describe('RatingSnapshotsPanel', () => {
  it('is not offered to anyone who is not a platform admin', async () => {
    renderPanel(['MODERATOR']);
    await screen.findByText('Вошла: Анна Смирнова');
    expect(screen.queryByRole('button', { name: 'Сделать срез' })).toBeNull();
    expect(screen.queryByRole('heading', { name: 'Срезы рейтинга' })).toBeNull();
  });

  it('lets a platform admin take a snapshot and says what was recorded', async () => {
    renderPanel(
      ['PLATFORM_ADMIN'],
      [
        snapshotsMock([MONTHLY]),
        takeMock({ snapshot: TAKEN, userErrors: [] }),
        // Taking a snapshot refreshes the list.
        snapshotsMock([TAKEN, MONTHLY]),
      ],
    );
    const region = await screen.findByRole('region', { name: 'Срезы рейтинга' });
    const table = await within(region).findByRole('table', { name: 'Последние срезы' });
    expect(within(table).getAllByRole('row')).toHaveLength(2);
    fireEvent.click(within(region).getByRole('button', { name: 'Сделать срез' }));
    const status = within(region).getByRole('status');
    await waitFor(() =>
      expect(status.textContent).toMatch(/^Срез сделан 29 ноября 2026 г\. в \d{2}:\d{2}: записаны 42 оценки\.$/),
    );
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(3));
    expect(within(table).getAllByRole('row')[1]!.textContent).toContain('по запросу');
    expect(within(region).queryByRole('alert')).toBeNull();
  });

  it('shows why the API refused the snapshot', async () => {
    renderPanel(
      ['PLATFORM_ADMIN'],
      [
        snapshotsMock([]),
        takeMock({
          snapshot: null,
          userErrors: [
            {
              __typename: 'UserError',
              code: 'FORBIDDEN',
              message: 'Срез рейтинга делает администратор платформы',
              field: null,
            },
          ],
        }),
      ],
    );
    const region = await screen.findByRole('region', { name: 'Срезы рейтинга' });
    expect(await within(region).findByText('Срезов пока нет.')).toBeTruthy();
    fireEvent.click(within(region).getByRole('button', { name: 'Сделать срез' }));
    const alert = await within(region).findByRole('alert');
    expect(alert.textContent).toContain('Не удалось сделать срез');
    expect(alert.textContent).toContain('Срез рейтинга делает администратор платформы');
    expect(within(region).getByRole('status').textContent).toBe('');
  });
});
