import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../../app/i18n/use-formatters';
import { sparklineGeometry, summariseHistory, type HistoryPoint } from '../sparkline';
import { useOpennessFormatters } from '../use-openness-formatters';

const WIDTH = 240;
const HEIGHT = 48;

interface Props {
  history: ReadonlyArray<HistoryPoint & { levelKey: string | null }>;
  levels: ReadonlyArray<{ key: string; title: string }>;
  headingId: string;
}

/**
 * The compliance history as a small line on a fixed 0–100 scale, drawn by hand. The picture's
 * text alternative says how many snapshots over which dates, the range and the latest score;
 * every snapshot is listed in a table under «Все замеры».
 */
export function ComplianceSparkline({ history, levels, headingId }: Props) {
  const { t } = useTranslation();
  const { formatDate, formatDateTime } = useFormatters();
  const { formatScore } = useOpennessFormatters();
  const titleId = useId();
  const summary = summariseHistory(history);
  const geometry = sparklineGeometry(history, WIDTH, HEIGHT);
  const levelTitle = (key: string | null) => (key ? (levels.find((l) => l.key === key)?.title ?? key) : '—');

  return (
    <div className="sparkline">
      <h3 id={headingId} className="sparkline__title">
        {t('openness.history.title')}
      </h3>
      {!summary ? (
        <p className="muted">{t('openness.history.empty')}</p>
      ) : (
        <>
          <svg
            className="sparkline__chart"
            role="img"
            aria-labelledby={titleId}
            width={WIDTH}
            height={HEIGHT}
            viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
            focusable="false"
          >
            <title id={titleId}>
              {t('openness.history.summary', {
                count: summary.count,
                from: formatDate(summary.first.takenAt),
                to: formatDate(summary.last.takenAt),
                min: formatScore(summary.min),
                max: formatScore(summary.max),
                last: formatScore(summary.last.score),
              })}
            </title>
            <line className="sparkline__axis" x1="0" x2={WIDTH} y1={HEIGHT - 1} y2={HEIGHT - 1} />
            {history.length > 1 && <polyline className="sparkline__line" points={geometry.points} />}
            {geometry.last && <circle className="sparkline__dot" cx={geometry.last.x} cy={geometry.last.y} r="3" />}
          </svg>
          <details className="disclosure sparkline__details">
            <summary>{t('openness.history.details')}</summary>
            <div className="table-wrap">
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">{t('openness.history.date')}</th>
                    <th scope="col">{t('openness.history.score')}</th>
                    <th scope="col">{t('openness.history.level')}</th>
                  </tr>
                </thead>
                <tbody>
                  {history.map((point, index) => (
                    <tr key={`${point.takenAt}-${index}`}>
                      <td>
                        <time dateTime={point.takenAt}>{formatDateTime(point.takenAt)}</time>
                      </td>
                      <td>{formatScore(point.score)}</td>
                      <td>{levelTitle(point.levelKey)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
        </>
      )}
    </div>
  );
}
