import { Router } from 'express';
import type { Orm } from '../../db/orm.js';
import { fromGlobalId } from '../../common/graphql/global-id.js';
import { applySessionVariables } from '../../common/tenancy/session.js';
import { OrganisationKind } from '../organisation/organisation.entity.js';
import { ratingsIn } from './rating.service.js';

const KINDS = new Set<string>(Object.values(OrganisationKind));

/** One CSV cell: quoted, and never read by a spreadsheet as a formula. */
export function csvCell(value: string | number | boolean | null): string {
  if (value === null) return '';
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",;\n\r']/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

const HEADERS = {
  ru: [
    'Место',
    'Организация',
    'Короткое имя',
    'Тип',
    'Регион',
    'Рейтинг',
    'Открытость',
    'Качество практик',
    'Глубина вовлечения',
    'Вклад',
    'Рецензий',
    'Практик',
    'Достаточно данных',
  ],
  en: [
    'Rank',
    'Organisation',
    'Slug',
    'Kind',
    'Region',
    'Rating',
    'Openness',
    'Practice quality',
    'Engagement depth',
    'Contribution',
    'Reviews',
    'Practices',
    'Enough data',
  ],
};

/**
 * GET /exports/ratings.csv?groupId=&kind=&region=&lang= — the leaderboard as CSV for Excel users:
 * UTF-8 with a BOM, streamed row by row; public, like the ratings themselves.
 */
export function ratingsExportRouter(orm: Orm, now: () => Date): Router {
  const router = Router();
  router.get('/exports/ratings.csv', async (req, res, next) => {
    try {
      const lang = req.query.lang === 'en' ? 'en' : 'ru';
      const kind =
        typeof req.query.kind === 'string' && KINDS.has(req.query.kind)
          ? (req.query.kind as OrganisationKind)
          : undefined;
      const group = typeof req.query.groupId === 'string' ? fromGlobalId(req.query.groupId) : null;
      if ((req.query.kind && !kind) || (req.query.groupId && group?.type !== 'ThematicGroup')) {
        res
          .status(400)
          .type('text/plain')
          .send(lang === 'en' ? 'Unknown kind or group' : 'Неизвестный тип или группа');
        return;
      }
      const em = orm.em.fork();
      applySessionVariables(em, {
        organisationId: null,
        subject: null,
        email: null,
        clientId: null,
        platformRoles: [],
      });
      const ratings = await ratingsIn(em, now(), {
        groupId: group?.id,
        kind,
        region: typeof req.query.region === 'string' ? req.query.region : undefined,
      });
      res.status(200);
      res.setHeader('Content-Type', 'text/csv; charset=utf-8');
      res.setHeader('Content-Disposition', 'attachment; filename="otklik-ratings.csv"');
      res.write('\uFEFF' + HEADERS[lang].map(csvCell).join(',') + '\r\n');
      for (const r of ratings) {
        const o = r.subject;
        const row = [
          r.rank,
          o.name,
          o.slug,
          o.kind,
          o.region,
          r.composite,
          r.openness.score,
          r.practiceQuality.score,
          r.engagementDepth.score,
          r.contribution.score,
          r.practiceQuality.sample,
          r.engagementDepth.sample,
          r.enoughData,
        ];
        res.write(row.map(csvCell).join(',') + '\r\n');
      }
      res.end();
    } catch (error) {
      next(error);
    }
  });
  return router;
}
