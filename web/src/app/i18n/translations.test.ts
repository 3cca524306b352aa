import { describe, expect, it } from 'vitest';
import en from './en.json';
import ru from './ru.json';

function keys(value: unknown, prefix = ''): string[] {
  if (value === null || typeof value !== 'object') return [prefix];
  return Object.entries(value).flatMap(([key, child]) => keys(child, prefix ? `${prefix}.${key}` : key));
}

// Russian has more plural forms than English; compare the keys without plural suffixes.
const normalise = (list: string[]) =>
  [...new Set(list.map((key) => key.replace(/_(zero|one|two|few|many|other)$/, '')))].sort();

describe('translations', () => {
  it('has the same keys in Russian and English', () => {
    expect(normalise(keys(en))).toEqual(normalise(keys(ru)));
  });

  it('has no empty strings', () => {
    for (const [name, resource] of Object.entries({ ru, en })) {
      const empty = keys(resource).filter((key) => {
        const value = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], resource);
        return typeof value !== 'string' || value.trim() === '';
      });
      expect(empty, name).toEqual([]);
    }
  });
});
