import type { RequestHandler } from 'express';
import { currentLocale } from '../i18n/locale.js';

const hasNul = (value: unknown, depth = 0): boolean => {
  if (typeof value === 'string') return value.includes('\u0000');
  if (depth > 64 || value === null || typeof value !== 'object') return false;
  return Object.entries(value).some(([key, inner]) => key.includes('\u0000') || hasNul(inner, depth + 1));
};

/** PostgreSQL text cannot hold NUL characters: refuse them up front as bad input, for every field. */
export const rejectNulCharacters: RequestHandler = (req, res, next) => {
  if (!hasNul(req.body)) {
    next();
    return;
  }
  const message =
    currentLocale() === 'en' ? 'Text must not contain NUL characters' : 'Текст не может содержать символ NUL';
  res.status(400).json({ errors: [{ message, extensions: { code: 'BAD_USER_INPUT' } }] });
};
