import { z } from 'zod';
import { OrganisationKind } from '../organisation/organisation.entity.js';
import { SLUG_PATTERN } from '../../common/validation.js';

const key = z.string().regex(SLUG_PATTERN, 'must be a lower-case kebab-case key').min(3).max(60);
const kinds = z.array(z.enum(OrganisationKind)).min(1);

export const EVIDENCE_KINDS = ['URL', 'DOCUMENT', 'TEXT', 'NUMBER', 'COUNT', 'SHARE'] as const;
export const NOK_ROLES = [
  'STAND_ITEM',
  'SITE_ITEM',
  'REMOTE_CHANNEL',
  'SATISFACTION_STAND',
  'SATISFACTION_SITE',
] as const;

export const criterionSchema = z.object({
  key,
  titleRu: z.string().min(1),
  titleEn: z.string().min(1),
  descriptionRu: z.string().min(1),
  descriptionEn: z.string().min(1),
  weight: z.number().int().positive(),
  mandatory: z.boolean(),
  appliesTo: kinds.optional(),
  freshnessMonths: z.number().int().positive().optional(),
  evidence: z.enum(EVIDENCE_KINDS),
  nok: z.enum(NOK_ROLES).optional(),
});

/** A standard as published: versioned data, validated on load and on publication. */
export const standardSchema = z
  .object({
    key,
    version: z.number().int().positive(),
    titleRu: z.string().min(1),
    titleEn: z.string().min(1),
    descriptionRu: z.string().min(1),
    descriptionEn: z.string().min(1),
    appliesTo: kinds,
    formula: z.enum(['WEIGHTED_SHARE', 'NOK_USO']),
    sources: z.array(z.string().min(1)).default([]),
    sections: z
      .array(
        z.object({
          key,
          titleRu: z.string().min(1),
          titleEn: z.string().min(1),
          criteria: z.array(criterionSchema).min(1),
        }),
      )
      .min(1),
    levels: z
      .array(z.object({ key, titleRu: z.string().min(1), titleEn: z.string().min(1), requires: z.array(key).min(1) }))
      .min(1),
  })
  .superRefine((standard, ctx) => {
    const keys = standard.sections.flatMap((s) => s.criteria.map((c) => c.key));
    const seen = new Set<string>();
    for (const k of keys) {
      if (seen.has(k))
        ctx.addIssue({ code: 'custom', message: `criterion key ${k} is used twice`, path: ['sections'] });
      seen.add(k);
    }
    standard.levels.forEach((level, i) =>
      level.requires.forEach((k) => {
        if (!seen.has(k))
          ctx.addIssue({
            code: 'custom',
            message: `level ${level.key} requires unknown criterion ${k}`,
            path: ['levels', i],
          });
      }),
    );
    for (const section of standard.sections) {
      for (const c of section.criteria) {
        if (standard.formula === 'NOK_USO' && !c.nok) {
          ctx.addIssue({
            code: 'custom',
            message: `criterion ${c.key} needs a nok role in a NOK_USO standard`,
            path: ['sections'],
          });
        }
        if (c.appliesTo?.some((k) => !standard.appliesTo.includes(k))) {
          ctx.addIssue({
            code: 'custom',
            message: `criterion ${c.key} applies to kinds outside the standard`,
            path: ['sections'],
          });
        }
      }
    }
  });

export type StandardDefinition = z.infer<typeof standardSchema>;
export type CriterionDefinition = z.infer<typeof criterionSchema>;
