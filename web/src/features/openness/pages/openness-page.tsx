import { useQuery } from '@apollo/client/react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { NotFoundContent } from '../../../app/routing/not-found-page';
import { useSession } from '../../../app/session/session-context';
import { ErrorState, LoadingState } from '../../../app/ui/states';
import { useDocumentTitle } from '../../../app/ui/use-document-title';
import { BadgeSnippetSection } from '../components/badge-snippet';
import { NextStepsSection, ScoreOverview, SectionProgress } from '../components/compliance-overview';
import { CriteriaSection } from '../components/criteria-section';
import { OrganisationOpennessDocument } from '../graphql/openness';
import { groupCriteriaBySection } from '../openness-model';

/**
 * /organisations/:slug/openness — public: the organisation's compliance with the standard for its
 * kind, what to do next, every criterion with its state, and the badge for its website. Its ADMINs
 * and EDITORs (acting for it) disclose here.
 */
export function OpennessPage() {
  const { t } = useTranslation();
  const { slug = '' } = useParams();
  const { activeMembership, hasPlatformRole } = useSession();
  const { data, loading, error, refetch } = useQuery(OrganisationOpennessDocument, {
    variables: { slug },
    fetchPolicy: 'cache-and-network',
  });
  const organisation = data?.organisation;
  const report = organisation?.compliance ?? null;
  useDocumentTitle(
    organisation ? t('openness.documentTitle', { name: organisation.name }) : loading ? t('common.loading') : undefined,
  );

  const sections = useMemo(
    () =>
      organisation && report
        ? groupCriteriaBySection(
            report.standard,
            organisation.disclosures,
            organisation.kind,
            // States are judged at the moment the score was computed, so both agree.
            new Date(report.computedAt),
          )
        : [],
    [organisation, report],
  );
  const expiringKeys = useMemo(() => new Set(report?.expiringSoon.map((item) => item.criterion.key) ?? []), [report]);

  if (loading && !data) return <LoadingState />;
  if (error && !data) return <ErrorState error={error} onRetry={() => void refetch()} />;
  if (!organisation) return <NotFoundContent />;

  const actsForIt = activeMembership?.organisation.id === organisation.id;
  const canDisclose = actsForIt && (activeMembership?.role === 'ADMIN' || activeMembership?.role === 'EDITOR');
  const isMember = organisation.viewerRole !== null;
  // The API returns claimed and rejected disclosures to the organisation acting for itself and to moderators.
  const seesUnverified = actsForIt || hasPlatformRole('MODERATOR') || hasPlatformRole('PLATFORM_ADMIN');

  return (
    <article className="page openness-page" aria-labelledby="openness-title">
      <nav aria-label={t('common.breadcrumbs')} className="breadcrumbs">
        <Link to={`/organisations/${encodeURIComponent(organisation.slug)}`}>{organisation.name}</Link>
        <span aria-hidden="true"> / </span>
        <span aria-current="page">{t('openness.title')}</span>
      </nav>
      <header className="page__header">
        <h1 id="openness-title">{t('openness.title')}</h1>
        {report && (
          <>
            <p className="openness-standard">
              {t('openness.standardVersion', { title: report.standard.title, version: report.standard.version })}
            </p>
            <p className="lead">{t(`openness.formula.${report.standard.formula}`)}</p>
          </>
        )}
      </header>

      {!report ? (
        <p className="notice">{t('openness.noStandard')}</p>
      ) : (
        <>
          <ScoreOverview report={report} history={organisation.complianceHistory} />
          <SectionProgress sections={report.sections} />
          <NextStepsSection report={report} />
          {isMember && !canDisclose && <p className="notice notice--info">{t('openness.notActing')}</p>}
          <CriteriaSection
            sections={sections}
            standardKey={report.standard.key}
            canDisclose={canDisclose}
            seesUnverified={seesUnverified}
            expiringKeys={expiringKeys}
          />
          <BadgeSnippetSection slug={organisation.slug} organisationName={organisation.name} />
          <section aria-labelledby="openness-about-title" className="panel">
            <h2 id="openness-about-title">{t('openness.about')}</h2>
            <p>{report.standard.description}</p>
            <h3>{t('openness.sources')}</h3>
            <ul className="openness-sources">
              {report.standard.sources.map((source) => (
                <li key={source}>{source}</li>
              ))}
            </ul>
          </section>
        </>
      )}
    </article>
  );
}
