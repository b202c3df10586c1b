// Builders of SIRENE files in the official layouts (INSEE stock files, 2019 and after), for
// tests and benchmarks: rows are given by column name, every other column is left empty.

/** The 53 columns of StockEtablissement (2024 layout); late-2025 files add activitePrincipaleNAF25Etablissement. */
export const establishmentHeader53 = [
  'siren',
  'nic',
  'siret',
  'statutDiffusionEtablissement',
  'dateCreationEtablissement',
  'trancheEffectifsEtablissement',
  'anneeEffectifsEtablissement',
  'activitePrincipaleRegistreMetiersEtablissement',
  'dateDernierTraitementEtablissement',
  'etablissementSiege',
  'nombrePeriodesEtablissement',
  'complementAdresseEtablissement',
  'numeroVoieEtablissement',
  'indiceRepetitionEtablissement',
  'dernierNumeroVoieEtablissement',
  'indiceRepetitionDernierNumeroVoieEtablissement',
  'typeVoieEtablissement',
  'libelleVoieEtablissement',
  'codePostalEtablissement',
  'libelleCommuneEtablissement',
  'libelleCommuneEtrangerEtablissement',
  'distributionSpecialeEtablissement',
  'codeCommuneEtablissement',
  'codeCedexEtablissement',
  'libelleCedexEtablissement',
  'codePaysEtrangerEtablissement',
  'libellePaysEtrangerEtablissement',
  'identifiantAdresseEtablissement',
  'coordonneeLambertAbscisseEtablissement',
  'coordonneeLambertOrdonneeEtablissement',
  'complementAdresse2Etablissement',
  'numeroVoie2Etablissement',
  'indiceRepetition2Etablissement',
  'typeVoie2Etablissement',
  'libelleVoie2Etablissement',
  'codePostal2Etablissement',
  'libelleCommune2Etablissement',
  'libelleCommuneEtranger2Etablissement',
  'distributionSpeciale2Etablissement',
  'codeCommune2Etablissement',
  'codeCedex2Etablissement',
  'libelleCedex2Etablissement',
  'codePaysEtranger2Etablissement',
  'libellePaysEtranger2Etablissement',
  'dateDebut',
  'etatAdministratifEtablissement',
  'enseigne1Etablissement',
  'enseigne2Etablissement',
  'enseigne3Etablissement',
  'denominationUsuelleEtablissement',
  'activitePrincipaleEtablissement',
  'nomenclatureActivitePrincipaleEtablissement',
  'caractereEmployeurEtablissement',
] as const;
export const establishmentHeader54 = [
  ...establishmentHeader53,
  'activitePrincipaleNAF25Etablissement',
] as const;

/** The 33 columns of StockUniteLegale. */
export const legalUnitHeader = [
  'siren',
  'statutDiffusionUniteLegale',
  'unitePurgeeUniteLegale',
  'dateCreationUniteLegale',
  'sigleUniteLegale',
  'sexeUniteLegale',
  'prenom1UniteLegale',
  'prenom2UniteLegale',
  'prenom3UniteLegale',
  'prenom4UniteLegale',
  'prenomUsuelUniteLegale',
  'pseudonymeUniteLegale',
  'identifiantAssociationUniteLegale',
  'trancheEffectifsUniteLegale',
  'anneeEffectifsUniteLegale',
  'dateDernierTraitementUniteLegale',
  'nombrePeriodesUniteLegale',
  'categorieEntreprise',
  'anneeCategorieEntreprise',
  'dateDebut',
  'etatAdministratifUniteLegale',
  'nomUniteLegale',
  'nomUsageUniteLegale',
  'denominationUniteLegale',
  'denominationUsuelle1UniteLegale',
  'denominationUsuelle2UniteLegale',
  'denominationUsuelle3UniteLegale',
  'categorieJuridiqueUniteLegale',
  'activitePrincipaleUniteLegale',
  'nomenclatureActivitePrincipaleUniteLegale',
  'nicSiegeUniteLegale',
  'economieSocialeSolidaireUniteLegale',
  'caractereEmployeurUniteLegale',
] as const;

export type EstablishmentColumn = (typeof establishmentHeader54)[number];
export type LegalUnitColumn = (typeof legalUnitHeader)[number];

function csvCell(v: string): string {
  return /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

export function csvLine(
  header: readonly string[],
  values: Readonly<Record<string, string | undefined>>,
): string {
  return header.map((c) => csvCell(values[c] ?? '')).join(',');
}

export function csvFile(
  header: readonly string[],
  rows: readonly Readonly<Record<string, string | undefined>>[],
): string {
  return [header.join(','), ...rows.map((r) => csvLine(header, r))].join('\n') + '\n';
}

/** An establishment row with sensible defaults: active, public, NAF rev. 2. */
export function establishment(
  values: Partial<Record<EstablishmentColumn, string>> & { siret: string },
): Record<string, string> {
  return {
    siren: values.siret.slice(0, 9),
    nic: values.siret.slice(9),
    statutDiffusionEtablissement: 'O',
    etablissementSiege: 'true',
    etatAdministratifEtablissement: 'A',
    nomenclatureActivitePrincipaleEtablissement: 'NAFRev2',
    dateCreationEtablissement: '2010-01-01',
    ...values,
  };
}

export function legalUnit(
  values: Partial<Record<LegalUnitColumn, string>> & { siren: string },
): Record<string, string> {
  return { statutDiffusionUniteLegale: 'O', etatAdministratifUniteLegale: 'A', ...values };
}

/**
 * A small Breton directory for tests, one quirk per row. Returns the two CSV files' contents.
 * SIRETs follow the Luhn rule like real ones.
 */
export function breizhScenario(options: { naf25?: boolean } = {}): {
  establishments: string;
  legalUnits: string;
} {
  const header = options.naf25 ? establishmentHeader54 : establishmentHeader53;
  const rows = [
    // Chaudronnerie in Landerneau (head office), and its closed workshop in Morlaix.
    establishment({
      siret: S.chaudronnerie,
      activitePrincipaleEtablissement: '25.29Z',
      codeCommuneEtablissement: '29103',
      libelleCommuneEtablissement: 'LANDERNEAU',
      codePostalEtablissement: '29800',
      numeroVoieEtablissement: '12',
      typeVoieEtablissement: 'RUE',
      libelleVoieEtablissement: 'DE LA FONDERIE',
      trancheEffectifsEtablissement: '12',
      anneeEffectifsEtablissement: '2023',
      activitePrincipaleNAF25Etablissement: '25.29Y',
    }),
    establishment({
      siret: S.chaudronnerieMorlaix,
      etablissementSiege: 'false',
      etatAdministratifEtablissement: 'F',
      activitePrincipaleEtablissement: '25.29Z',
      codeCommuneEtablissement: '29151',
      libelleCommuneEtablissement: 'MORLAIX',
      codePostalEtablissement: '29600',
    }),
    // A bakery in Quimper known by its enseigne.
    establishment({
      siret: S.boulangerie,
      activitePrincipaleEtablissement: '10.71C',
      codeCommuneEtablissement: '29232',
      libelleCommuneEtablissement: 'QUIMPER',
      codePostalEtablissement: '29000',
      enseigne1Etablissement: 'AUX DÉLICES DE L’ODET',
      trancheEffectifsEtablissement: '02',
      anneeEffectifsEtablissement: '2022',
    }),
    // Packaging maker in Rennes with a sigle, and Lambert-93 coordinates in the file.
    establishment({
      siret: S.emballages,
      activitePrincipaleEtablissement: '22.22Z',
      codeCommuneEtablissement: '35238',
      libelleCommuneEtablissement: 'RENNES',
      codePostalEtablissement: '35000',
      coordonneeLambertAbscisseEtablissement: '351900',
      coordonneeLambertOrdonneeEtablissement: '6789300',
      trancheEffectifsEtablissement: '21',
      anneeEffectifsEtablissement: '2023',
    }),
    // A sole trader with partial diffusion: no address, no person name.
    establishment({
      siret: S.artisan,
      statutDiffusionEtablissement: 'P',
      activitePrincipaleEtablissement: '43.22A',
      codeCommuneEtablissement: '56121',
      libelleCommuneEtablissement: 'LORIENT',
      codePostalEtablissement: '[ND]',
      numeroVoieEtablissement: '[ND]',
      libelleVoieEtablissement: '[ND]',
      coordonneeLambertAbscisseEtablissement: '[ND]',
      coordonneeLambertOrdonneeEtablissement: '[ND]',
      enseigne1Etablissement: 'PLOMBERIE DU SCORFF',
    }),
    // Old nomenclature only, unknown commune code (no coordinates).
    establishment({
      siret: S.ancien,
      activitePrincipaleEtablissement: '28.5D',
      nomenclatureActivitePrincipaleEtablissement: 'NAFRev1',
      codeCommuneEtablissement: '22999',
      libelleCommuneEtablissement: 'COMMUNE INCONNUE',
    }),
    // Abroad and outside Brittany: skipped by default.
    establishment({
      siret: S.etranger,
      etablissementSiege: 'false',
      activitePrincipaleEtablissement: '25.29Z',
      codePaysEtrangerEtablissement: '99109',
      libellePaysEtrangerEtablissement: 'ALLEMAGNE',
      libelleCommuneEtrangerEtablissement: 'HAMBURG',
    }),
    establishment({
      siret: S.nantes,
      activitePrincipaleEtablissement: '25.29Z',
      codeCommuneEtablissement: '44109',
      libelleCommuneEtablissement: 'NANTES',
      codePostalEtablissement: '44000',
    }),
  ];
  const units = [
    legalUnit({ siren: S.chaudronnerie.slice(0, 9), denominationUniteLegale: 'CHAUDRONNERIE DU LÉON' }),
    legalUnit({ siren: S.boulangerie.slice(0, 9), denominationUniteLegale: 'BOULANGERIE LE GOFF' }),
    legalUnit({
      siren: S.emballages.slice(0, 9),
      denominationUniteLegale: 'ARMOR EMBALLAGES INDUSTRIE',
      sigleUniteLegale: 'A.E.I.',
    }),
    legalUnit({
      siren: S.artisan.slice(0, 9),
      statutDiffusionUniteLegale: 'P',
      nomUniteLegale: '[ND]',
      prenomUsuelUniteLegale: '[ND]',
    }),
    legalUnit({ siren: S.ancien.slice(0, 9), nomUniteLegale: 'KERGOAT', prenomUsuelUniteLegale: 'YANN' }),
    legalUnit({ siren: S.etranger.slice(0, 9), denominationUniteLegale: 'HANSE KESSELBAU' }),
    legalUnit({ siren: S.nantes.slice(0, 9), denominationUniteLegale: 'CHAUDRONNERIE NANTAISE' }),
  ];
  return { establishments: csvFile(header, rows), legalUnits: csvFile(legalUnitHeader, units) };
}

/** SIRETs of breizhScenario (Luhn-valid). */
export const S = {
  chaudronnerie: '12345678200010',
  chaudronnerieMorlaix: '12345678200028',
  boulangerie: '23456789900013',
  emballages: '34567891600015',
  artisan: '45678912200011',
  ancien: '56789123900012',
  etranger: '67891234600015',
  nantes: '78912345200011',
} as const;
