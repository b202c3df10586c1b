// The four zones of the IBAL (Indice breton de l'achat local) and the department rules
// behind them (DESIGN.md §5). Pure rules: no data table needed.

export const IBAL_ZONES = ['bretagne', 'france', 'europe', 'world'] as const;
export type IbalZone = (typeof IBAL_ZONES)[number];

export const IBAL_ZONE_LABELS: Record<IbalZone, string> = {
  bretagne: 'Bretagne',
  france: 'France hors Bretagne',
  europe: 'Union européenne hors France',
  world: 'Hors Union européenne',
};

/** Région Bretagne (INSEE region 53): Côtes-d'Armor, Finistère, Ille-et-Vilaine, Morbihan. */
export const BRETAGNE_REGION = '53';
export const BRETAGNE_DEPARTMENTS: readonly string[] = ['22', '29', '35', '56'];

/** Loire-Atlantique: historically Breton, administratively Pays de la Loire. Shown apart, never counted in Bretagne. */
export const LOIRE_ATLANTIQUE = '44';
export type ZoneInfo = 'loire-atlantique';

/** Overseas departments and regions (DROM): part of France. */
export const OVERSEAS_DEPARTMENTS: readonly string[] = ['971', '972', '973', '974', '976'];

/**
 * Overseas collectivities and territories with a COG code: Saint-Pierre-et-Miquelon (975),
 * Saint-Barthélemy (977), Saint-Martin (978), TAAF (984), Wallis-et-Futuna (986),
 * Polynésie française (987), Nouvelle-Calédonie (988), Clipperton (989).
 * Choice: they count as France. They are French territory, their companies sit in SIRENE
 * (975, 977, 978) or in French registries, and the IBAL measures the share of spend kept
 * in the French economy — even though most of them lie outside the EU customs territory.
 */
export const OVERSEAS_COLLECTIVITIES: readonly string[] = [
  '975',
  '977',
  '978',
  '984',
  '986',
  '987',
  '988',
  '989',
];

const bretagne = new Set(BRETAGNE_DEPARTMENTS);
const overseas = new Set([...OVERSEAS_DEPARTMENTS, ...OVERSEAS_COLLECTIVITIES]);

/** Whether a code names a French department (01–95 except 20, 2A, 2B) or an overseas one. */
export function isFrenchDepartmentCode(code: string): boolean {
  if (overseas.has(code)) return true;
  if (code === '2A' || code === '2B') return true;
  return /^\d{2}$/.test(code) && code !== '00' && code !== '20' && code !== '96' && Number(code) <= 95;
}

/** The department of an INSEE commune code: 3 characters overseas (97x, 98x), 2 otherwise (2A/2B for Corsica). */
export function departmentOfCommuneCode(communeCode: string): string | undefined {
  const code = communeCode.trim().toUpperCase();
  if (!/^(\d{5}|2[AB]\d{3})$/.test(code)) return undefined;
  const dep = code.startsWith('97') || code.startsWith('98') ? code.slice(0, 3) : code.slice(0, 2);
  return isFrenchDepartmentCode(dep) ? dep : undefined;
}

/** The IBAL zone of a French department: Bretagne for 22/29/35/56, France for any other. */
export function zoneOfDepartment(departmentCode: string): 'bretagne' | 'france' {
  return bretagne.has(departmentCode) ? 'bretagne' : 'france';
}

export const isBretagneDepartment = (departmentCode: string): boolean => bretagne.has(departmentCode);
export const isOverseas = (departmentCode: string): boolean => overseas.has(departmentCode);

export function infoOfDepartment(departmentCode: string): ZoneInfo | null {
  return departmentCode === LOIRE_ATLANTIQUE ? 'loire-atlantique' : null;
}
