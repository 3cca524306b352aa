import { z } from 'zod';
import { readSeedFile, SEEDS_DIR } from '../../seeds/seed-file.js';
import type { RatingParameters } from './rating.engine.js';

const weight = z.number().min(0).max(1);

const parametersSchema = z
  .object({
    weights: z.object({ openness: weight, practiceQuality: weight, engagementDepth: weight, contribution: weight }),
    priorReviews: z.number().min(0),
    contributionHalfPoint: z.number().positive(),
    minReviews: z.number().int().min(0),
    minPractices: z.number().int().min(0),
  })
  .refine((p) => Math.abs(Object.values(p.weights).reduce((a, b) => a + b, 0) - 1) < 1e-9, 'weights must sum to 1');

let cached: Promise<RatingParameters> | undefined;

/** The published rating parameters (seeds/rating.yaml), validated once per process. */
export function ratingParameters(): Promise<RatingParameters> {
  cached ??= readSeedFile(SEEDS_DIR, 'rating.yaml', parametersSchema);
  return cached;
}
