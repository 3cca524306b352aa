import type { LocalizedMessage } from '../../common/errors/domain-error.js';

const digits = (value: string) => [...value].map(Number);
const weighted = (ds: number[], weights: number[]) => weights.reduce((sum, w, i) => sum + w * (ds[i] ?? 0), 0);
const checkDigit = (ds: number[], weights: number[]) => (weighted(ds, weights) % 11) % 10;

/** ИНН: 10 digits (organisation) or 12 (individual), with the Federal Tax Service check digits. */
export function isValidInn(value: string): boolean {
  if (!/^\d{10}$|^\d{12}$/.test(value)) return false;
  const ds = digits(value);
  if (ds.length === 10) return checkDigit(ds, [2, 4, 10, 3, 5, 9, 4, 6, 8]) === ds[9];
  return (
    checkDigit(ds, [7, 2, 4, 10, 3, 5, 9, 4, 6, 8]) === ds[10] &&
    checkDigit(ds, [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8]) === ds[11]
  );
}

/** ОГРН: 13 digits (mod 11) or ОГРНИП: 15 digits (mod 13); the last digit is the check digit. */
export function isValidOgrn(value: string): boolean {
  if (!/^\d{13}$|^\d{15}$/.test(value)) return false;
  const body = BigInt(value.slice(0, -1));
  const modulus = value.length === 13 ? 11n : 13n;
  return Number((body % modulus) % 10n) === Number(value.at(-1));
}

export const messages = {
  inn: {
    ru: 'ИНН должен состоять из 10 или 12 цифр с верными контрольными цифрами',
    en: 'INN must be 10 or 12 digits with valid check digits',
  },
  ogrn: {
    ru: 'ОГРН должен состоять из 13 цифр (ОГРНИП — из 15) с верной контрольной цифрой',
    en: 'OGRN must be 13 digits (OGRNIP 15) with a valid check digit',
  },
  website: {
    ru: 'Адрес сайта должен начинаться с http:// или https://',
    en: 'Website must be an http:// or https:// address',
  },
  slug: {
    ru: 'Короткое имя: 3–60 символов, латинские строчные буквы, цифры и дефисы',
    en: 'Slug: 3–60 characters, lower-case Latin letters, digits and hyphens',
  },
  slugTaken: { ru: 'Это короткое имя уже занято', en: 'This slug is already taken' },
  required: (ru: string, en: string): LocalizedMessage => ({ ru: `Укажите ${ru}`, en: `${en} is required` }),
  tooLong: (max: number): LocalizedMessage => ({ ru: `Не длиннее ${max} символов`, en: `At most ${max} characters` }),
} as const;
