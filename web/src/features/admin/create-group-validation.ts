import type { JoinPolicy } from '../../gql/graphql';
import { SLUG_PATTERN } from '../organisations/organisation-validation';

export interface CreateGroupValues {
  slug: string;
  titleRu: string;
  titleEn: string;
  descriptionRu: string;
  descriptionEn: string;
  joinPolicy: JoinPolicy;
}

export type CreateGroupField = keyof CreateGroupValues;
export type CreateGroupErrorKey = 'validation.required' | 'validation.slugFormat' | 'validation.tooLong';

const TITLE_MAX = 200;
const DESCRIPTION_MAX = 4000;

export function validateCreateGroup(values: CreateGroupValues): Partial<Record<CreateGroupField, CreateGroupErrorKey>> {
  const errors: Partial<Record<CreateGroupField, CreateGroupErrorKey>> = {};
  const slug = values.slug.trim();
  if (!slug) errors.slug = 'validation.required';
  else if (!SLUG_PATTERN.test(slug) || slug.length < 3 || slug.length > 63) errors.slug = 'validation.slugFormat';
  for (const field of ['titleRu', 'titleEn'] as const) {
    const value = values[field].trim();
    if (!value) errors[field] = 'validation.required';
    else if (value.length > TITLE_MAX) errors[field] = 'validation.tooLong';
  }
  for (const field of ['descriptionRu', 'descriptionEn'] as const) {
    const value = values[field].trim();
    if (!value) errors[field] = 'validation.required';
    else if (value.length > DESCRIPTION_MAX) errors[field] = 'validation.tooLong';
  }
  return errors;
}

export const CREATE_GROUP_LIMITS: Record<CreateGroupField, number | undefined> = {
  slug: 63,
  titleRu: TITLE_MAX,
  titleEn: TITLE_MAX,
  descriptionRu: DESCRIPTION_MAX,
  descriptionEn: DESCRIPTION_MAX,
  joinPolicy: undefined,
};
