import { describe, expect, it } from 'vitest';
import { EU_MEMBERS, INSEE_COUNTRY_CODES, overdue, resolveCountry } from './index.ts';

describe('resolveCountry', () => {
  it.each(['DE', 'de', 'DEU', '99109', 'Allemagne', 'allemagne', 'ALLEMAGNE', 'Germany'])(
    'resolves « %s » to Germany, an EU member',
    (input) => {
      expect(resolveCountry(input)).toMatchObject({
        alpha2: 'DE',
        name: 'Allemagne',
        eu: true,
        france: false,
      });
    },
  );

  it('handles Greece written GR (ISO), EL (EU protocol), GRC or « Grèce »', () => {
    for (const input of ['GR', 'EL', 'GRC', 'Grèce', 'grece', '99126']) {
      expect(resolveCountry(input)?.alpha2, input).toBe('GR');
    }
  });

  it('handles the United Kingdom written UK, GB, « Royaume-Uni » or 99132, outside the EU', () => {
    for (const input of ['UK', 'GB', 'Royaume-Uni', 'royaume uni', 'Angleterre', '99132']) {
      expect(resolveCountry(input), input).toMatchObject({ alpha2: 'GB', eu: false });
    }
  });

  it('knows Switzerland is outside the EU and China is far away', () => {
    expect(resolveCountry('CH')).toMatchObject({ name: 'Suisse', eu: false, inseeCode: '99140' });
    expect(resolveCountry('Chine')).toMatchObject({ alpha2: 'CN', eu: false, inseeCode: '99216' });
    expect(resolveCountry('États-Unis')?.alpha2).toBe('US');
    expect(resolveCountry('Corée du Sud')?.alpha2).toBe('KR');
  });

  it('treats France and its overseas territories as France', () => {
    expect(resolveCountry('France')).toMatchObject({ alpha2: 'FR', france: true, eu: true });
    expect(resolveCountry('99100')?.alpha2).toBe('FR');
    expect(resolveCountry('RE')).toMatchObject({ name: 'Réunion', france: true });
    expect(resolveCountry('Nouvelle-Calédonie')).toMatchObject({ alpha2: 'NC', france: true });
  });

  it('returns nothing for an empty or unknown input', () => {
    expect(resolveCountry('')).toBeUndefined();
    expect(resolveCountry('Atlantide')).toBeUndefined();
    expect(resolveCountry('99999')).toBeUndefined();
    expect(resolveCountry('ZZ')).toBeUndefined();
  });

  it('maps every INSEE code of the table to a known ISO country', () => {
    for (const [insee, a2] of Object.entries(INSEE_COUNTRY_CODES.value)) {
      expect(resolveCountry(insee)?.alpha2, insee).toBe(a2);
    }
  });
});

describe('EU member list', () => {
  it('has the 27 members, Greece as GR, no United Kingdom', () => {
    expect(EU_MEMBERS.value).toHaveLength(27);
    expect(new Set(EU_MEMBERS.value).size).toBe(27);
    expect(EU_MEMBERS.value).toContain('GR');
    expect(EU_MEMBERS.value).not.toContain('GB');
  });

  it('lists no dated fact past its review date', () => {
    expect(overdue({ EU_MEMBERS, INSEE_COUNTRY_CODES }, new Date().toISOString().slice(0, 10))).toEqual([]);
  });
});
