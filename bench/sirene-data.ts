// Synthetic SIRENE stock files for the benchmarks: invented companies in real Breton communes,
// in the official layouts, written as a stream (a million rows never sit in memory).
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { createRequire } from 'node:module';
import { withLuhnDigit } from '../src/core/shared/index.ts';
import { mulberry32 } from '../src/db/demo/prng.ts';
import {
  establishment,
  establishmentHeader54,
  csvLine,
  legalUnit,
  legalUnitHeader,
} from '../src/db/sirene/fixtures.ts';

const require = createRequire(import.meta.url);

/** The demo generator's deterministic PRNG (mulberry32). */
export const rng = mulberry32;

export const TRADES = [
  ['CHAUDRONNERIE', '25.29Z'],
  ['MENUISERIE', '16.23Z'],
  ['BOULANGERIE', '10.71C'],
  ['USINAGE', '25.62B'],
  ['MECANIQUE', '25.62B'],
  ['TRANSPORTS', '49.41A'],
  ['CONSERVERIE', '10.20Z'],
  ['EMBALLAGES', '22.22Z'],
  ['IMPRIMERIE', '18.12Z'],
  ['ELECTRICITE', '43.21A'],
  ['PLOMBERIE', '43.22A'],
  ['MACONNERIE', '43.99C'],
  ['INFORMATIQUE', '62.01Z'],
  ['CONSEIL', '70.22Z'],
  ['NETTOYAGE', '81.21Z'],
  ['GARAGE', '45.20A'],
  ['LOGISTIQUE', '52.29B'],
  ['BRASSERIE', '11.05Z'],
  ['CREPERIE', '56.10A'],
  ['CHARPENTE', '43.91A'],
] as const;
export const PLACES = [
  'ARMOR',
  'BREIZH',
  'IROISE',
  'LEON',
  'TREGOR',
  'CORNOUAILLE',
  'ODET',
  'RANCE',
  'VILAINE',
  'BLAVET',
  'GOELO',
  'PENTHIEVRE',
  'AULNE',
  'ELORN',
  'SCORFF',
  'OUEST',
  'ATLANTIQUE',
  'MORBIHAN',
  'KREIZ',
  'AR MOR',
];
export const FAMILY = [
  'LE GOFF',
  'LE BRIS',
  'TANGUY',
  'KERBRAT',
  'LE GALL',
  'MORVAN',
  'GUEGUEN',
  'LE ROUX',
  'QUEMENER',
  'JEZEQUEL',
  'CARADEC',
  'PRIGENT',
  'LE BIHAN',
  'RIOU',
  'NEDELEC',
  'OLLIVIER',
  'SALAUN',
  'LE FLOCH',
  'HENAFF',
  'CORRE',
];

interface Commune {
  code: string;
  nom: string;
  codesPostaux?: string[];
  departement?: string;
  type: string;
}

export function bretonCommunes(): Commune[] {
  const all = require('@etalab/decoupage-administratif/data/communes.json') as Commune[];
  return all.filter(
    (c) => c.type === 'commune-actuelle' && ['22', '29', '35', '56'].includes(c.departement ?? ''),
  );
}

/** Writes a StockEtablissement (54 columns) and a StockUniteLegale file of `rows` establishments. */
export async function writeSyntheticSirene(
  establishmentsPath: string,
  legalUnitsPath: string,
  rows: number,
  seed = 53,
): Promise<{ companies: number }> {
  const random = rng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const communes = bretonCommunes();
  const etab = createWriteStream(establishmentsPath);
  const units = createWriteStream(legalUnitsPath);
  const write = async (stream: ReturnType<typeof createWriteStream>, text: string) => {
    if (!stream.write(text)) await once(stream, 'drain');
  };
  await write(etab, establishmentHeader54.join(',') + '\n');
  await write(units, legalUnitHeader.join(',') + '\n');
  let written = 0;
  let company = 0;
  let etabBuffer = '';
  let unitBuffer = '';
  while (written < rows) {
    company++;
    const siren = withLuhnDigit(String(10_000_000 + company).padStart(8, '0'));
    const [trade, naf] = pick(TRADES);
    const person = random() < 0.25;
    const name = person ? '' : `${trade} ${random() < 0.5 ? pick(PLACES) : pick(FAMILY)}`;
    unitBuffer +=
      csvLine(
        legalUnitHeader,
        legalUnit({
          siren,
          denominationUniteLegale: name,
          nomUniteLegale: person ? pick(FAMILY) : '',
          prenomUsuelUniteLegale: person
            ? pick(['YANN', 'MAIWENN', 'ERWAN', 'NOLWENN', 'GWENAEL', 'ANNE'])
            : '',
          sigleUniteLegale: !person && random() < 0.1 ? `${trade[0]}${pick(PLACES)[0]}${company % 10}` : '',
          statutDiffusionUniteLegale: random() < 0.05 ? 'P' : 'O',
        }),
      ) + '\n';
    const count = Math.min(rows - written, 1 + (random() < 0.2 ? Math.floor(random() * 4) : 0));
    for (let i = 1; i <= count; i++) {
      const commune = pick(communes);
      const siret = withLuhnDigit(`${siren}${String(i).padStart(4, '0')}`);
      etabBuffer +=
        csvLine(
          establishmentHeader54,
          establishment({
            siret,
            etablissementSiege: i === 1 ? 'true' : 'false',
            etatAdministratifEtablissement: random() < 0.3 ? 'F' : 'A',
            statutDiffusionEtablissement: random() < 0.05 ? 'P' : 'O',
            activitePrincipaleEtablissement: naf,
            codeCommuneEtablissement: commune.code,
            libelleCommuneEtablissement: commune.nom.toUpperCase(),
            codePostalEtablissement: commune.codesPostaux?.[0] ?? '',
            numeroVoieEtablissement: String(1 + Math.floor(random() * 120)),
            typeVoieEtablissement: pick(['RUE', 'AV', 'ZA', 'RTE', 'PL']),
            libelleVoieEtablissement: pick([
              'DE BREST',
              'DU PORT',
              'JEAN JAURES',
              'DE LA GARE',
              'DES ARTISANS',
              'DE KERLANN',
            ]),
            trancheEffectifsEtablissement: pick(['NN', '00', '01', '02', '03', '11', '12', '21', '22', '31']),
            anneeEffectifsEtablissement: '2023',
            enseigne1Etablissement:
              random() < 0.15 ? `${pick(['AUX', 'CHEZ', 'LES ATELIERS DE'])} ${pick(PLACES)}` : '',
          }),
        ) + '\n';
      written++;
    }
    if (etabBuffer.length > 1 << 20) {
      await write(etab, etabBuffer);
      await write(units, unitBuffer);
      etabBuffer = '';
      unitBuffer = '';
    }
  }
  await write(etab, etabBuffer);
  await write(units, unitBuffer);
  etab.end();
  units.end();
  await Promise.all([once(etab, 'finish'), once(units, 'finish')]);
  return { companies: company };
}
