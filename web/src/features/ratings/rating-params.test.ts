import { describe, expect, it } from 'vitest';
import { ratingsCsvUrl, ratingsPagePath, ratingsVariables, readRatingParams, writeRatingParams } from './rating-params';

describe('ratingsCsvUrl', () => {
  it('asks for the same comparison as the page, in the reader’s language', () => {
    expect(ratingsCsvUrl({ groupId: '', kind: 'STATE_INSTITUTION', region: '' }, 'ru')).toBe(
      '/exports/ratings.csv?kind=STATE_INSTITUTION&lang=ru',
    );
    expect(ratingsCsvUrl({ groupId: 'VGhlbWF0aWNHcm91cDox', kind: '', region: ' Санкт-Петербург ' }, 'en')).toBe(
      '/exports/ratings.csv?groupId=VGhlbWF0aWNHcm91cDox&region=%D0%A1%D0%B0%D0%BD%D0%BA%D1%82-%D0%9F%D0%B5%D1%82%D0%B5%D1%80%D0%B1%D1%83%D1%80%D0%B3&lang=en',
    );
  });

  it('builds the link from the address the page was opened with', () => {
    const params = readRatingParams(new URLSearchParams('kind=MUNICIPAL_INSTITUTION&region=Тула&lang=xx&page=3'));
    const url = new URL(ratingsCsvUrl(params, 'ru'), 'https://otklik.example');
    expect(url.pathname).toBe('/exports/ratings.csv');
    expect([...url.searchParams]).toEqual([
      ['kind', 'MUNICIPAL_INSTITUTION'],
      ['region', 'Тула'],
      ['lang', 'ru'],
    ]);
  });

  it('escapes what a region could smuggle into the query string', () => {
    const url = new URL(ratingsCsvUrl({ groupId: '', kind: 'NGO', region: 'A&lang=en#x' }, 'ru'), 'https://o.example');
    expect(url.searchParams.get('region')).toBe('A&lang=en#x');
    expect(url.searchParams.getAll('lang')).toEqual(['ru']);
    expect(url.hash).toBe('');
  });
});

describe('rating params', () => {
  it('compares with NGOs when nothing is chosen and ignores an unknown kind', () => {
    expect(readRatingParams(new URLSearchParams(''))).toEqual({ groupId: '', kind: 'NGO', region: '' });
    expect(readRatingParams(new URLSearchParams('kind=BANK'))).toEqual({ groupId: '', kind: 'NGO', region: '' });
  });

  it('uses a group instead of a kind', () => {
    const params = readRatingParams(new URLSearchParams('groupId=abc&kind=OTHER'));
    expect(params).toEqual({ groupId: 'abc', kind: '', region: '' });
    expect(writeRatingParams(params).toString()).toBe('groupId=abc');
    expect(ratingsVariables(params)).toEqual({ groupId: 'abc' });
  });

  it('links an organisation kind to its leaderboard', () => {
    expect(ratingsPagePath('OTHER')).toBe('/ratings?kind=OTHER');
  });
});
