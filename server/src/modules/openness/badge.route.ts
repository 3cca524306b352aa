import { createHash } from 'node:crypto';
import { Router } from 'express';
import type { Orm } from '../../db/orm.js';
import { applySessionVariables } from '../../common/tenancy/session.js';
import { Organisation } from '../organisation/organisation.entity.js';
import { computeFor } from './compliance.service.js';
import { localized, standardForKind } from './standard.service.js';

const escapeXml = (value: string) =>
  value.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);

/** Approximate text width for the badge layout (11px Verdana-like, Cyrillic a little wider). */
const textWidth = (text: string) =>
  Math.ceil([...text].reduce((w, ch) => w + (/[А-Яа-яЁё]/.test(ch) ? 7.2 : 6.4), 0)) + 12;

export interface BadgeData {
  organisationName: string;
  standardTitle: string;
  label: string;
  value: string;
  asOf: string;
  colour: string;
}

/** The badge as SVG; every text is escaped (names come from users). */
export function renderBadge(data: BadgeData): string {
  const left = textWidth(data.label);
  const right = textWidth(data.value);
  const width = left + right;
  const title = `${data.organisationName} — ${data.standardTitle}: ${data.value} (${data.asOf})`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="20" role="img" aria-label="${escapeXml(title)}">
<title>${escapeXml(title)}</title>
<rect width="${left}" height="20" fill="#3a4a57"/>
<rect x="${left}" width="${right}" height="20" fill="${data.colour}"/>
<g fill="#fff" font-family="Verdana,DejaVu Sans,sans-serif" font-size="11">
<text x="6" y="14">${escapeXml(data.label)}</text>
<text x="${left + 6}" y="14">${escapeXml(data.value)}</text>
</g>
</svg>`;
}

const colourFor = (score: number, hasLevel: boolean) => (!hasLevel ? '#8a5a00' : score >= 80 ? '#1d6b36' : '#2f5f8a');

/**
 * GET /badge/<organisation-slug>.svg?lang=ru|en — the organisation's openness level and score,
 * to embed on its own website; cacheable, with an ETag.
 */
export function badgeRouter(orm: Orm, now: () => Date): Router {
  const router = Router();
  router.get('/badge/:file', async (req, res, next) => {
    try {
      const match = /^([a-z0-9-]{3,60})\.svg$/.exec(req.params.file);
      const lang = req.query.lang === 'en' ? 'en' : 'ru';
      if (!match) {
        res.status(404).type('text/plain').send('Not found');
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
      const organisation = await em.findOne(Organisation, { slug: match[1] });
      const standard = organisation ? await standardForKind(em, organisation.kind) : null;
      if (!organisation || !standard) {
        res.status(404).type('text/plain').send('Not found');
        return;
      }
      const at = now();
      const result = await computeFor(em, organisation, standard, at);
      const level = standard.definition.levels.find((l) => l.key === result.level);
      const svg = renderBadge({
        organisationName: organisation.name,
        standardTitle: localized(lang, standard.definition.titleRu, standard.definition.titleEn),
        label: lang === 'en' ? 'Openness' : 'Открытость',
        value: `${level ? localized(lang, level.titleRu, level.titleEn) : lang === 'en' ? 'no level' : 'нет уровня'} · ${Math.round(result.score)}/100`,
        asOf: at.toISOString().slice(0, 10),
        colour: colourFor(result.score, Boolean(level)),
      });
      const etag = `"${createHash('sha256').update(svg).digest('base64url').slice(0, 27)}"`;
      res.setHeader('ETag', etag);
      res.setHeader('Cache-Control', 'public, max-age=3600');
      res.setHeader('X-Content-Type-Options', 'nosniff');
      if (req.headers['if-none-match'] === etag) {
        res.status(304).end();
        return;
      }
      res.type('image/svg+xml').send(svg);
    } catch (error) {
      next(error);
    }
  });
  return router;
}
