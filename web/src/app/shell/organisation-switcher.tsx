import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../session/session-context';

/** Chooses the organisation the person acts for (sent as X-Otklik-Organisation). */
export function OrganisationSwitcher() {
  const { t } = useTranslation();
  const id = useId();
  const { memberships, activeMembership, setActiveOrganisation } = useSession();
  if (memberships.length === 0 || !activeMembership) return null;
  if (memberships.length === 1) {
    return (
      <p className="org-switcher org-switcher--single">
        <span className="visually-hidden">{t('shell.activeOrganisation')}: </span>
        {activeMembership.organisation.name}
      </p>
    );
  }
  return (
    <div className="org-switcher">
      <label htmlFor={id} className="org-switcher__label">
        {t('shell.activeOrganisation')}
      </label>
      <select
        id={id}
        className="input input--select input--compact"
        value={activeMembership.organisation.id}
        onChange={(event) => void setActiveOrganisation(event.target.value)}
      >
        {memberships.map((membership) => (
          <option key={membership.organisation.id} value={membership.organisation.id}>
            {membership.organisation.name} — {t(`role.${membership.role}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
