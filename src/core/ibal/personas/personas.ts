// Personas: small, named company profiles whose headline IBAL is snapshotted in
// personas.test.ts. Each is written as a real FEC (18 columns, tab separated) so the whole
// chain runs: core/fec → core/purchases → core/suppliers → core/ibal. The companies and their
// suppliers are invented; the accounting patterns are the usual ones of each kind of company.
import { FEC_STANDARD_HEADER } from '../../fec/index.ts';
import type { DirectoryAnswer, UserAnswer } from '../../suppliers/index.ts';

export interface PersonaSupplier {
  aux: string;
  name: string;
  /** Where the supplier really is; how the pipeline learns it is `via`. */
  postalCode?: string;
  department?: string;
  country?: string;
  /** directory: found by the directory (SIRET/name); answer: the user said; none: unknown. */
  via: 'directory' | 'answer' | 'none';
}

/** One invoice (or credit note when amounts are negative): HT per account, VAT at 20 %. */
export interface PersonaInvoice {
  journal: string;
  date: string;
  /** Supplier aux codes sharing the invoice, with their TTC share (pro rata weights). */
  suppliers: { aux: string; ttcCents: number }[];
  lines: { account: string; htCents: number }[];
  label: string;
  currency?: string;
}

export interface Persona {
  name: string;
  description: string;
  suppliers: PersonaSupplier[];
  invoices: PersonaInvoice[];
  /** Purchases paid straight from the bank, without a supplier line. */
  bankPurchases: { date: string; account: string; htCents: number; label: string }[];
  /** When the software writes a constant EcritureNum (fallback on PieceRef). */
  constantEcritureNum?: boolean;
  /** Per-supplier general accounts (4010012) instead of CompAuxNum. */
  generalAccounts?: boolean;
}

const header = FEC_STANDARD_HEADER.join('\t');

const amount = (c: number): string => `${Math.trunc(c / 100)},${String(Math.abs(c) % 100).padStart(2, '0')}`;

/** The persona's FEC as text (CRLF line ends, as most accounting software writes them). */
export function personaFec(p: Persona): string {
  const rows = [header];
  const supplier = new Map(p.suppliers.map((s) => [s.aux, s]));
  let num = 0;
  const push = (
    journal: string,
    date: string,
    piece: string,
    account: string,
    accountLib: string,
    aux: string,
    auxLib: string,
    label: string,
    cents: number,
    currency = '',
  ) => {
    const debit = cents > 0 ? cents : 0;
    const credit = cents < 0 ? -cents : 0;
    const n = p.constantEcritureNum ? '1' : String(num);
    rows.push(
      [
        journal,
        journal === 'BQ' ? 'Banque' : 'Achats',
        n,
        date,
        account,
        accountLib,
        aux,
        auxLib,
        piece,
        date,
        label,
        amount(debit),
        amount(credit),
        '',
        '',
        date,
        currency ? amount(Math.abs(cents)) : '',
        currency,
      ].join('\t'),
    );
  };
  for (const inv of p.invoices) {
    num++;
    const piece = `F${String(num).padStart(5, '0')}`;
    const ht = inv.lines.reduce((a, l) => a + l.htCents, 0);
    const vat = Math.round(ht * 0.2);
    const weights = inv.suppliers.reduce((a, s) => a + s.ttcCents, 0);
    let left = ht + vat;
    inv.suppliers.forEach((s, i) => {
      const share = i === inv.suppliers.length - 1 ? left : Math.round(((ht + vat) * s.ttcCents) / weights);
      left -= share;
      const sup = supplier.get(s.aux);
      const name = sup?.name ?? s.aux;
      if (p.generalAccounts)
        push(inv.journal, inv.date, piece, `401${s.aux}`, name, '', '', inv.label, -share, inv.currency);
      else
        push(
          inv.journal,
          inv.date,
          piece,
          '401000',
          'Fournisseurs',
          s.aux,
          name,
          inv.label,
          -share,
          inv.currency,
        );
    });
    for (const l of inv.lines)
      push(inv.journal, inv.date, piece, l.account, `Compte ${l.account}`, '', '', inv.label, l.htCents);
    if (vat !== 0) push(inv.journal, inv.date, piece, '445660', 'TVA déductible', '', '', inv.label, vat);
  }
  for (const b of p.bankPurchases) {
    num++;
    const piece = `B${String(num).padStart(5, '0')}`;
    push('BQ', b.date, piece, b.account, `Compte ${b.account}`, '', '', b.label, b.htCents);
    push('BQ', b.date, piece, '512000', 'Banque', '', '', b.label, -b.htCents);
  }
  return `${rows.join('\r\n')}\r\n`;
}

/** The supplier key core/purchases gives each persona supplier. */
export const personaKey = (p: Persona, aux: string): string =>
  p.generalAccounts ? `account:401${aux}` : `aux:${aux}`;

/** What the directory would answer for the suppliers it knows. */
export function personaDirectory(p: Persona): Map<string, DirectoryAnswer> {
  const out = new Map<string, DirectoryAnswer>();
  for (const s of p.suppliers) {
    if (s.via !== 'directory' || !s.department) continue;
    const key = personaKey(p, s.aux);
    out.set(key, {
      key,
      status: 'found',
      method: 'name',
      confidence: 0.9,
      establishment: { siret: '', name: s.name, commune: null, department: s.department, countryCode: null },
      zone: ['22', '29', '35', '56'].includes(s.department) ? 'bretagne' : 'france',
      department: s.department,
      candidates: [],
      note: `Nom proche de « ${s.name} » dans l’annuaire`,
    });
  }
  return out;
}

/** What the user answered for the others. */
export function personaAnswers(p: Persona): Map<string, UserAnswer> {
  const out = new Map<string, UserAnswer>();
  for (const s of p.suppliers) {
    if (s.via !== 'answer') continue;
    out.set(
      personaKey(p, s.aux),
      s.postalCode
        ? { kind: 'postal-code', postalCode: s.postalCode }
        : { kind: 'country', country: s.country ?? '' },
    );
  }
  return out;
}

const monthly = (
  aux: string,
  account: string,
  htCents: number,
  label: string,
  months = 12,
  extra: Partial<PersonaInvoice> = {},
): PersonaInvoice[] =>
  Array.from({ length: months }, (_, m) => ({
    journal: 'AC',
    date: `2025${String(m + 1).padStart(2, '0')}15`,
    suppliers: [{ aux, ttcCents: 1 }],
    lines: [{ account, htCents }],
    label: `${label} ${String(m + 1).padStart(2, '0')}/2025`,
    ...extra,
  }));

/** A food SME in Quimper (Finistère) that cans fish and imports its packaging. */
export const conserverieTyKouign: Persona = {
  name: 'Conserverie Ty Kouign',
  description:
    'PME agroalimentaire (Quimper, 29) : poisson breton, boîtes importées d’Espagne, bocaux italiens.',
  suppliers: [
    { aux: 'CRIEE', name: 'Criée de Saint-Guénolé', department: '29', postalCode: '29760', via: 'directory' },
    { aux: 'ARMOR', name: 'Armor Cartonnages SAS', department: '56', postalCode: '56100', via: 'directory' },
    { aux: 'ETIQ', name: 'Étiquettes de l’Erdre', department: '44', postalCode: '44000', via: 'answer' },
    { aux: 'LATAS', name: 'Latas del Cantábrico S.L.', country: 'ES', via: 'answer' },
    { aux: 'VETRO', name: 'Vetreria Ligure S.p.A.', country: 'IT', via: 'none' },
    { aux: 'TRANS', name: 'Transports Le Bihan', department: '29', postalCode: '29200', via: 'directory' },
  ],
  invoices: [
    ...monthly('CRIEE', '601100', 2_000_000, 'Sardines'),
    ...monthly('ARMOR', '602600', 450_000, 'Cartons'),
    ...monthly('ETIQ', '602600', 80_000, 'Étiquettes', 6),
    ...monthly('LATAS', '602600', 700_000, 'Boîtes 1/4 club'),
    ...monthly('VETRO', '602600', 150_000, 'Bocaux', 4),
    ...monthly('TRANS', '624100', 120_000, 'Transport'),
    // A credit note from the can maker (dented tins): lowers its spend.
    {
      journal: 'AC',
      date: '20250620',
      suppliers: [{ aux: 'LATAS', ttcCents: 1 }],
      lines: [{ account: '602600', htCents: -300_000 }],
      label: 'Avoir boîtes cabossées',
    },
    // One invoice shared by the carrier and the cardboard maker (group purchase).
    {
      journal: 'AC',
      date: '20250910',
      suppliers: [
        { aux: 'TRANS', ttcCents: 3 },
        { aux: 'ARMOR', ttcCents: 1 },
      ],
      lines: [{ account: '624100', htCents: 100_000 }],
      label: 'Salon Seafood (stand commun)',
    },
  ],
  bankPurchases: [
    { date: '20250305', account: '606100', htCents: 320_000, label: 'PRLV EDF ENTREPRISES' },
    { date: '20250905', account: '606100', htCents: 280_000, label: 'PRLV EDF ENTREPRISES' },
  ],
};

/** An electronics ETI in Lannion (Côtes-d'Armor) buying boards in Asia, paid in USD. */
export const armorElectronique: Persona = {
  name: 'Armor Électronique',
  description:
    'ETI électronique (Lannion, 22) : cartes en Chine (USD), composants d’un distributeur allemand, sous-traitance bretonne.',
  suppliers: [
    { aux: 'SZPCB', name: 'Shenzhen Bright PCB Co., Ltd', country: 'CN', via: 'answer' },
    { aux: 'TWCOMP', name: 'Formosa Components Co., Ltd', country: 'TW', via: 'none' },
    { aux: 'DISTRI', name: 'Elektronik Vertrieb GmbH', country: 'DE', via: 'answer' },
    { aux: 'CABLAGE', name: 'Câblage du Trégor', department: '22', postalCode: '22300', via: 'directory' },
    { aux: 'TEST', name: 'Bretagne Test Services', department: '35', postalCode: '35510', via: 'directory' },
    { aux: 'LOGI', name: 'Logistique Grand Ouest', department: '44', postalCode: '44800', via: 'directory' },
  ],
  invoices: [
    ...monthly('SZPCB', '601000', 6_000_000, 'PCB assembly', 12, { currency: 'USD' }),
    ...monthly('TWCOMP', '601000', 1_500_000, 'MCU', 12, { currency: 'USD' }),
    ...monthly('DISTRI', '601000', 2_500_000, 'Composants passifs'),
    ...monthly('CABLAGE', '611000', 1_800_000, 'Câblage sous-traité'),
    ...monthly('TEST', '604000', 400_000, 'Tests et essais'),
    ...monthly('LOGI', '624100', 350_000, 'Transport et stockage'),
  ],
  bankPurchases: [{ date: '20250401', account: '626000', htCents: 90_000, label: 'CB AMAZON WEB SERVICES' }],
};

/** A consulting firm in Rennes: rent, software, travel; half its suppliers still unknown. */
export const kemperConseil: Persona = {
  name: 'Kemper Conseil',
  description:
    'Société de services (Rennes, 35) : loyer, logiciels, déplacements payés par carte — couverture insuffisante.',
  suppliers: [
    { aux: 'SCI', name: 'SCI du Mail', department: '35', postalCode: '35000', via: 'directory' },
    { aux: 'SOFT', name: 'Cloudsoft Inc.', country: 'US', via: 'none' },
    { aux: 'TEL', name: 'Opérateur Télécom SA', department: '75', postalCode: '75015', via: 'answer' },
    { aux: 'FREEL', name: 'Jean Dupont Conseil', via: 'none' },
  ],
  invoices: [
    ...monthly('SCI', '613200', 250_000, 'Loyer'),
    ...monthly('SOFT', '651000', 300_000, 'Abonnement CRM', 12, { currency: 'USD' }),
    ...monthly('SOFT', '604000', 200_000, 'Hébergement', 12, { currency: 'USD' }),
    ...monthly('TEL', '626000', 40_000, 'Téléphonie'),
    ...monthly('FREEL', '622600', 600_000, 'Sous-traitance conseil', 6),
  ],
  bankPurchases: Array.from({ length: 10 }, (_, i) => ({
    date: `2025${String(i + 1).padStart(2, '0')}20`,
    account: '625100',
    htCents: 45_000,
    label: `CB SNCF VOYAGES ${String(i + 1).padStart(2, '0')}`,
  })),
};

/** A joinery in Vannes whose old software writes EcritureNum "1" everywhere and one 401 account per supplier. */
export const menuiserieLeGoff: Persona = {
  name: 'Menuiserie Le Goff',
  description: 'Artisan (Vannes, 56) : comptes fournisseurs 401xxxx sans auxiliaire, EcritureNum constant.',
  constantEcritureNum: true,
  generalAccounts: true,
  suppliers: [
    { aux: '0001', name: 'BOIS DU MORBIHAN', department: '56', postalCode: '56000', via: 'directory' },
    { aux: '0002', name: 'QUINCAILLERIE NANTAISE', department: '44', postalCode: '44000', via: 'answer' },
    { aux: '0003', name: 'SCANDI TIMBER AB', country: 'SE', via: 'answer' },
  ],
  invoices: [
    ...monthly('0001', '601000', 900_000, 'Chêne'),
    ...monthly('0002', '602100', 150_000, 'Quincaillerie'),
    ...monthly('0003', '601000', 400_000, 'Pin du Nord', 6),
  ],
  bankPurchases: [],
};

export const personas: readonly Persona[] = [
  conserverieTyKouign,
  armorElectronique,
  kemperConseil,
  menuiserieLeGoff,
];
