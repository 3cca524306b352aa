import type { OrganisationKind } from '../../gql/graphql';

// Pure validation of the organisation profile, mirroring the server's rules so
// that people learn about a typo before sending the form. Messages are i18n keys.

export type ValidationKey =
  | 'validation.required'
  | 'validation.tooLong'
  | 'validation.innFormat'
  | 'validation.innChecksum'
  | 'validation.ogrnFormat'
  | 'validation.ogrnChecksum'
  | 'validation.websiteFormat'
  | 'validation.slugFormat';

export interface OrganisationFormValues {
  name: string;
  slug: string;
  kind: OrganisationKind;
  region: string;
  website: string;
  inn: string;
  ogrn: string;
  description: string;
}

export type OrganisationField = keyof OrganisationFormValues;
export type OrganisationErrors = Partial<Record<OrganisationField, ValidationKey>>;

const digitsOnly = (value: string) => /^\d+$/.test(value);

function innControlDigit(digits: number[], weights: number[]): number {
  const sum = weights.reduce((acc, weight, index) => acc + weight * digits[index]!, 0);
  return (sum % 11) % 10;
}

/** ИНН: 10 digits (organisation) or 12 digits (individual), with control digits. */
export function validateInn(raw: string): ValidationKey | null {
  const value = raw.trim();
  if (!digitsOnly(value) || (value.length !== 10 && value.length !== 12)) return 'validation.innFormat';
  const digits = [...value].map(Number);
  if (value.length === 10) {
    return innControlDigit(digits, [2, 4, 10, 3, 5, 9, 4, 6, 8]) === digits[9] ? null : 'validation.innChecksum';
  }
  const n11 = innControlDigit(digits, [7, 2, 4, 10, 3, 5, 9, 4, 6, 8]);
  const n12 = innControlDigit(digits, [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8]);
  return n11 === digits[10] && n12 === digits[11] ? null : 'validation.innChecksum';
}

/** ОГРН: 13 digits (check: first 12 mod 11) or ОГРНИП 15 digits (check: first 14 mod 13). */
export function validateOgrn(raw: string): ValidationKey | null {
  const value = raw.trim();
  if (!digitsOnly(value) || (value.length !== 13 && value.length !== 15)) return 'validation.ogrnFormat';
  const modulus = value.length === 13 ? 11n : 13n;
  const body = BigInt(value.slice(0, -1));
  const control = Number((body % modulus) % 10n);
  return control === Number(value.at(-1)) ? null : 'validation.ogrnChecksum';
}

export function validateWebsite(raw: string): ValidationKey | null {
  const value = raw.trim();
  try {
    const url = new URL(value);
    if ((url.protocol !== 'http:' && url.protocol !== 'https:') || !url.hostname.includes('.')) {
      return 'validation.websiteFormat';
    }
    return null;
  } catch {
    return 'validation.websiteFormat';
  }
}

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function validateSlug(raw: string): ValidationKey | null {
  const value = raw.trim();
  return SLUG_PATTERN.test(value) && value.length >= 3 && value.length <= 63 ? null : 'validation.slugFormat';
}

export const LIMITS = { name: 200, region: 120, description: 4000 } as const;

/** All problems of a profile; `withSlug` for registration, where the slug is chosen once. */
export function validateOrganisation(
  values: OrganisationFormValues,
  options: { withSlug: boolean },
): OrganisationErrors {
  const errors: OrganisationErrors = {};
  const name = values.name.trim();
  if (!name) errors.name = 'validation.required';
  else if (name.length > LIMITS.name) errors.name = 'validation.tooLong';

  if (options.withSlug) {
    if (!values.slug.trim()) errors.slug = 'validation.required';
    else {
      const slug = validateSlug(values.slug);
      if (slug) errors.slug = slug;
    }
  }

  const region = values.region.trim();
  if (!region) errors.region = 'validation.required';
  else if (region.length > LIMITS.region) errors.region = 'validation.tooLong';

  if (values.website.trim()) {
    const website = validateWebsite(values.website);
    if (website) errors.website = website;
  }
  if (values.inn.trim()) {
    const inn = validateInn(values.inn);
    if (inn) errors.inn = inn;
  }
  if (values.ogrn.trim()) {
    const ogrn = validateOgrn(values.ogrn);
    if (ogrn) errors.ogrn = ogrn;
  }
  if (values.description.trim().length > LIMITS.description) errors.description = 'validation.tooLong';
  return errors;
}

const TRANSLITERATION: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'y',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
};

/** A slug suggestion from a Russian or English name: «Фонд «Семья»» → "fond-semya". */
export function suggestSlug(name: string): string {
  return [...name.toLowerCase()]
    .map((char) => TRANSLITERATION[char] ?? char)
    .join('')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63)
    .replace(/-+$/g, '');
}
