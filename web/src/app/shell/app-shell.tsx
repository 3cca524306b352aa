import { useTranslation } from 'react-i18next';
import { NavLink, Outlet, useLocation, useNavigation } from 'react-router';
import { useEffect, useRef } from 'react';
import { useAuth } from '../auth/auth-context';
import { useSession } from '../session/session-context';
import { LanguageSwitch } from './language-switch';
import { OrganisationSwitcher } from './organisation-switcher';
import { NotificationBell } from '../../features/notifications/components/notification-bell';

export function AppShell() {
  const { t } = useTranslation();
  const { isSignedIn, signIn, signOut } = useAuth();
  const { viewer, hasPlatformRole } = useSession();
  const navigation = useNavigation();
  const location = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  const shownPath = useRef(location.pathname);

  // After a client-side navigation, focus goes to the new page like after a full page load.
  useEffect(() => {
    if (shownPath.current === location.pathname) return;
    shownPath.current = location.pathname;
    mainRef.current?.focus();
  }, [location.pathname]);

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('shell.skipToContent')}
      </a>
      <header className="site-header">
        <div className="site-header__inner">
          <NavLink to="/" className="brand" aria-label={t('shell.homeLink')}>
            <span className="brand__mark" aria-hidden="true" />
            <span className="brand__name">{t('app.name')}</span>
          </NavLink>
          <nav aria-label={t('shell.mainNavigation')} className="main-nav">
            <ul>
              <li>
                <NavLink to="/" end>
                  {t('shell.nav.groups')}
                </NavLink>
              </li>
              <li>
                <NavLink to="/practices">{t('shell.nav.practices')}</NavLink>
              </li>
              <li>
                <NavLink to="/ratings">{t('shell.nav.ratings')}</NavLink>
              </li>
              {isSignedIn && (
                <li>
                  <NavLink to="/my/organisation" end>
                    {t('shell.nav.myOrganisation')}
                  </NavLink>
                </li>
              )}
              {(hasPlatformRole('MODERATOR') || hasPlatformRole('PLATFORM_ADMIN')) && (
                <>
                  <li>
                    <NavLink to="/moderation">{t('shell.nav.moderation')}</NavLink>
                  </li>
                  <li>
                    <NavLink to="/openness/verification">{t('shell.nav.verification')}</NavLink>
                  </li>
                </>
              )}
              {hasPlatformRole('PLATFORM_ADMIN') && (
                <li>
                  <NavLink to="/admin/groups">{t('shell.nav.adminGroups')}</NavLink>
                </li>
              )}
            </ul>
          </nav>
          <div className="site-header__tools">
            {isSignedIn && <OrganisationSwitcher />}
            {isSignedIn && <NotificationBell />}
            <LanguageSwitch />
            {isSignedIn ? (
              <div className="account">
                {viewer && <span className="account__name">{viewer.displayName}</span>}
                <button type="button" className="button button--secondary" onClick={signOut}>
                  {t('shell.signOut')}
                </button>
              </div>
            ) : (
              <button type="button" className="button button--primary" onClick={() => void signIn()}>
                {t('shell.signIn')}
              </button>
            )}
          </div>
        </div>
        {navigation.state === 'loading' && (
          <div className="progress" role="progressbar" aria-label={t('shell.loadingPage')} />
        )}
      </header>
      <main id="main" ref={mainRef} tabIndex={-1} className="site-main">
        <Outlet />
      </main>
      <footer className="site-footer">
        <p>{t('shell.footer')}</p>
      </footer>
    </div>
  );
}
