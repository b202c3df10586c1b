// FEC columns: the 18 of article A47 A-1 of the Livre des procédures fiscales, the Montant + Sens
// layout and the cash-basis (« comptabilité de trésorerie ») variants with 21 or 22 columns.
// Header names are normalised (upper-case, accents removed, alphanumerics only) then looked up
// with the aliases real software writes.

/** Index of each known column in the reader's column map. */
export const Col = {
  journalCode: 0,
  journalLib: 1,
  ecritureNum: 2,
  ecritureDate: 3,
  compteNum: 4,
  compteLib: 5,
  compAuxNum: 6,
  compAuxLib: 7,
  pieceRef: 8,
  pieceDate: 9,
  ecritureLib: 10,
  debit: 11,
  credit: 12,
  ecritureLet: 13,
  dateLet: 14,
  validDate: 15,
  montantDevise: 16,
  idevise: 17,
  montant: 18,
  sens: 19,
  dateRglt: 20,
  modeRglt: 21,
  natOp: 22,
  idClient: 23,
} as const;
export type ColKey = keyof typeof Col;
export const COLUMN_COUNT = 24;

/** Official spelling of each column, for messages. */
export const OFFICIAL_NAMES: Record<ColKey, string> = {
  journalCode: 'JournalCode',
  journalLib: 'JournalLib',
  ecritureNum: 'EcritureNum',
  ecritureDate: 'EcritureDate',
  compteNum: 'CompteNum',
  compteLib: 'CompteLib',
  compAuxNum: 'CompAuxNum',
  compAuxLib: 'CompAuxLib',
  pieceRef: 'PieceRef',
  pieceDate: 'PieceDate',
  ecritureLib: 'EcritureLib',
  debit: 'Debit',
  credit: 'Credit',
  ecritureLet: 'EcritureLet',
  dateLet: 'DateLet',
  validDate: 'ValidDate',
  montantDevise: 'Montantdevise',
  idevise: 'Idevise',
  montant: 'Montant',
  sens: 'Sens',
  dateRglt: 'DateRglt',
  modeRglt: 'ModeRglt',
  natOp: 'NatOp',
  idClient: 'IdClient',
};

/** Normalised header name → column (aliases seen in exports, including the typo `EcrtureLet`). */
const ALIASES: Record<string, ColKey> = {
  JOURNALCODE: 'journalCode',
  CODEJOURNAL: 'journalCode',
  JOURNALLIB: 'journalLib',
  JOURNALLIBELLE: 'journalLib',
  ECRITURENUM: 'ecritureNum',
  ECRITURENUMERO: 'ecritureNum',
  ECRITUREDATE: 'ecritureDate',
  COMPTENUM: 'compteNum',
  COMPTELIB: 'compteLib',
  COMPTELIBELLE: 'compteLib',
  COMPAUXNUM: 'compAuxNum',
  COMPTEAUXNUM: 'compAuxNum',
  COMPAUXLIB: 'compAuxLib',
  COMPTEAUXLIB: 'compAuxLib',
  PIECEREF: 'pieceRef',
  PIECEDATE: 'pieceDate',
  ECRITURELIB: 'ecritureLib',
  DEBIT: 'debit',
  CREDIT: 'credit',
  ECRITURELET: 'ecritureLet',
  ECRTURELET: 'ecritureLet',
  ECRITURELETTRAGE: 'ecritureLet',
  DATELET: 'dateLet',
  DATELETTRAGE: 'dateLet',
  VALIDDATE: 'validDate',
  MONTANTDEVISE: 'montantDevise',
  MONTANTDEVISES: 'montantDevise',
  IDEVISE: 'idevise',
  IDDEVISE: 'idevise',
  DEVISE: 'idevise',
  MONTANT: 'montant',
  SENS: 'sens',
  DATERGLT: 'dateRglt',
  DATEREGLEMENT: 'dateRglt',
  MODERGLT: 'modeRglt',
  MODEREGLEMENT: 'modeRglt',
  NATOP: 'natOp',
  IDCLIENT: 'idClient',
};

/** `Écriture Date` → `ECRITUREDATE`: upper-case, accents removed, letters and digits only. */
export function normaliseHeaderName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '');
}

export function columnForHeader(name: string): ColKey | undefined {
  const key = normaliseHeaderName(name);
  return Object.hasOwn(ALIASES, key) ? ALIASES[key] : undefined;
}

/** Without these the file cannot be turned into entries. */
export const ESSENTIAL_COLUMNS: readonly ColKey[] = [
  'journalCode',
  'ecritureNum',
  'ecritureDate',
  'compteNum',
];

/** The standard order of the 18 columns, used when a file has no header line. */
export const STANDARD_ORDER: readonly ColKey[] = [
  'journalCode',
  'journalLib',
  'ecritureNum',
  'ecritureDate',
  'compteNum',
  'compteLib',
  'compAuxNum',
  'compAuxLib',
  'pieceRef',
  'pieceDate',
  'ecritureLib',
  'debit',
  'credit',
  'ecritureLet',
  'dateLet',
  'validDate',
  'montantDevise',
  'idevise',
];

/**
 * Required by the regulation; missing ones are reported but reading goes on. The amount columns are
 * checked apart, since Montant + Sens may stand for Debit + Credit.
 */
export const REGULATORY_COLUMNS: readonly ColKey[] = STANDARD_ORDER.filter(
  (c) => c !== 'debit' && c !== 'credit',
);

/** The header of a standard 18-column FEC, as the regulation spells it (for writers of FEC files). */
export const FEC_STANDARD_HEADER: readonly string[] = STANDARD_ORDER.map((k) => OFFICIAL_NAMES[k]);
