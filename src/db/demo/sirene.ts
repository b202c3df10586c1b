// Demo SIRENE stock files: invented companies in real communes, written in the official
// INSEE layouts (StockEtablissement: 53 columns + the late-2025 54th, StockUniteLegale: 33
// columns; comma-separated UTF-8, a value quoted only when it holds a comma or a quote).
import type { Commune, GeoIndex } from '../../core/geo/index.ts';
import { nafLabel } from '../../core/naf/index.ts';
import { withLuhnDigit } from '../../core/shared/index.ts';
import { weightedSampler, type Rng } from './prng.ts';
import {
  BRETON_WORDS,
  FAMILY_NAMES,
  FIRST_NAMES,
  LEGAL_FORMS,
  NAF_WORDS,
  SECTORS,
  STREET_NAMES,
  STREET_TYPES,
  type Sector,
} from './sectors.ts';
import { establishmentHeader54, legalUnitHeader } from '../sirene/fixtures.ts';

// The official StockEtablissement (54 columns; NAF 2025 column left empty: no package ships the
// NAF rev. 2 → NAF 2025 correspondence) and StockUniteLegale layouts, as the importer's fixtures write them.
export const ESTABLISHMENT_HEADER = establishmentHeader54;
export const LEGAL_UNIT_HEADER = legalUnitHeader;

/** INSEE geolocation file (« Géolocalisation des établissements »), `;`-separated. */
export const GEOLOCATION_HEADER = [
  'siret',
  'x',
  'y',
  'qualite_xy',
  'epsg',
  'plg_qp',
  'plg_iris',
  'plg_zus',
  'plg_qva',
  'plg_code_commune',
  'distance_precision',
  'qualite_qp',
  'qualite_iris',
  'qualite_zus',
  'qualite_qva',
  'y_latitude',
  'x_longitude',
] as const;

type EstablishmentColumn = (typeof ESTABLISHMENT_HEADER)[number];
type LegalUnitColumn = (typeof LEGAL_UNIT_HEADER)[number];
export type EstablishmentRow = Partial<Record<EstablishmentColumn, string>>;
export type LegalUnitRow = Partial<Record<LegalUnitColumn, string>>;

/** A generated establishment, with what the FEC generator needs beside the row. */
export interface DemoEstablishment {
  siret: string;
  siren: string;
  /** Name as the legal unit files it (denomination, or "PRENOM NOM" for a sole trader). */
  name: string;
  legalForm: string | null;
  naf: string;
  sector: string;
  commune: Commune;
  postalCode: string;
  headOffice: boolean;
  active: boolean;
  diffusible: boolean;
  point: { lat: number; lon: number } | null;
  row: EstablishmentRow;
}

export interface DemoLegalUnit {
  siren: string;
  row: LegalUnitRow;
}

export interface DemoSirene {
  legalUnits: DemoLegalUnit[];
  establishments: DemoEstablishment[];
}

export interface SireneOptions {
  bretonEstablishments: number;
  otherEstablishments: number;
  /** The FEC company itself, added to the directory. */
  extra?: { name: string; naf: string; communeCode: string; legalForm: 'SAS'; createdOn: string };
}

const HEADCOUNT_BANDS: readonly (readonly [string, number])[] = [
  ['NN', 28],
  ['00', 10],
  ['01', 16],
  ['02', 12],
  ['03', 10],
  ['11', 9],
  ['12', 8],
  ['21', 3],
  ['22', 2],
  ['31', 0.6],
  ['32', 0.6],
  ['41', 0.3],
  ['42', 0.1],
];

const BRETON_DEPARTMENTS = new Set(['22', '29', '35', '56']);
/** SIRENE writes commune names in upper case without accents, keeping hyphens. */
const communeLabel = (name: string) =>
  name.normalize('NFD').replace(/\p{M}/gu, '').replace(/[œŒ]/g, 'OE').toUpperCase().replace(/'/g, ' ');

const pad = (n: number, width: number) => String(n).padStart(width, '0');
const isoDate = (y: number, m: number, d: number) => `${y}-${pad(m, 2)}-${pad(d, 2)}`;

function randomDate(rng: Rng, fromYear: number, toYear: number): string {
  // Skewed towards recent years, like the register.
  const span = toYear - fromYear;
  const y = toYear - Math.floor(span * rng.next() ** 1.7);
  return isoDate(y, rng.int(1, 12), rng.int(1, 28));
}

function initials(words: string[]): string {
  return words
    .flatMap((w) => w.split(/[\s-]+/))
    .filter((w) => w.length > 2 || /^[A-Z]$/.test(w))
    .map((w) => w[0])
    .join('');
}

/** An invented company name for a sector, with an optional sigle. */
function companyName(
  rng: Rng,
  sector: Sector,
  naf: string,
  commune: Commune,
): { name: string; sigle: string | null } {
  const nafWords = NAF_WORDS[naf];
  const word = nafWords && rng.chance(0.8) ? rng.pick(nafWords) : rng.pick(sector.words);
  const family = rng.pick(FAMILY_NAMES);
  const breton = rng.pick(BRETON_WORDS);
  const place = communeLabel(commune.name);
  const form = rng.int(0, 9);
  let name: string;
  let sigle: string | null = null;
  if (form <= 2) name = `${word} ${family}`;
  else if (form <= 4) name = `${breton} ${word}`;
  else if (form === 5) name = `${family} ET FILS`;
  else if (form === 6) name = `ETABLISSEMENTS ${family}`;
  else if (form === 7) name = `${word} DE ${place}`.slice(0, 60);
  else if (form === 8) {
    const long = `SOCIETE ${BRETON_DEPARTMENTS.has(commune.departmentCode) ? 'BRETONNE' : 'OUEST'} ${word} ${family}`;
    name = long;
    sigle = initials([
      'SOCIETE',
      BRETON_DEPARTMENTS.has(commune.departmentCode) ? 'BRETONNE' : 'OUEST',
      word,
      family,
    ]);
  } else name = `${breton} ${word} ${family}`;
  if (!sigle && rng.chance(0.06)) sigle = initials(name.split(' '));
  return { name, sigle: sigle && sigle.length >= 3 ? sigle : null };
}

function enseigneFor(rng: Rng, sector: Sector, family: string, commune: Commune): string {
  const place = communeLabel(commune.name);
  switch (sector.key) {
    case 'tourism':
      return rng.pick([
        `CREPERIE ${rng.pick(BRETON_WORDS)}`,
        `HOTEL DE LA PLAGE`,
        `HOTEL DU PORT`,
        `LE ${rng.pick(['GOELAND', 'CORMORAN', 'PHARE', 'MOUSSAILLON', 'KORRIGAN'])}`,
        `CAMPING ${rng.pick(['LES DUNES', 'DE LA BAIE', 'DU LAC', 'LES PINS'])}`,
        `TI ${rng.pick(['BREIZH', 'MOR', 'KREIZ', 'GWENN'])}`,
      ]);
    case 'agrifood':
      return `${rng.pick(['BOULANGERIE', 'AUX DELICES DE', 'LA FERME DE', 'BISCUITERIE DE'])} ${place}`.slice(
        0,
        50,
      );
    default:
      return `${family} ${rng.pick(['SERVICES', 'PRO', 'INDUSTRIE', 'ATLANTIQUE'])}`;
  }
}

interface Draft {
  sector: Sector;
  naf: string;
  commune: Commune;
}

export function generateSirene(rng: Rng, geo: GeoIndex, options: SireneOptions): DemoSirene {
  const communes = geo.communes().filter((c) => c.postalCodes.length > 0);
  const breton = communes.filter((c) => BRETON_DEPARTMENTS.has(c.departmentCode));
  const loireAtlantique = communes.filter((c) => c.departmentCode === '44');
  const elsewhere = communes.filter(
    (c) =>
      !BRETON_DEPARTMENTS.has(c.departmentCode) && c.departmentCode !== '44' && c.departmentCode.length === 2,
  );
  const overseas = communes.filter((c) => c.departmentCode.length === 3 && c.departmentCode < '977');
  // Weighted by population (a little flattened so that small towns get companies too).
  const byPop = (c: Commune) => (c.population ?? 100) ** 0.85;
  const pickBreton = weightedSampler(breton, byPop);
  const pickLoire = weightedSampler(loireAtlantique, byPop);
  const pickElsewhere = weightedSampler(elsewhere, byPop);
  const pickSector = weightedSampler(SECTORS, (s) => s.weight);
  const nafOf = (s: Sector) => rng.weighted(s.naf);

  for (const code of Object.keys(NAF_WORDS)) {
    if (!nafLabel(code)) throw new Error(`Code NAF inconnu dans les mots de démonstration : ${code}`);
  }
  for (const s of SECTORS) {
    for (const [code] of s.naf) {
      if (!nafLabel(code)) throw new Error(`Code NAF inconnu dans les secteurs de démonstration : ${code}`);
    }
  }

  const sirens = new Set<string>();
  const newSiren = (): string => {
    for (;;) {
      const first = rng.pick(['3', '4', '5', '7', '8', '9']);
      let body = first;
      for (let i = 0; i < 7; i++) body += String(rng.int(0, 9));
      const siren = withLuhnDigit(body);
      if (siren !== '356000000' && !sirens.has(siren)) {
        sirens.add(siren);
        return siren;
      }
    }
  };

  const legalUnits: DemoLegalUnit[] = [];
  const establishments: DemoEstablishment[] = [];

  // Establishment drafts: Brittany, then elsewhere (a quarter in Loire-Atlantique, a few overseas).
  const drafts: Draft[] = [];
  for (let i = 0; i < options.bretonEstablishments; i++) {
    const sector = pickSector(rng);
    drafts.push({ sector, naf: nafOf(sector), commune: pickBreton(rng) });
  }
  for (let i = 0; i < options.otherEstablishments; i++) {
    const sector = pickSector(rng);
    const commune =
      i % 4 === 0
        ? pickLoire(rng)
        : i % 50 === 1 && overseas.length
          ? rng.pick(overseas)
          : pickElsewhere(rng);
    drafts.push({ sector, naf: nafOf(sector), commune });
  }

  const lastProcessed = (created: string) =>
    `${isoDate(rng.int(Math.max(2019, Number(created.slice(0, 4))), 2025), rng.int(1, 12), rng.int(1, 28))}T${pad(rng.int(0, 23), 2)}:${pad(rng.int(0, 59), 2)}:${pad(rng.int(0, 59), 2)}`;

  const addUnit = (
    drafts: Draft[],
    forced?: { name: string; legalForm: string; createdOn: string },
  ): void => {
    const head = drafts[0]!;
    const siren = newSiren();
    const soleTrader = !forced && rng.chance(0.12);
    const partial = !forced && rng.chance(soleTrader ? 0.12 : 0.006);
    const form = forced
      ? (LEGAL_FORMS.find(([f]) => f.label === forced.legalForm)?.[0] ?? LEGAL_FORMS[0]![0])
      : rng.weighted(LEGAL_FORMS);
    const created = forced?.createdOn ?? randomDate(rng, 1962, 2025);
    const family = rng.pick(FAMILY_NAMES);
    const [firstName, sex] = rng.pick(FIRST_NAMES);
    const generated = companyName(rng, head.sector, head.naf, head.commune);
    const name = forced?.name ?? (soleTrader ? `${firstName} ${family}` : generated.name);
    const sigle = forced || soleTrader ? null : generated.sigle;
    const band = rng.weighted(HEADCOUNT_BANDS);
    const bandYear = band === 'NN' ? '' : String(rng.pick([2022, 2023, 2023, 2023]));
    const nics: string[] = [];
    let nicSeq = rng.int(1, 3);
    const unitEstablishments: DemoEstablishment[] = [];
    drafts.forEach((d, index) => {
      const nic4 = pad(nicSeq, 4);
      nicSeq += rng.int(1, 3);
      const siret = withLuhnDigit(siren + nic4);
      const nic = siret.slice(9);
      nics.push(nic);
      const closed = !forced && rng.chance(0.03);
      const headOffice = index === 0;
      const postalCode = rng.pick(d.commune.postalCodes);
      const streetType = rng.weighted(STREET_TYPES);
      const street =
        streetType === 'ZA' || streetType === 'ZI'
          ? `DE ${rng.pick(['KERGONAN', 'LA LANDE', 'PENHOAT', 'KERNEVEZ', 'BELLEVUE', 'LA GARE'])}`
          : streetType === 'LD'
            ? rng.pick(['KERVIHAN', 'PENN AR C HOAT', 'KERHUEL', 'LANN VRAS', 'GOAREM'])
            : rng.pick(STREET_NAMES);
      const number = streetType === 'LD' ? '' : String(rng.int(1, 120));
      const coordinates = geo.coordinates(d.commune.code);
      const jitter = coordinates?.approximate ? 0.03 : 0.012;
      const point = coordinates
        ? {
            lat: Math.round((coordinates.lat + (rng.next() - 0.5) * jitter) * 1e6) / 1e6,
            lon: Math.round((coordinates.lon + (rng.next() - 0.5) * jitter * 1.5) * 1e6) / 1e6,
          }
        : null;
      const createdOn = index === 0 ? created : randomDate(rng, Number(created.slice(0, 4)), 2025);
      const enseigne = rng.chance(d.sector.enseigne) ? enseigneFor(rng, d.sector, family, d.commune) : '';
      const nd = (v: string) => (partial && v !== '' ? '[ND]' : v);
      const estBand = index === 0 ? band : rng.weighted(HEADCOUNT_BANDS);
      const row: EstablishmentRow = {
        siren,
        nic,
        siret,
        statutDiffusionEtablissement: partial ? 'P' : 'O',
        dateCreationEtablissement: createdOn,
        trancheEffectifsEtablissement: estBand === 'NN' ? '' : estBand,
        anneeEffectifsEtablissement: estBand === 'NN' ? '' : bandYear || '2023',
        dateDernierTraitementEtablissement: lastProcessed(createdOn),
        etablissementSiege: headOffice ? 'true' : 'false',
        nombrePeriodesEtablissement: String(rng.int(1, 4)),
        numeroVoieEtablissement: nd(number),
        typeVoieEtablissement: nd(streetType),
        libelleVoieEtablissement: nd(street),
        codePostalEtablissement: postalCode,
        libelleCommuneEtablissement: communeLabel(d.commune.name),
        codeCommuneEtablissement: d.commune.code,
        dateDebut: closed ? randomDate(rng, 2018, 2025) : createdOn,
        etatAdministratifEtablissement: closed ? 'F' : 'A',
        enseigne1Etablissement: enseigne,
        activitePrincipaleEtablissement: index === 0 ? head.naf : d.naf,
        nomenclatureActivitePrincipaleEtablissement: 'NAFRev2',
        caractereEmployeurEtablissement: estBand === 'NN' || estBand === '00' ? 'N' : 'O',
        activitePrincipaleNAF25Etablissement: '',
      };
      unitEstablishments.push({
        siret,
        siren,
        name,
        legalForm: soleTrader ? null : form.label,
        naf: row.activitePrincipaleEtablissement!,
        sector: d.sector.key,
        commune: d.commune,
        postalCode,
        headOffice,
        active: !closed,
        diffusible: !partial,
        point: partial ? null : point,
        row,
      });
    });
    const allClosed = unitEstablishments.every((e) => !e.active);
    const row: LegalUnitRow = {
      siren,
      statutDiffusionUniteLegale: partial ? 'P' : 'O',
      dateCreationUniteLegale: created,
      sigleUniteLegale: sigle ?? '',
      sexeUniteLegale: soleTrader ? (partial ? '[ND]' : sex) : '',
      prenom1UniteLegale: soleTrader ? (partial ? '[ND]' : firstName) : '',
      prenomUsuelUniteLegale: soleTrader ? (partial ? '[ND]' : firstName) : '',
      trancheEffectifsUniteLegale: band === 'NN' ? '' : band,
      anneeEffectifsUniteLegale: bandYear,
      dateDernierTraitementUniteLegale: lastProcessed(created),
      nombrePeriodesUniteLegale: String(rng.int(1, 6)),
      categorieEntreprise: rng.weighted([
        ['PME', 90],
        ['ETI', 3],
        ['', 7],
      ]),
      anneeCategorieEntreprise: '2022',
      dateDebut: created,
      etatAdministratifUniteLegale: allClosed ? 'C' : 'A',
      nomUniteLegale: soleTrader ? (partial ? '[ND]' : family) : '',
      denominationUniteLegale: soleTrader ? '' : name,
      categorieJuridiqueUniteLegale: soleTrader ? '1000' : form.code,
      activitePrincipaleUniteLegale: head.naf,
      nomenclatureActivitePrincipaleUniteLegale: 'NAFRev2',
      nicSiegeUniteLegale: nics[0]!,
      economieSocialeSolidaireUniteLegale: form.code === '6317' ? 'O' : 'N',
      caractereEmployeurUniteLegale: band === 'NN' || band === '00' ? 'N' : 'O',
    };
    if (row.categorieEntreprise === '') row.anneeCategorieEntreprise = '';
    legalUnits.push({ siren, row });
    establishments.push(...unitEstablishments);
  };

  if (options.extra) {
    const commune = geo.commune(options.extra.communeCode);
    const sector = SECTORS.find((s) => s.naf.some(([c]) => c === options.extra!.naf)) ?? SECTORS[0]!;
    if (commune) addUnit([{ sector, naf: options.extra.naf, commune }], options.extra);
  }

  // Group drafts into legal units: most have one establishment, about 4 % have 2–6
  // (secondary establishments nearby or, for some, in another department).
  for (let i = 0; i < drafts.length;) {
    const size = rng.chance(0.04) ? rng.int(2, 6) : 1;
    addUnit(drafts.slice(i, i + size));
    i += size;
  }
  return { legalUnits, establishments };
}

function csvCell(v: string): string {
  return /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

export function writeCsv<C extends string>(
  header: readonly C[],
  rows: Iterable<Partial<Record<C, string>>>,
  separator = ',',
): string {
  const cell = separator === ',' ? csvCell : (v: string) => v;
  const out = [header.join(separator)];
  for (const row of rows) out.push(header.map((c) => cell(row[c] ?? '')).join(separator));
  return out.join('\n') + '\n';
}

export function establishmentsCsv(sirene: DemoSirene): string {
  return writeCsv(
    ESTABLISHMENT_HEADER,
    sirene.establishments.map((e) => e.row),
  );
}

export function legalUnitsCsv(sirene: DemoSirene): string {
  return writeCsv(
    LEGAL_UNIT_HEADER,
    sirene.legalUnits.map((u) => u.row),
  );
}

/** Geolocation file (INSEE layout, `;`): WGS84 only, Lambert columns left empty. */
export function geolocationCsv(sirene: DemoSirene): string {
  const rows = sirene.establishments
    .filter((e) => e.point)
    .map((e) => ({
      siret: e.siret,
      qualite_xy: '22',
      plg_code_commune: e.commune.code,
      y_latitude: e.point!.lat.toFixed(6),
      x_longitude: e.point!.lon.toFixed(6),
    }));
  return writeCsv(GEOLOCATION_HEADER, rows, ';');
}
