import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { opennessPagePath } from '../badge-snippet';
import { OpennessSummaryDocument } from '../graphql/openness';
import { useOpennessFormatters } from '../use-openness-formatters';

/** On an organisation's profile: its openness level and score, linking to the openness page. */
export function OpennessSummary({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const { formatScore } = useOpennessFormatters();
  const { data } = useQuery(OpennessSummaryDocument, { variables: { slug }, fetchPolicy: 'cache-and-network' });
  const report = data?.organisation?.compliance;
  if (!report) return null;
  return (
    <section aria-labelledby="openness-summary-title" className="panel openness-summary">
      <h2 id="openness-summary-title">{t('openness.summary.title')}</h2>
      <p className="openness-summary__line">
        <span className="openness-summary__score" data-score={report.score}>
          {t('openness.summary.score', { score: formatScore(report.score) })}
        </span>
        <span>
          {report.level ? t('openness.summary.level', { level: report.level.title }) : t('openness.summary.noLevel')}
        </span>
      </p>
      <p className="muted">{report.standard.title}</p>
      <p>
        <Link to={opennessPagePath(slug)}>{t('openness.summary.more')}</Link>
      </p>
    </section>
  );
}
