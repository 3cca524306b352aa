import { describe, expect, it } from 'vitest';
import {
  suggestSlug,
  validateInn,
  validateOgrn,
  validateOrganisation,
  validateWebsite,
  type OrganisationFormValues,
} from './organisation-validation';

const valid: OrganisationFormValues = {
  name: 'Благотворительный фонд «Семья»',
  slug: 'fond-semya',
  kind: 'NGO',
  region: 'Санкт-Петербург',
  website: 'https://semya.example.org',
  inn: '7810012342',
  ogrn: '1027800012349',
  description: '',
};

describe('ИНН', () => {
  it('accepts 10- and 12-digit numbers with correct control digits', () => {
    expect(validateInn('7707083893')).toBeNull();
    expect(validateInn('500100732259')).toBeNull();
  });
  it('names a wrong length or non-digits as a format problem', () => {
    for (const value of ['770708389', '77070838931', '7707O83893', '']) {
      expect(validateInn(value)).toBe('validation.innFormat');
    }
  });
  it('names a wrong control digit as a checksum problem', () => {
    expect(validateInn('7707083894')).toBe('validation.innChecksum');
    expect(validateInn('500100732258')).toBe('validation.innChecksum');
  });
});

describe('ОГРН', () => {
  it('accepts 13-digit ОГРН and 15-digit ОГРНИП with correct control digits', () => {
    expect(validateOgrn('1027700132195')).toBeNull();
    expect(validateOgrn('304500116000157')).toBeNull();
  });
  it('names a wrong length as a format problem and a wrong control digit as a checksum problem', () => {
    expect(validateOgrn('10277001321')).toBe('validation.ogrnFormat');
    expect(validateOgrn('1027700132196')).toBe('validation.ogrnChecksum');
    expect(validateOgrn('304500116000158')).toBe('validation.ogrnChecksum');
  });
});

describe('website', () => {
  it('accepts http and https addresses only', () => {
    expect(validateWebsite('https://semya.example.org')).toBeNull();
    expect(validateWebsite('http://семья.рф/о-нас')).toBeNull();
    expect(validateWebsite('ftp://semya.example.org')).toBe('validation.websiteFormat');
    expect(validateWebsite('javascript:alert(1)')).toBe('validation.websiteFormat');
    expect(validateWebsite('semya.example.org')).toBe('validation.websiteFormat');
  });
});

describe('validateOrganisation', () => {
  it('finds nothing wrong with a complete profile', () => {
    expect(validateOrganisation(valid, { withSlug: true })).toEqual({});
  });

  it('reports every problem by field', () => {
    const errors = validateOrganisation(
      { ...valid, name: '  ', slug: 'Fond Semya', region: '', website: 'semya.ru', inn: '123', ogrn: '1027700132196' },
      { withSlug: true },
    );
    expect(errors).toEqual({
      name: 'validation.required',
      slug: 'validation.slugFormat',
      region: 'validation.required',
      website: 'validation.websiteFormat',
      inn: 'validation.innFormat',
      ogrn: 'validation.ogrnChecksum',
    });
  });

  it('leaves optional fields alone when empty and ignores the slug on edit', () => {
    const errors = validateOrganisation({ ...valid, slug: '', website: '', inn: '', ogrn: '' }, { withSlug: false });
    expect(errors).toEqual({});
  });
});

describe('suggestSlug', () => {
  it('transliterates Russian names into a slug', () => {
    expect(suggestSlug('Благотворительный фонд «Семья»')).toBe('blagotvoritelnyy-fond-semya');
    expect(suggestSlug('АНО «Старшее поколение»')).toBe('ano-starshee-pokolenie');
    expect(suggestSlug('  Centre Dobro  ')).toBe('centre-dobro');
  });
});
