// The demo FEC of a fictional Breton manufacturer (a fish cannery in Finistère) for one fiscal
// year: purchases (HA) from suppliers in the four IBAL zones, credit notes, a multi-supplier
// entry, foreign-currency invoices, purchases paid straight from the bank (BQ), sales (VT),
// payments, payroll and year-end entries (OD), opening balances (AN). Entries are built in
// memory first: the file and its answer key are both derived from them.
import type { Rng } from './prng.ts';
import { ACCOUNTS, CUSTOMERS, FOREIGN_SUPPLIERS, JOURNALS, RATES, ZONE_BUDGET } from './fec-data.ts';
import type { DemoEstablishment } from './sirene.ts';

export type Zone = 'bretagne' | 'france' | 'europe' | 'world';

export interface FecLineModel {
  account: string;
  accountLabel: string;
  aux?: string;
  auxLabel?: string;
  debit: number;
  credit: number;
  /** Amount in the foreign currency, in its cents. */
  foreignAmount?: number;
  currency?: string;
  label?: string;
  letter?: string;
  letterDate?: string;
}

export interface FecEntry {
  journal: string;
  /** Insertion order, to sort stably. */
  seq?: number;
  journalLabel: string;
  num: string;
  /** YYYYMMDD */
  date: string;
  pieceRef: string;
  pieceDate: string;
  label: string;
  validDate: string;
  lines: FecLineModel[];
}

export interface DemoSupplier {
  aux: string;
  /** CompAuxLib: as the accountant typed it. */
  label: string;
  zone: Zone;
  /** ISO alpha-2 country (how the supplier list writes it may differ: `EL` for Greece). */
  country: string;
  siret: string | null;
  postalCode: string | null;
  department: string | null;
  currency: string;
  /** Purchase account(s) and weights. */
  accounts: readonly (readonly [string, number])[];
  vatRate: number;
  annualCents: number;
  invoices: number;
  paymentDays: number;
}

export interface DemoCompany {
  name: string;
  siren: string;
  siret: string;
  communeCode: string;
  postalCode: string;
}

const pad = (n: number, w: number) => String(n).padStart(w, '0');
const ymd = (d: Date) => `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1, 2)}${pad(d.getUTCDate(), 2)}`;
const dayOfYear = (year: number, day: number) => new Date(Date.UTC(year, 0, 1 + day));
const addDays = (date: string, days: number) => {
  const d = new Date(
    Date.UTC(Number(date.slice(0, 4)), Number(date.slice(4, 6)) - 1, Number(date.slice(6, 8))),
  );
  d.setUTCDate(d.getUTCDate() + days);
  return ymd(d);
};
/** « ETABLISSEMENTS LE HIR » → « Etablissements Le Hir », « CIDRERIE DE LA RANCE » → « Cidrerie de la Rance ». */
const titleCase = (s: string) =>
  s
    .toLowerCase()
    .replace(/(^|[\s'-])(\p{L})/gu, (_m, sep: string, c: string) => sep + c.toUpperCase())
    .replace(/(?<=.)\b(De|Du|Des|Et)\b/g, (w) => w.toLowerCase())
    .replace(/\bde (La|Le|L)\b/g, (_m, w: string) => `de ${w.toLowerCase()}`);

/** Purchase account of a supplier, by the sector of its SIRENE establishment. */
function accountsForEstablishment(e: DemoEstablishment): readonly (readonly [string, number])[] {
  const naf = e.naf;
  if (['46.38A', '03.11Z', '03.21Z', '10.20Z'].includes(naf)) return [['60110000', 1]];
  if (naf.startsWith('10.') || naf.startsWith('46.3') || naf.startsWith('01.')) return [['60120000', 1]];
  if (naf.startsWith('17.') || naf.startsWith('22.') || naf.startsWith('16.24') || naf.startsWith('18.'))
    return [['60260000', 1]];
  if (naf.startsWith('25.') || naf.startsWith('28.') || naf.startsWith('33.') || naf.startsWith('24.'))
    return [
      ['61550000', 3],
      ['60630000', 1],
    ];
  if (naf.startsWith('43.') || naf.startsWith('41.') || naf.startsWith('42.')) return [['61520000', 1]];
  if (naf.startsWith('49.') || naf.startsWith('52.'))
    return [
      ['62410000', 1],
      ['62420000', 2],
    ];
  if (naf.startsWith('62.') || naf.startsWith('63.') || naf.startsWith('26.') || naf.startsWith('58.'))
    return [['61560000', 1]];
  if (naf.startsWith('69.') || naf.startsWith('70.') || naf.startsWith('71.') || naf.startsWith('72.'))
    return [['62260000', 1]];
  if (naf.startsWith('73.') || naf.startsWith('74.')) return [['62310000', 1]];
  if (naf.startsWith('77.')) return [['61350000', 1]];
  if (naf.startsWith('78.')) return [['62110000', 1]];
  if (naf.startsWith('38.')) return [['62880000', 1]];
  if (naf.startsWith('65.')) return [['61600000', 1]];
  if (naf.startsWith('35.')) return [['60610000', 1]];
  if (naf.startsWith('81.') || naf.startsWith('80.')) return [['61100000', 1]];
  return [['60630000', 1]];
}

function lognormalShares(rng: Rng, n: number): number[] {
  const raw = Array.from({ length: n }, () => Math.exp(rng.next() * 3.2));
  const sum = raw.reduce((a, b) => a + b, 0);
  return raw.map((r) => r / sum);
}

export function chooseSuppliers(
  rng: Rng,
  establishments: readonly DemoEstablishment[],
  company: DemoCompany,
): DemoSupplier[] {
  const eligible = establishments.filter(
    (e) => e.active && e.diffusible && e.headOffice && e.legalForm !== null && e.siren !== company.siren,
  );
  const breton = eligible.filter((e) => ['22', '29', '35', '56'].includes(e.commune.departmentCode));
  const french = eligible.filter(
    (e) =>
      !['22', '29', '35', '56'].includes(e.commune.departmentCode) && e.commune.departmentCode.length === 2,
  );
  const fish = breton.filter((e) => ['46.38A', '03.11Z', '10.20Z'].includes(e.naf));
  const bretonOther = breton.filter(
    (e) => !fish.includes(e) && !e.naf.startsWith('55.') && !e.naf.startsWith('56.'),
  );
  const pickDistinct = (pool: readonly DemoEstablishment[], n: number): DemoEstablishment[] => {
    const out: DemoEstablishment[] = [];
    const used = new Set<string>();
    for (let tries = 0; out.length < Math.min(n, pool.length) && tries < n * 20; tries++) {
      const e = rng.pick(pool);
      if (!used.has(e.siren)) {
        used.add(e.siren);
        out.push(e);
      }
    }
    return out;
  };
  const fromEstablishment = (
    e: DemoEstablishment,
    zone: Zone,
  ): Omit<DemoSupplier, 'aux' | 'annualCents' | 'invoices' | 'paymentDays'> => {
    const base = titleCase(e.name);
    const label = rng.chance(0.5) && e.legalForm ? `${base} ${e.legalForm}` : rng.chance(0.3) ? e.name : base;
    return {
      label,
      zone,
      country: 'FR',
      siret: e.siret,
      postalCode: e.postalCode,
      department: e.commune.departmentCode,
      currency: 'EUR',
      accounts: accountsForEstablishment(e),
      vatRate: accountsForEstablishment(e)[0]![0].startsWith('601') ? 5.5 : 20,
    };
  };

  const groups: {
    zone: Zone;
    drafts: Omit<DemoSupplier, 'aux' | 'annualCents' | 'invoices' | 'paymentDays'>[];
  }[] = [
    {
      zone: 'bretagne',
      drafts: [...pickDistinct(fish, 9), ...pickDistinct(bretonOther, 56)].map((e) =>
        fromEstablishment(e, 'bretagne'),
      ),
    },
    { zone: 'france', drafts: pickDistinct(french, 34).map((e) => fromEstablishment(e, 'france')) },
    {
      zone: 'europe',
      drafts: FOREIGN_SUPPLIERS.filter((s) => s.zone === 'europe').map((s) => ({
        ...s,
        siret: null,
        department: null,
      })),
    },
    {
      zone: 'world',
      drafts: FOREIGN_SUPPLIERS.filter((s) => s.zone === 'world').map((s) => ({
        ...s,
        siret: null,
        department: null,
      })),
    },
  ];
  const suppliers: DemoSupplier[] = [];
  let n = 0;
  for (const { zone, drafts } of groups) {
    const shares = lognormalShares(rng, drafts.length);
    drafts.forEach((d, i) => {
      n++;
      const annualCents = Math.round(ZONE_BUDGET[zone] * shares[i]!);
      // Bigger suppliers invoice more often (weekly for fish), small ones a few times a year.
      const invoices = Math.max(2, Math.min(160, Math.round(Math.sqrt(annualCents / 100) / 6.8)));
      suppliers.push({
        ...d,
        aux: `F${pad(n * 7 + 10000, 5)}`,
        annualCents,
        invoices,
        paymentDays: zone === 'world' ? rng.pick([0, 30]) : rng.pick([30, 45, 60]),
      });
    });
  }
  return suppliers;
}

/** Splits an amount into parts by weights, to the cent. */
function split(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const parts = weights.map((w) => Math.floor((total * w) / sum));
  parts[0]! += total - parts.reduce((a, b) => a + b, 0);
  return parts;
}

const vatOf = (ht: number, rate: number) => Math.round((ht * rate) / 100);

interface Counter {
  next(journal: string): string;
}

export interface DemoFec {
  company: DemoCompany;
  suppliers: DemoSupplier[];
  entries: FecEntry[];
}

export function generateFec(
  rng: Rng,
  company: DemoCompany,
  suppliers: DemoSupplier[],
  year: number,
): DemoFec {
  const entries: FecEntry[] = [];
  const seq: Record<string, number> = {};
  const counter: Counter = {
    next: (j) => {
      seq[j] = (seq[j] ?? 0) + 1;
      return `${j}${pad(seq[j]!, 6)}`;
    },
  };
  let letterSeq = 0;
  const nextLetter = () => {
    let n = letterSeq++;
    let s = '';
    do {
      s = String.fromCharCode(65 + (n % 26)) + s;
      n = Math.floor(n / 26) - 1;
    } while (n >= 0);
    return s.padStart(3, 'A');
  };
  const yearEnd = `${year}1231`;
  const push = (e: Omit<FecEntry, 'num' | 'journalLabel' | 'validDate'> & { validDate?: string }) => {
    entries.push({
      ...e,
      seq: entries.length,
      num: '',
      journalLabel: JOURNALS[e.journal]!,
      validDate: e.validDate ?? (addDays(e.date, 5) > yearEnd ? yearEnd : addDays(e.date, 5)),
    });
  };
  const line = (
    account: string,
    debit: number,
    credit: number,
    extra: Partial<FecLineModel> = {},
  ): FecLineModel => ({
    account,
    accountLabel: ACCOUNTS[account] ?? account,
    debit,
    credit,
    ...extra,
  });
  const dateIn = (from: number, to: number) => ymd(dayOfYear(year, rng.int(from, to)));

  // --- AN: opening balances (supplier invoices of last year, paid in January).
  const opening: FecLineModel[] = [];
  let openingSum = 0;
  for (const s of suppliers.slice(0, 30)) {
    const amount = rng.int(500_00, 40_000_00);
    openingSum += amount;
    opening.push(
      line('40100000', 0, amount, { aux: s.aux, auxLabel: s.label, label: `Solde ${year - 1} ${s.label}` }),
    );
  }
  push({
    journal: 'AN',
    date: `${year}0101`,
    pieceRef: `AN${year}`,
    pieceDate: `${year}0101`,
    label: `Reprise des soldes au 01/01/${year}`,
    lines: [
      line('31000000', 1_250_000_00, 0),
      line('51200000', openingSum + 350_000_00, 0),
      ...opening,
      line('10100000', 0, 800_000_00),
      line('12000000', 0, 800_000_00),
    ],
  });
  // Pay last year's invoices in January.
  for (const l of opening) {
    const date = dateIn(3, 30);
    push({
      journal: 'BQ',
      date,
      pieceRef: `VIR${date.slice(4)}`,
      pieceDate: date,
      label: `Virement ${l.auxLabel}`,
      lines: [
        line('40100000', l.credit, 0, { aux: l.aux, auxLabel: l.auxLabel }),
        line('51200000', 0, l.credit),
      ],
    });
  }

  // --- HA: invoices, credit notes; BQ: their payments.
  let invoiceNo = 0;
  for (const s of suppliers) {
    const amounts = split(
      s.annualCents,
      Array.from({ length: s.invoices }, () => 0.4 + rng.next()),
    );
    for (const ht of amounts) {
      invoiceNo++;
      const date = dateIn(0, 363);
      const month = Number(date.slice(4, 6)) - 1;
      // One to three charge lines: several accounts for some suppliers, or one account split in two.
      const accountsOfLines: string[] =
        s.accounts.length > 1 && rng.chance(0.4)
          ? s.accounts.map(([a]) => a)
          : rng.chance(0.35)
            ? [rng.weighted(s.accounts), rng.weighted(s.accounts)]
            : [rng.weighted(s.accounts)];
      const parts = split(
        ht,
        accountsOfLines.map(() => 0.3 + rng.next()),
      );
      const pieceRef =
        s.zone === 'world' || s.zone === 'europe'
          ? `INV-${year}-${pad(invoiceNo, 5)}`
          : `F${year}${pad(invoiceNo, 5)}`;
      const rate = RATES[s.currency]?.[month];
      const fx = (eur: number) =>
        rate ? { foreignAmount: Math.round(eur * rate), currency: s.currency } : {};
      const chargeLines = parts.map((p, i) =>
        line(accountsOfLines[i]!, p, 0, {
          label: `${ACCOUNTS[accountsOfLines[i]!]} ${s.label}`.slice(0, 120),
          ...fx(p),
        }),
      );
      const lines: FecLineModel[] = [...chargeLines];
      let supplierCredit = ht;
      if (s.zone === 'europe') {
        // Intra-EU acquisition: VAT self-assessed (autoliquidation), deductible and due.
        const vat = vatOf(ht, s.vatRate);
        lines.push(line('44566200', vat, 0), line('44520000', 0, vat));
      } else if (s.zone !== 'world') {
        const vat = vatOf(ht, s.vatRate);
        lines.push(line('44566000', vat, 0));
        supplierCredit += vat;
      }
      lines.push(
        line('40100000', 0, supplierCredit, { aux: s.aux, auxLabel: s.label, ...fx(supplierCredit) }),
      );
      const paid = addDays(date, s.paymentDays);
      const letter = paid <= yearEnd ? nextLetter() : undefined;
      if (letter) {
        const l = lines[lines.length - 1]!;
        l.letter = letter;
        l.letterDate = paid;
      }
      push({
        journal: 'HA',
        date,
        pieceRef,
        pieceDate: date,
        label: `Facture ${s.label}`,
        lines,
      });
      if (letter) {
        push({
          journal: 'BQ',
          date: paid,
          pieceRef: `VIR${paid.slice(4)}`,
          pieceDate: paid,
          label:
            s.currency === 'EUR'
              ? `Virement ${s.label}`
              : `Virement international ${s.label} (${s.currency})`,
          lines: [
            line('40100000', supplierCredit, 0, { aux: s.aux, auxLabel: s.label, letter, letterDate: paid }),
            line('51200000', 0, supplierCredit),
          ],
        });
      }
      // About 3 % of invoices get a credit note (avoir) for a damaged lot or a price error.
      if (rng.chance(0.03)) {
        const noteDate = addDays(date, rng.int(5, 25));
        if (noteDate <= yearEnd) {
          const noteHt = Math.round(ht * (0.05 + rng.next() * 0.25));
          const noteVat = s.zone === 'france' || s.zone === 'bretagne' ? vatOf(noteHt, s.vatRate) : 0;
          const noteLines = [
            line('40100000', noteHt + noteVat, 0, { aux: s.aux, auxLabel: s.label, ...fx(noteHt + noteVat) }),
            line(accountsOfLines[0]!, 0, noteHt, { label: `Avoir ${s.label} - lot non conforme` }),
          ];
          if (noteVat) noteLines.push(line('44566000', 0, noteVat));
          if (s.zone === 'europe') {
            const v = vatOf(noteHt, s.vatRate);
            noteLines.push(line('44566200', 0, v), line('44520000', v, 0));
          }
          push({
            journal: 'HA',
            date: noteDate,
            pieceRef: `AV${pieceRef}`,
            pieceDate: noteDate,
            label: `Avoir ${s.label}`,
            lines: noteLines,
          });
        }
      }
    }
  }

  // --- A multi-supplier entry: a shared transport invoice (groupage) split between two carriers.
  const carriers = suppliers.filter(
    (s) => s.accounts.some(([a]) => a.startsWith('624')) && s.zone !== 'world',
  );
  if (carriers.length >= 2) {
    const [a, b] = [carriers[0]!, carriers[1]!];
    for (const [date, ht] of [
      [`${year}0314`, 1_500_00],
      [`${year}0917`, 3_000_00],
    ] as const) {
      const vat = vatOf(ht, 20);
      // Two thirds / one third, exact to the cent.
      const ttcA = ((ht + vat) * 2) / 3;
      const ttcB = ht + vat - ttcA;
      push({
        journal: 'HA',
        date,
        pieceRef: `GRP${date}`,
        pieceDate: date,
        label: `Groupage transport ${a.label} / ${b.label}`,
        lines: [
          line('62410000', ht, 0, { label: 'Groupage transport matières premières' }),
          line('44566000', vat, 0),
          line('40100000', 0, ttcA, { aux: a.aux, auxLabel: a.label }),
          line('40100000', 0, ttcB, { aux: b.aux, auxLabel: b.label }),
        ],
      });
    }
  }

  // --- Capital expenditure (404), excluded from purchases by default.
  const machineMaker = suppliers.find((s) => s.label.startsWith('Schäfer'));
  if (machineMaker) {
    const ht = 186_400_00;
    push({
      journal: 'HA',
      date: `${year}0620`,
      pieceRef: `INV-${year}-SA-0620`,
      pieceDate: `${year}0620`,
      label: `Sertisseuse automatique ${machineMaker.label}`,
      lines: [
        line('21540000', ht, 0, { label: 'Sertisseuse automatique 400 boîtes/min' }),
        line('44562000', vatOf(ht, 20), 0),
        line('44520000', 0, vatOf(ht, 20)),
        line('40400000', 0, ht, { aux: machineMaker.aux, auxLabel: machineMaker.label }),
      ],
    });
  }

  // --- BQ: purchases paid straight from the bank (no supplier line: « non attribué »).
  const bankPurchases: readonly (readonly [string, string, number, number])[] = [
    ['CB TOTAL ÉNERGIES DOUARNENEZ', '60630000', 20, 120_00],
    ['PRLV ORANGE BUSINESS SERVICES', '62600000', 20, 890_00],
    ['CB AMAZON EU SARL', '60640000', 20, 85_00],
    ['CB RESTAURANT LE CORMORAN', '62510000', 10, 64_00],
    ['CB PÉAGE AUTOROUTE A11', '62510000', 20, 18_00],
    ['PRLV LA POSTE AFFRANCHISSEMENT', '62600000', 0, 140_00],
    ['CB SNCF VOYAGES PARIS', '62510000', 10, 220_00],
    ['CB HÔTEL IBIS RENNES', '62510000', 10, 98_00],
    ['CB BRICO DÉPÔT QUIMPER', '60630000', 20, 75_00],
  ];
  for (let i = 0; i < 430; i++) {
    const [label, account, rate, base] = rng.pick(bankPurchases);
    const ttc = Math.round(base * (0.4 + rng.next() * 1.6));
    const ht = rate ? Math.round((ttc * 100) / (100 + rate)) : ttc;
    const date = dateIn(0, 363);
    const lines = [line(account, ht, 0, { label })];
    if (ttc - ht) lines.push(line('44566000', ttc - ht, 0, { label }));
    lines.push(line('51200000', 0, ttc, { label }));
    push({ journal: 'BQ', date, pieceRef: `CB${date.slice(4)}${pad(i, 3)}`, pieceDate: date, label, lines });
  }
  for (let m = 1; m <= 12; m++) {
    const date = `${year}${pad(m, 2)}28`;
    const fees = rng.int(45_00, 180_00);
    push({
      journal: 'BQ',
      date,
      pieceRef: `FR${pad(m, 2)}`,
      pieceDate: date,
      label: `Frais bancaires ${pad(m, 2)}/${year} (commissions, 1,20 € par virement)`,
      lines: [line('62700000', fees, 0), line('51200000', 0, fees)],
    });
  }

  // --- VT: sales and receipts.
  const customers = CUSTOMERS.map((name, i) => ({
    aux: `C${pad(i * 13 + 100, 5)}`,
    name,
    account:
      name.includes('GmbH') || name.includes('S.p.A.')
        ? '70120000'
        : name.includes('Ltd')
          ? '70130000'
          : '70110000',
  }));
  for (let i = 0; i < 2600; i++) {
    const c = rng.pick(customers);
    const date = dateIn(2, 362);
    const ht = rng.int(2_000_00, 30_000_00);
    const vat = c.account === '70110000' ? vatOf(ht, 5.5) : 0;
    const pieceRef = `FV${year}${pad(i + 1, 5)}`;
    const twoLines = rng.chance(0.3);
    const parts = twoLines ? split(ht, [0.7, 0.3]) : [ht];
    const lines = [
      line('41100000', ht + vat, 0, { aux: c.aux, auxLabel: c.name }),
      ...parts.map((p, k) =>
        line(c.account, 0, p, {
          label: k === 0 ? "Sardines à l'huile d'olive" : 'Thon germon au naturel, cœur de filet',
        }),
      ),
    ];
    if (vat) lines.push(line('44571000', 0, vat));
    push({ journal: 'VT', date, pieceRef, pieceDate: date, label: `Facture ${c.name}`, lines });
    const paid = addDays(date, rng.pick([30, 45, 60]));
    if (paid <= yearEnd) {
      push({
        journal: 'BQ',
        date: paid,
        pieceRef: `REM${paid.slice(4)}`,
        pieceDate: paid,
        label: `Règlement ${c.name}`,
        lines: [
          line('51200000', ht + vat, 0),
          line('41100000', 0, ht + vat, { aux: c.aux, auxLabel: c.name }),
        ],
      });
    }
  }

  // --- OD: payroll, monthly; social charges paid the month after.
  for (let m = 1; m <= 12; m++) {
    const date = `${year}${pad(m, 2)}${m === 2 ? '28' : '30'}`;
    const gross = rng.int(395_000_00, 430_000_00);
    const employeeShare = Math.round(gross * 0.22);
    const pas = Math.round(gross * 0.045);
    const net = gross - employeeShare - pas;
    const employerUrssaf = Math.round(gross * 0.28);
    const employerRetraite = Math.round(gross * 0.12);
    push({
      journal: 'OD',
      date,
      pieceRef: `PAIE${pad(m, 2)}`,
      pieceDate: date,
      label: `Paie ${pad(m, 2)}/${year} - salaires`,
      lines: [
        line('64110000', gross, 0),
        line('64510000', employerUrssaf, 0),
        line('64530000', employerRetraite, 0),
        line('42100000', 0, net),
        line('43100000', 0, employeeShare + employerUrssaf),
        line('43700000', 0, employerRetraite),
        line('44210000', 0, pas),
      ],
    });
    push({
      journal: 'BQ',
      date,
      pieceRef: `SAL${pad(m, 2)}`,
      pieceDate: date,
      label: `Virement salaires ${pad(m, 2)}/${year}`,
      lines: [line('42100000', net, 0), line('51200000', 0, net)],
    });
  }

  // --- OD: year-end stock variation (603, excluded from purchases).
  push({
    journal: 'OD',
    date: yearEnd,
    pieceRef: `INV${year}`,
    pieceDate: yearEnd,
    label: `Variation des stocks au 31/12/${year} (inventaire)`,
    lines: [line('60310000', 0, 84_320_00), line('31000000', 84_320_00, 0)],
  });

  // The file is sorted by date then journal, as most accounting software exports it.
  const order: Record<string, number> = { AN: 0, HA: 1, VT: 2, BQ: 3, OD: 4 };
  entries.sort(
    (a, b) => a.date.localeCompare(b.date) || order[a.journal]! - order[b.journal]! || a.seq! - b.seq!,
  );
  // Numbered per journal once in date order, as at validation.
  for (const e of entries) {
    e.num = counter.next(e.journal);
    delete e.seq;
  }
  return { company, suppliers, entries };
}
