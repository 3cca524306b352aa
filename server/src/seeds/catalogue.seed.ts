import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type pg from 'pg';
import { standardSchema } from '../modules/openness/standard.definition.js';
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

/** Every standard version in seeds/standards/*.yaml; a published version is never changed, new versions are added. */
async function seedStandards(client: pg.Client, seedsDir: string): Promise<void> {
  const dir = path.join(seedsDir, 'standards');
  const files = (await readdir(dir)).filter((f) => f.endsWith('.yaml')).sort();
  for (const file of files) {
    const definition = await readSeedFile(dir, file, standardSchema);
    await client.query(
      `insert into openness_standard (key, version, formula, applies_to, definition, published_by)
       values ($1, $2, $3, $4, $5, 'seed') on conflict (key, version) do nothing`,
      [definition.key, definition.version, definition.formula, definition.appliesTo, JSON.stringify(definition)],
    );
  }
}

/** Catalogue data every installation needs: thematic groups, feedback methods and openness standards. */
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
  await seedStandards(client, seedsDir);
}
