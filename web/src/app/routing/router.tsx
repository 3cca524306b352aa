import { createBrowserRouter, type RouteObject } from 'react-router';
import { AppShell } from '../shell/app-shell';
import { LoadingState } from '../ui/states';
import { NotFoundPage } from './not-found-page';
import { RouteError } from './route-error';

// Each page is its own chunk, fetched on first visit.
export const routes: RouteObject[] = [
  {
    path: '/',
    Component: AppShell,
    HydrateFallback: LoadingState,
    children: [
      {
        ErrorBoundary: RouteError,
        children: [
          {
            index: true,
            lazy: async () => ({ Component: (await import('../../features/groups/pages/home-page')).HomePage }),
          },
          {
            path: 'groups/:slug',
            lazy: async () => ({ Component: (await import('../../features/groups/pages/group-page')).GroupPage }),
          },
          {
            path: 'practices',
            lazy: async () => ({
              Component: (await import('../../features/practices/pages/practices-page')).PracticesPage,
            }),
          },
          {
            path: 'practices/new',
            lazy: async () => ({
              Component: (await import('../../features/practices/pages/practice-editor-page')).NewPracticePage,
            }),
          },
          {
            path: 'practices/:id',
            lazy: async () => ({
              Component: (await import('../../features/practices/pages/practice-page')).PracticePage,
            }),
          },
          {
            path: 'practices/:id/edit',
            lazy: async () => ({
              Component: (await import('../../features/practices/pages/practice-editor-page')).EditPracticePage,
            }),
          },
          {
            path: 'ratings',
            lazy: async () => ({
              Component: (await import('../../features/ratings/pages/ratings-page')).RatingsPage,
            }),
          },
          {
            path: 'organisations/:slug',
            lazy: async () => ({
              Component: (await import('../../features/organisations/pages/organisation-page')).OrganisationPage,
            }),
          },
          {
            path: 'organisations/:slug/openness',
            lazy: async () => ({
              Component: (await import('../../features/openness/pages/openness-page')).OpennessPage,
            }),
          },
          {
            path: 'openness/verification',
            lazy: async () => ({
              Component: (await import('../../features/openness/pages/verification-queue-page')).VerificationQueuePage,
            }),
          },
          {
            path: 'my/organisation',
            lazy: async () => ({
              Component: (await import('../../features/organisations/pages/my-organisation-page')).MyOrganisationPage,
            }),
          },
          {
            path: 'my/organisation/new',
            lazy: async () => ({
              Component: (await import('../../features/organisations/pages/register-organisation-page'))
                .RegisterOrganisationPage,
            }),
          },
          {
            path: 'my/organisation/activity',
            lazy: async () => ({
              Component: (await import('../../features/activity/pages/activity-page')).ActivityPage,
            }),
          },
          {
            path: 'moderation',
            lazy: async () => ({
              Component: (await import('../../features/comments/pages/moderation-page')).ModerationPage,
            }),
          },
          {
            path: 'admin/groups',
            lazy: async () => ({
              Component: (await import('../../features/admin/pages/admin-groups-page')).AdminGroupsPage,
            }),
          },
          {
            path: 'auth/callback',
            lazy: async () => ({ Component: (await import('../auth/auth-callback-page')).AuthCallbackPage }),
          },
          { path: '*', Component: NotFoundPage },
        ],
      },
    ],
  },
];

export function createAppRouter() {
  return createBrowserRouter(routes);
}
