import type pg from 'pg';
import { z } from 'zod';
import { FeedbackMethodCategory } from '../modules/feedback-method/feedback-method.entity.js';
import { isValidSlug } from '../common/validation.js';
import { JoinPolicy } from '../modules/thematic-group/thematic-group.entity.js';
import { readSeedFile } from './seed-file.js';

export const slug = z.string().refine(isValidSlug, 'must be a lower-case kebab-case slug of 3–60 characters');

const groupsFile = z.object({
  groups: z.array(
    z.object({
      slug,
      titleRu: z.string().min(1),
      titleEn: z.string().min(1),
      descriptionRu: z.string().min(1),
      descriptionEn: z.string().min(1),
      joinPolicy: z.enum(JoinPolicy),
    }),
  ),
});

const methodsFile = z.object({
  methods: z.array(
    z.object({
      key: slug,
      category: z.enum(FeedbackMethodCategory),
      titleRu: z.string().min(1),
      titleEn: z.string().min(1),
      descriptionRu: z.string().min(1),
      descriptionEn: z.string().min(1),
    }),
  ),
});

/** Catalogue data every installation needs: thematic groups and feedback methods; new entries added, existing kept. */
export async function seedCatalogue(client: pg.Client, seedsDir: string): Promise<void> {
  const { groups } = await readSeedFile(seedsDir, 'groups.yaml', groupsFile);
  for (const g of groups) {
    await client.query(
      `insert into thematic_group (slug, title_ru, title_en, description_ru, description_en, join_policy)
       values ($1, $2, $3, $4, $5, $6) on conflict (slug) do nothing`,
      [g.slug, g.titleRu, g.titleEn, g.descriptionRu, g.descriptionEn, g.joinPolicy],
    );
  }
  const { methods } = await readSeedFile(seedsDir, 'feedback-methods.yaml', methodsFile);
  for (const m of methods) {
    await client.query(
      `insert into feedback_method (key, category, title_ru, title_en, description_ru, description_en)
       values ($1, $2, $3, $4, $5, $6)
       on conflict (key) do update set category = excluded.category, title_ru = excluded.title_ru, title_en = excluded.title_en,
         description_ru = excluded.description_ru, description_en = excluded.description_en`,
      [m.key, m.category, m.titleRu, m.titleEn, m.descriptionRu, m.descriptionEn],
    );
  }
}
