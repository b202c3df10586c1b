import { describe, expect, it } from 'vitest';
import { postalLookup } from '../geo/index.ts';
import {
  countryHints,
  locateSupplier,
  nameSimilarity,
  normaliseName,
  resolveBatches,
  supplierQuery,
  type DirectoryAnswer,
  type UserAnswer,
} from './index.ts';

const lookup = postalLookup({
  source: 'test',
  postalCodes: { '29200': ['29'], '44000': ['44'], '35000': ['35'], '75001': ['75'] },
});

describe('supplier names', () => {
  it.each([
    ['STE ARMOR-EMBALLAGES S.A.R.L.', 'armor emballages'],
    ['Armor Emballages SARL', 'armor emballages'],
    ['Müller Verpackung GmbH & Co. KG', 'muller verpackung'],
    ['Plastica Veneta S.p.A.', 'plastica veneta'],
    ['Envases del Norte, S.L.', 'envases norte'],
    ['Opakowania Kraków Sp. z o.o.', 'opakowania krakow'],
    ['SHENZHEN BRIGHT PCB CO., LTD', 'shenzhen bright pcb'],
    ['SAS LES CONSERVERIES DE L’ODET', 'conserveries odet'],
    ['Nordic Pack A/S', 'nordic pack'],
    ['SAS', 'sas'],
  ])('%s → %s', (raw, normalised) => {
    expect(normaliseName(raw).text).toBe(normalised);
  });

  it('scores the same company written differently close to 1, and different companies low', () => {
    expect(nameSimilarity('ARMOR EMBALLAGES SARL', 'Armor-Emballages')).toBe(1);
    expect(nameSimilarity('EMBALLAGES ARMOR', 'ARMOR EMBALLAGES SAS')).toBeGreaterThan(0.6);
    expect(nameSimilarity('ARMOR EMBALAGES', 'ARMOR EMBALLAGES')).toBeGreaterThanOrEqual(0.7);
    expect(nameSimilarity('ARMOR EMBALLAGES', 'BREIZH TRANSPORTS')).toBeLessThan(0.2);
  });

  it('recognises a name cut at its 30th character', () => {
    const full = 'CONSERVERIES ALIMENTAIRES DU PAYS BIGOUDEN';
    const cut = full.slice(0, 30); // "CONSERVERIES ALIMENTAIRES DU P"
    expect(nameSimilarity(cut, full)).toBe(0.92);
    expect(nameSimilarity(cut, 'CONSERVERIES ALIMENTAIRES DE QUIMPER')).toBeLessThan(0.92);
  });
});

describe('country hints', () => {
  it('proposes Germany, Austria or Switzerland for a GmbH, to confirm', () => {
    const [hint] = countryHints('Müller Verpackung GmbH');
    expect(hint).toMatchObject({ countries: ['DE', 'AT', 'CH'], source: 'legal-form' });
    expect(hint?.evidence).toMatch(/GmbH.*Allemagne ou Autriche ou Suisse — à confirmer/);
  });

  it('a country named in the name settles a legal form shared by several countries', () => {
    expect(countryHints('Atlantic Seafoods Ireland Ltd')[0]).toMatchObject({
      countries: ['IE', 'GB'],
      confidence: 0.7,
    });
    expect(countryHints('Atlantic Seafoods Ltd')[0]).toMatchObject({
      countries: ['GB', 'IE'],
      confidence: 0.45,
    });
    expect(countryHints('Fjordfisk AS')[0]?.countries[0]).toBe('NO');
    expect(countryHints('Dongguan Precision Moulds')[0]).toMatchObject({
      countries: ['CN'],
      source: 'name',
      confidence: 0.5,
    });
  });

  it.each([
    ['Hong Kong Packaging Ltd', 'HK'],
    ['Saigon Tuna Export Co., Ltd', 'VN'],
    ['España Foods Ltd', 'ES'],
    ['Hong Kong Foods GmbH', 'HK'],
    ['Irlande Marée Ltd', 'IE'],
    ['Polska Opakowania Sp. z o.o.', 'PL'],
    ['United States Steel Inc.', 'US'],
  ])('a country the name spells out wins over the legal form’s default country: %s → %s', (name, country) => {
    expect(countryHints(name)[0]?.countries[0]).toBe(country);
  });

  it('« S.A. » proposes a country only when the name is written in Spanish or Portuguese', () => {
    expect(countryHints('Aceites del Sur S.A.')[0]).toMatchObject({
      countries: ['ES'],
      source: 'name',
      confidence: 0.45,
    });
    expect(countryHints('Aceites del Sur S.A.')[0]?.evidence).toMatch(
      /« S\.A\. ».*espagnol.*« del ».*Espagne/,
    );
    expect(countryHints('Cortiças dos Açores SA')[0]?.countries).toEqual(['PT']);
    // A French SA, or a Spanish word without S.A., proposes nothing.
    expect(countryHints('Conserverie Bretonne S.A.')).toEqual([]);
    expect(countryHints('Crêperie del Mar')).toEqual([]);
    // A country the name spells out still wins.
    expect(countryHints('Aceites del Peru Chile Argentina S.A.')[0]?.countries[0]).toBe('AR');
  });

  it('place names and surnames that are also countries are not read as countries', () => {
    for (const name of [
      'Boulangerie Saint Martin',
      'Transports Jordan',
      'Garage Maurice SARL',
      'Menuiserie Salvador',
    ]) {
      expect(countryHints(name), name).toEqual([]);
    }
  });

  it('proposes China for invoices in CNY and the United States, weakly, for USD', () => {
    expect(countryHints('BRIGHT BOARDS', ['CNY'])[0]).toMatchObject({
      countries: ['CN'],
      source: 'currency',
    });
    expect(countryHints('ACME', ['USD'])[0]?.confidence).toBeLessThan(0.5);
    expect(countryHints('ARMOR EMBALLAGES SARL', [])).toEqual([]);
  });

  it('a legal form and a currency that agree reinforce each other', () => {
    expect(countryHints('BRIGHT PCB CO., LTD')[0]?.confidence).toBe(0.5);
    expect(countryHints('BRIGHT PCB', ['CNY'])[0]?.confidence).toBe(0.8);
    expect(countryHints('BRIGHT PCB CO., LTD', ['CNY'])[0]).toMatchObject({
      countries: ['CN'],
      confidence: 0.95,
    });
    // CHF points elsewhere than S.p.A.: both are listed, neither reinforced.
    expect(
      countryHints('Plastica Veneta S.p.A.', ['CHF']).map((h) => [h.countries[0], h.confidence]),
    ).toEqual([
      ['CH', 0.85],
      ['IT', 0.8],
    ]);
  });
});

const found = (over: Partial<DirectoryAnswer>): DirectoryAnswer => ({
  key: 'aux:F1',
  status: 'found',
  method: 'siret',
  confidence: 1,
  establishment: {
    siret: '73282932000074',
    name: 'ARMOR EMBALLAGES',
    commune: { code: '29019', name: 'Brest' },
    department: '29',
    countryCode: null,
  },
  zone: 'bretagne',
  department: '29',
  candidates: [],
  note: 'SIRET trouvé dans l’annuaire',
  ...over,
});

describe('locating a supplier, in the order of the method', () => {
  it('a SIRET found in the directory gives the commune and the zone', () => {
    const loc = locateSupplier(
      { key: 'aux:F1', name: 'ARMOR', identifiers: { siret: ['73282932000074'], postalCodes: ['75001'] } },
      { lookup, directory: new Map([['aux:F1', found({})]]) },
    );
    expect(loc).toMatchObject({
      status: 'located',
      zone: 'bretagne',
      department: '29',
      communeName: 'Brest',
      method: 'siret',
    });
  });

  it('a postal code given with the supplier gives the zone; Loire-Atlantique stays France', () => {
    const loc = locateSupplier({ key: 'k', name: 'X', identifiers: { postalCodes: ['44000'] } }, { lookup });
    expect(loc).toMatchObject({ status: 'located', zone: 'france', department: '44', method: 'postal-code' });
  });

  it('a foreign country given with the supplier gives its zone', () => {
    expect(
      locateSupplier({ key: 'k', name: 'X', identifiers: { countries: ['Allemagne'] } }, { lookup }),
    ).toMatchObject({
      zone: 'europe',
      country: 'DE',
      method: 'country',
    });
    expect(
      locateSupplier({ key: 'k', name: 'X', identifiers: { countries: ['CN'] } }, { lookup })?.zone,
    ).toBe('world');
  });

  it('a foreign legal form is only proposed, before any name match', () => {
    const loc = locateSupplier(
      { key: 'aux:F1', name: 'Müller Verpackung GmbH' },
      { lookup, directory: new Map([['aux:F1', found({ method: 'name', confidence: 0.9 })]]) },
    );
    expect(loc).toMatchObject({ status: 'proposed', zone: 'europe', country: 'DE', method: 'legal-form' });
  });

  it('a name locates only as surely as the directory allows; homonyms are proposed by their shared zone, or not at all', () => {
    // Exactly one company of a national directory bears the name: located (USD does not outweigh it).
    const national = found({ method: 'name', confidence: 0.9 });
    expect(
      locateSupplier(
        { key: 'aux:F1', name: 'ARMOR EMBALLAGES', currencies: ['USD'] },
        { lookup, directory: new Map([['aux:F1', national]]) },
      ),
    ).toMatchObject({ status: 'located', method: 'name', zone: 'bretagne', communeName: 'Brest' });
    // The same match in a Breton-only directory (confidence 0.6): proposed, with its commune.
    const breton = found({ method: 'name', confidence: 0.6 });
    expect(
      locateSupplier({ key: 'aux:F1', name: 'ARMOR' }, { lookup, directory: new Map([['aux:F1', breton]]) }),
    ).toMatchObject({ status: 'proposed', zone: 'bretagne', communeName: 'Brest', confidence: 0.6 });
    const candidate = (department: string, commune: string) => ({
      ...found({}).establishment!,
      commune: { code: '00000', name: commune },
      department,
      score: 1,
    });
    // Two homonyms, both Breton: the zone is proposed, not one of the two establishments.
    const sameZone = found({
      status: 'ambiguous',
      method: 'name',
      confidence: 0.6,
      establishment: null,
      zone: 'bretagne',
      department: null,
      candidates: [candidate('35', 'Pacé'), candidate('29', 'Brest')],
    });
    expect(
      locateSupplier(
        { key: 'aux:F1', name: 'ARMOR' },
        { lookup, directory: new Map([['aux:F1', sameZone]]) },
      ),
    ).toMatchObject({ status: 'proposed', zone: 'bretagne', department: null, communeName: null });
    // Homonyms in Pacé and in the Val-d'Oise: the name says nothing of the zone — ask the user.
    const split = found({
      ...sameZone,
      confidence: 0.3,
      zone: null,
      candidates: [candidate('35', 'Pacé'), candidate('95', 'Persan')],
    });
    expect(
      locateSupplier({ key: 'aux:F1', name: 'ARMOR' }, { lookup, directory: new Map([['aux:F1', split]]) }),
    ).toBeNull();
  });

  it('the user answer wins; an invalid answer is ignored; "ignorer" leaves the supplier out', () => {
    const ctx = (a: UserAnswer) => ({
      lookup,
      directory: new Map([['aux:F1', found({})]]),
      answers: { 'aux:F1': a },
    });
    const s = { key: 'aux:F1', name: 'ARMOR' };
    expect(locateSupplier(s, ctx({ kind: 'postal-code', postalCode: '75001' }))).toMatchObject({
      zone: 'france',
      method: 'user',
    });
    expect(locateSupplier(s, ctx({ kind: 'country', country: 'Italie' }))).toMatchObject({
      zone: 'europe',
      country: 'IT',
    });
    expect(locateSupplier(s, ctx({ kind: 'postal-code', postalCode: 'ABC' }))?.method).toBe('siret');
    expect(locateSupplier(s, ctx({ kind: 'ignore' }))?.status).toBe('ignored');
  });

  it('nothing known → null, to ask the user', () => {
    expect(locateSupplier({ key: 'k', name: 'DUPONT' }, { lookup })).toBeNull();
  });
});

describe('what the directory is asked', () => {
  it('sends names, identifiers and postal codes only — never an amount — in batches of 500', () => {
    const spend = {
      key: 'aux:F1',
      name: ' ARMOR ',
      amountCents: 123456,
      identifiers: { siret: ['73282932000074'], siren: [], postalCodes: ['29200'], towns: [], countries: [] },
    };
    expect(supplierQuery(spend)).toEqual({
      key: 'aux:F1',
      name: 'ARMOR',
      siret: '73282932000074',
      postalCode: '29200',
    });
    const batches = resolveBatches(Array.from({ length: 1201 }, (_, i) => ({ key: String(i) })));
    expect(batches.map((b) => b.length)).toEqual([500, 500, 201]);
  });
});
