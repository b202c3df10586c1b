// The 21 sections of NAF rev. 2, by division ranges. Written by hand: @socialgouv/codes-naf
// ships divisions, groups, classes and sub-classes but not sections.
import type { Sourced } from '../geo/index.ts';

export interface NafSectionDefinition {
  code: string;
  label: string;
  /** First and last division (two digits) of the section. */
  divisions: readonly [string, string];
}

export const NAF_SECTIONS: Sourced<readonly NafSectionDefinition[]> = {
  value: [
    { code: 'A', label: 'Agriculture, sylviculture et pêche', divisions: ['01', '03'] },
    { code: 'B', label: 'Industries extractives', divisions: ['05', '09'] },
    { code: 'C', label: 'Industrie manufacturière', divisions: ['10', '33'] },
    {
      code: 'D',
      label: "Production et distribution d'électricité, de gaz, de vapeur et d'air conditionné",
      divisions: ['35', '35'],
    },
    {
      code: 'E',
      label: "Production et distribution d'eau ; assainissement, gestion des déchets et dépollution",
      divisions: ['36', '39'],
    },
    { code: 'F', label: 'Construction', divisions: ['41', '43'] },
    { code: 'G', label: "Commerce ; réparation d'automobiles et de motocycles", divisions: ['45', '47'] },
    { code: 'H', label: 'Transports et entreposage', divisions: ['49', '53'] },
    { code: 'I', label: 'Hébergement et restauration', divisions: ['55', '56'] },
    { code: 'J', label: 'Information et communication', divisions: ['58', '63'] },
    { code: 'K', label: "Activités financières et d'assurance", divisions: ['64', '66'] },
    { code: 'L', label: 'Activités immobilières', divisions: ['68', '68'] },
    { code: 'M', label: 'Activités spécialisées, scientifiques et techniques', divisions: ['69', '75'] },
    { code: 'N', label: 'Activités de services administratifs et de soutien', divisions: ['77', '82'] },
    { code: 'O', label: 'Administration publique', divisions: ['84', '84'] },
    { code: 'P', label: 'Enseignement', divisions: ['85', '85'] },
    { code: 'Q', label: 'Santé humaine et action sociale', divisions: ['86', '88'] },
    { code: 'R', label: 'Arts, spectacles et activités récréatives', divisions: ['90', '93'] },
    { code: 'S', label: 'Autres activités de services', divisions: ['94', '96'] },
    {
      code: 'T',
      label:
        "Activités des ménages en tant qu'employeurs ; activités indifférenciées des ménages en tant que producteurs de biens et services pour usage propre",
      divisions: ['97', '98'],
    },
    { code: 'U', label: 'Activités extra-territoriales', divisions: ['99', '99'] },
  ],
  source:
    'INSEE, Nomenclature d’activités française NAF rév. 2 (décret n° 2007-1888 du 26 décembre 2007), insee.fr/fr/information/2406147',
  asOf: '2026-11-26',
  // NAF 2025 replaces rev. 2 on 2027-01-01: the tree must be reviewed then.
  reviewBy: '2027-01-01',
};
