// Legal forms and currencies as hints of a supplier's country. These are the project's own
// heuristics (2026-11-26), drawn from the company-law forms of each country (EU e-Justice
// portal, "Business registers in Member States") and ISO 4217 currency codes; a hint is
// only a proposal the user confirms. Review by 2027-12-31.

export interface LegalForm {
  /** Normalised token sequence, e.g. ['sp', 'z', 'oo'] for "Sp. z o.o.". */
  tokens: string[];
  /** As usually written. */
  label: string;
  /** ISO alpha-2 countries, most likely first; [] for French forms. */
  countries: string[];
  confidence: number;
  /** Short tokens that are also words: only recognised at the start or the end of a name. */
  edgeOnly?: boolean;
}

const f = (
  label: string,
  tokens: string,
  countries: string[],
  confidence: number,
  edgeOnly = false,
): LegalForm => ({
  label,
  tokens: tokens.split(' '),
  countries,
  confidence,
  ...(edgeOnly ? { edgeOnly } : {}),
});

export const legalForms: readonly LegalForm[] = [
  // French forms: stripped from names, no foreign hint.
  f('SARL', 'sarl', [], 0),
  f('SAS', 'sas', [], 0),
  f('SASU', 'sasu', [], 0),
  f('EURL', 'eurl', [], 0),
  f('SA', 'sa', [], 0, true),
  f('SCI', 'sci', [], 0, true),
  f('SNC', 'snc', [], 0, true),
  f('SCOP', 'scop', [], 0, true),
  f('SCA', 'sca', [], 0, true),
  f('SELARL', 'selarl', [], 0),
  f('GIE', 'gie', [], 0, true),
  f('EI', 'ei', [], 0, true),
  // Foreign forms.
  f('GmbH & Co. KG', 'gmbh co kg', ['DE', 'AT'], 0.75),
  f('GmbH', 'gmbh', ['DE', 'AT', 'CH'], 0.65),
  f('AG', 'ag', ['DE', 'CH', 'AT'], 0.55, true),
  f('KG', 'kg', ['DE', 'AT'], 0.55, true),
  f('Co., Ltd', 'co ltd', ['CN', 'TW', 'JP', 'KR', 'TH'], 0.5),
  f('Pty Ltd', 'pty ltd', ['AU'], 0.8),
  f('Pte Ltd', 'pte ltd', ['SG'], 0.8),
  f('Sdn Bhd', 'sdn bhd', ['MY'], 0.85),
  f('Ltd', 'ltd', ['GB', 'IE'], 0.45),
  f('Limited', 'limited', ['GB', 'IE'], 0.45, true),
  f('PLC', 'plc', ['GB', 'IE'], 0.6, true),
  f('LLP', 'llp', ['GB', 'US'], 0.5, true),
  f('S.p.A.', 'spa', ['IT'], 0.8),
  f('S.r.l.', 'srl', ['IT', 'RO'], 0.65),
  f('S.a.s. di', 'sas di', ['IT'], 0.6),
  f('B.V.', 'bv', ['NL', 'BE'], 0.7),
  f('BVBA', 'bvba', ['BE'], 0.85),
  f('SPRL', 'sprl', ['BE'], 0.85),
  f('N.V.', 'nv', ['NL', 'BE'], 0.6, true),
  f('S.L.U.', 'slu', ['ES'], 0.8),
  f('S.L.', 'sl', ['ES'], 0.75, true),
  f('S.A.U.', 'sau', ['ES'], 0.75),
  f('Sp. z o.o.', 'sp z oo', ['PL'], 0.9),
  f('Sp. j.', 'sp j', ['PL'], 0.8),
  f('s.r.o.', 'sro', ['CZ', 'SK'], 0.8),
  f('a.s.', 'as', ['CZ', 'SK', 'NO'], 0.4, true),
  f('A/S', 'a s', ['DK', 'NO'], 0.65, true),
  f('ApS', 'aps', ['DK'], 0.85),
  f('AB', 'ab', ['SE'], 0.65, true),
  f('Oy', 'oy', ['FI'], 0.85, true),
  f('Oyj', 'oyj', ['FI'], 0.85),
  f('Kft.', 'kft', ['HU'], 0.85),
  f('Zrt.', 'zrt', ['HU'], 0.85),
  f('Lda', 'lda', ['PT'], 0.8, true),
  f('d.o.o.', 'doo', ['SI', 'HR'], 0.6),
  f('OÜ', 'ou', ['EE'], 0.6, true),
  f('SIA', 'sia', ['LV'], 0.6, true),
  f('UAB', 'uab', ['LT'], 0.8, true),
  f('EOOD', 'eood', ['BG'], 0.85),
  f('Inc.', 'inc', ['US', 'CA'], 0.5, true),
  f('LLC', 'llc', ['US'], 0.55, true),
  f('Corp.', 'corp', ['US'], 0.45, true),
  f('Corporation', 'corporation', ['US'], 0.4, true),
  f('K.K.', 'kk', ['JP'], 0.7, true),
  f('S.A. de C.V.', 'sa de cv', ['MX'], 0.85),
];

/** Invoice currency (Idevise) → the country it most likely points to. */
export const currencyCountries: Readonly<Record<string, { countries: string[]; confidence: number }>> = {
  USD: { countries: ['US'], confidence: 0.4 },
  CNY: { countries: ['CN'], confidence: 0.8 },
  RMB: { countries: ['CN'], confidence: 0.8 },
  HKD: { countries: ['HK'], confidence: 0.8 },
  TWD: { countries: ['TW'], confidence: 0.85 },
  JPY: { countries: ['JP'], confidence: 0.85 },
  KRW: { countries: ['KR'], confidence: 0.85 },
  INR: { countries: ['IN'], confidence: 0.85 },
  SGD: { countries: ['SG'], confidence: 0.8 },
  THB: { countries: ['TH'], confidence: 0.85 },
  VND: { countries: ['VN'], confidence: 0.85 },
  GBP: { countries: ['GB'], confidence: 0.8 },
  CHF: { countries: ['CH'], confidence: 0.85 },
  SEK: { countries: ['SE'], confidence: 0.85 },
  DKK: { countries: ['DK'], confidence: 0.85 },
  NOK: { countries: ['NO'], confidence: 0.85 },
  PLN: { countries: ['PL'], confidence: 0.85 },
  CZK: { countries: ['CZ'], confidence: 0.85 },
  HUF: { countries: ['HU'], confidence: 0.85 },
  RON: { countries: ['RO'], confidence: 0.85 },
  BGN: { countries: ['BG'], confidence: 0.85 },
  CAD: { countries: ['CA'], confidence: 0.8 },
  AUD: { countries: ['AU'], confidence: 0.8 },
  TRY: { countries: ['TR'], confidence: 0.85 },
  MAD: { countries: ['MA'], confidence: 0.85 },
  TND: { countries: ['TN'], confidence: 0.85 },
  BRL: { countries: ['BR'], confidence: 0.85 },
  MXN: { countries: ['MX'], confidence: 0.85 },
};
