import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../../app/i18n/use-formatters';
import type { OrganisationOpennessQuery } from '../../../gql/graphql';
import { criterionAnchor } from '../openness-model';
import { useOpennessFormatters } from '../use-openness-formatters';
import { ComplianceSparkline } from './compliance-sparkline';

type Organisation = NonNullable<OrganisationOpennessQuery['organisation']>;
export type Report = NonNullable<Organisation['compliance']>;
type History = Organisation['complianceHistory'];

/** The score as a large number, the level reached, the next one and what it still needs, and the history. */
export function ScoreOverview({ report, history }: { report: Report; history: History }) {
  const { t } = useTranslation();
  const { formatDateTime } = useFormatters();
  const { formatScore } = useOpennessFormatters();
  const levels = report.standard.levels;
  const reachedIndex = report.level ? levels.findIndex((l) => l.key === report.level?.key) : -1;
  const neededForNext = report.nextSteps.filter((step) => step.forNextLevel).length;

  return (
    <section aria-labelledby="openness-score-title" className="panel openness-score">
      <h2 id="openness-score-title">{t('openness.score.title')}</h2>
      <div className="openness-score__grid">
        <p className="openness-score__value" data-score={report.score}>
          <span className="openness-score__number">{formatScore(report.score)}</span>{' '}
          <span className="openness-score__scale">{t('openness.score.outOf')}</span>
        </p>
        <dl className="openness-score__levels">
          <div>
            <dt>{t('openness.level.label')}</dt>
            <dd data-level={report.level?.key ?? ''}>
              {report.level ? <strong>{report.level.title}</strong> : t('openness.level.none')}
            </dd>
          </div>
          <div>
            <dt>{t('openness.level.next')}</dt>
            <dd>
              {report.nextLevel ? (
                <>
                  <strong>{report.nextLevel.title}</strong>
                  {neededForNext > 0 && <> — {t('openness.level.needs', { count: neededForNext })}</>}
                </>
              ) : (
                t('openness.level.top')
              )}
            </dd>
          </div>
        </dl>
      </div>
      <ol className="level-steps" aria-label={t('openness.level.listLabel')}>
        {levels.map((level, index) => {
          const mark =
            index <= reachedIndex ? 'reached' : level.key === report.nextLevel?.key ? 'nextMark' : ('ahead' as const);
          return (
            <li key={level.key} className={`level-steps__step level-steps__step--${mark}`} data-level-key={level.key}>
              <span className="level-steps__sign" aria-hidden="true">
                {mark === 'reached' ? '✓' : index + 1}
              </span>
              <span>
                {level.title} <span className="level-steps__mark">({t(`openness.level.${mark}`)})</span>
              </span>
            </li>
          );
        })}
      </ol>
      <ComplianceSparkline history={history} levels={levels} headingId="openness-history-title" />
      <p className="muted openness-score__computed">
        {t('openness.score.computedAt', { date: formatDateTime(report.computedAt) })}
      </p>
    </section>
  );
}

/** A bar per section with its score and how many applicable criteria are met; the bar only repeats the text. */
export function SectionProgress({ sections }: { sections: Report['sections'] }) {
  const { t } = useTranslation();
  const { formatScore } = useOpennessFormatters();
  return (
    <section aria-labelledby="openness-sections-title" className="panel">
      <h2 id="openness-sections-title">{t('openness.sections.title')}</h2>
      <ul className="section-progress">
        {sections.map((section) => (
          <li key={section.key} className="section-progress__row" data-section-key={section.key}>
            <a className="section-progress__title" href={`#criteria-section-${section.key}`}>
              {section.title}
            </a>
            <span className="section-progress__bar" aria-hidden="true">
              <span
                className="section-progress__fill"
                style={{ width: `${Math.min(100, Math.max(0, section.score))}%` }}
              />
            </span>
            <span className="section-progress__numbers">
              <strong>{t('openness.sections.score', { score: formatScore(section.score) })}</strong>
              <span className="muted">
                {t('openness.sections.met', { met: section.met, applicable: section.applicable })}
              </span>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** «Что сделать дальше»: the mandatory gaps, the steps with their gain, and what expires soon. */
export function NextStepsSection({ report }: { report: Report }) {
  const { t } = useTranslation();
  const { formatScore, formatDay } = useOpennessFormatters();
  return (
    <section aria-labelledby="openness-next-title" className="panel">
      <h2 id="openness-next-title">{t('openness.nextSteps.title')}</h2>

      {report.mandatoryMissing.length > 0 ? (
        <div className="notice notice--warning openness-mandatory">
          <h3 className="openness-mandatory__title">{t('openness.mandatory.missing')}</h3>
          <ul>
            {report.mandatoryMissing.map((criterion) => (
              <li key={criterion.key}>
                <a href={`#${criterionAnchor(criterion.key)}`}>{criterion.title}</a>
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <p className="openness-mandatory--met">
          <span aria-hidden="true">✓ </span>
          {t('openness.mandatory.none')}
        </p>
      )}

      {report.expiringSoon.length > 0 && (
        <div className="notice notice--warning openness-expiring">
          <h3 className="openness-mandatory__title">{t('openness.expiring.title')}</h3>
          <p>{t('openness.expiring.lead')}</p>
          <ul>
            {report.expiringSoon.map((item) => (
              <li key={item.criterion.key}>
                <a href={`#${criterionAnchor(item.criterion.key)}`}>{item.criterion.title}</a> —{' '}
                {t('openness.expiring.item', { date: formatDay(item.expiresAt) })}
              </li>
            ))}
          </ul>
        </div>
      )}

      {report.nextSteps.length === 0 ? (
        <p className="muted">{t('openness.nextSteps.none')}</p>
      ) : (
        <>
          <p className="muted">{t('openness.nextSteps.lead')}</p>
          <ol className="next-steps">
            {report.nextSteps.map((step) => (
              <li
                key={step.criterion.key}
                className="next-steps__item"
                data-next-step-key={step.criterion.key}
                data-for-next-level={step.forNextLevel}
              >
                <a href={`#${criterionAnchor(step.criterion.key)}`}>{step.criterion.title}</a>
                <span className="next-steps__gain">
                  {t('openness.nextSteps.gain', { count: step.gain, points: formatScore(step.gain) })}
                </span>
                {step.forNextLevel && report.nextLevel && (
                  <span className="tag tag--next-level">
                    {t('openness.nextSteps.forNextLevel', { level: report.nextLevel.title })}
                  </span>
                )}
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
