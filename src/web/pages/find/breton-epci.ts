// EPCI (intercommunalités) with at least one commune in Brittany (22, 29, 35, 56), for the place picker of
// « Trouver un fournisseur ». The reference API has no EPCI search and the full list (4 MB) is too heavy
// for the browser, so the few Breton ones are kept here.
// Source: @etalab/decoupage-administratif 6.0.0, data/epci.json (MIT), extracted on 2026-11-26;
// breton-epci.test.ts checks this list against the installed package, so an update shows up.

export interface BretonEpci {
  /** SIREN of the EPCI. */
  code: string;
  name: string;
  departments: string[];
  communes: number;
}

export const bretonEpcis: BretonEpci[] = [
  { code: '242900314', name: 'Brest Métropole', departments: ['29'], communes: 8 },
  { code: '242900769', name: 'CA Concarneau Cornouaille Agglomération', departments: ['29'], communes: 9 },
  {
    code: '244400610',
    name: "CA de la Presqu'île de Guérande Atlantique (Cap Atlantique)",
    departments: ['44', '56'],
    communes: 15,
  },
  { code: '200068989', name: 'CA Dinan Agglomération', departments: ['22'], communes: 64 },
  { code: '242900801', name: 'CA du Pays de Landerneau-Daoulas', departments: ['29'], communes: 22 },
  { code: '243500782', name: 'CA du Pays de Saint Malo Agglomération', departments: ['35'], communes: 18 },
  { code: '200072452', name: 'CA Fougères Agglomération', departments: ['35'], communes: 28 },
  {
    code: '200067932',
    name: 'CA Golfe du Morbihan - Vannes Agglomération',
    departments: ['56'],
    communes: 34,
  },
  {
    code: '200067981',
    name: "CA Guingamp-Paimpol Agglomération de l'Armor à l'Argoat",
    departments: ['22'],
    communes: 57,
  },
  { code: '200069391', name: 'CA Lamballe Terre et Mer', departments: ['22'], communes: 38 },
  { code: '200065928', name: 'CA Lannion-Trégor Communauté', departments: ['22'], communes: 57 },
  { code: '200042174', name: 'CA Lorient Agglomération', departments: ['56'], communes: 25 },
  { code: '242900835', name: 'CA Morlaix Communauté', departments: ['29'], communes: 26 },
  { code: '200068120', name: 'CA Quimper Bretagne Occidentale', departments: ['29'], communes: 14 },
  { code: '242900694', name: 'CA Quimperlé Communauté', departments: ['29'], communes: 16 },
  { code: '243500741', name: 'CA Redon Agglomération', departments: ['35', '44', '56'], communes: 31 },
  { code: '200069409', name: 'CA Saint-Brieuc Armor Agglomération', departments: ['22'], communes: 32 },
  { code: '200039022', name: 'CA Vitré Communauté', departments: ['35'], communes: 46 },
  { code: '200027027', name: 'CC Arc Sud Bretagne', departments: ['56'], communes: 12 },
  { code: '200043123', name: 'CC Auray Quiberon Terre Atlantique', departments: ['56'], communes: 24 },
  { code: '200096675', name: 'CC Baud Communauté', departments: ['56'], communes: 6 },
  { code: '245600440', name: 'CC Blavet Bellevue Océan', departments: ['56'], communes: 5 },
  { code: '200070662', name: 'CC Bretagne Porte de Loire Communauté', departments: ['35'], communes: 20 },
  { code: '243500733', name: 'CC Bretagne Romantique', departments: ['35'], communes: 25 },
  { code: '243500618', name: 'CC Brocéliande Communauté', departments: ['35'], communes: 8 },
  { code: '242900629', name: 'CC Cap Sizun - Pointe du Raz', departments: ['29'], communes: 10 },
  { code: '200096683', name: 'CC Centre Morbihan Communauté', departments: ['56'], communes: 12 },
  { code: '242900793', name: 'CC Communauté Lesneven Côte des Légendes', departments: ['29'], communes: 14 },
  { code: '243500725', name: "CC Côte d'Emeraude", departments: ['22', '35'], communes: 8 },
  { code: '200070688', name: 'CC Couesnon Marches de Bretagne', departments: ['35'], communes: 15 },
  { code: '245600465', name: 'CC de Belle Ile en Mer', departments: ['56'], communes: 4 },
  { code: '242900561', name: 'CC de Haute Cornouaille', departments: ['29'], communes: 11 },
  { code: '200066785', name: "CC de l'Oust à Brocéliande", departments: ['56'], communes: 26 },
  { code: '200038990', name: 'CC de Saint-Méen Montauban', departments: ['35'], communes: 17 },
  { code: '242900645', name: 'CC Douarnenez Communauté', departments: ['29'], communes: 5 },
  { code: '242900710', name: 'CC du Haut Pays Bigouden', departments: ['29'], communes: 10 },
  { code: '242200715', name: 'CC du Kreiz-Breizh (CCKB)', departments: ['22'], communes: 23 },
  { code: '242900702', name: 'CC du Pays Bigouden Sud', departments: ['29'], communes: 12 },
  { code: '242900074', name: "CC du Pays d'Iroise", departments: ['29'], communes: 19 },
  {
    code: '200070670',
    name: 'CC du Pays de Dol et de la Baie du Mont Saint-Michel',
    departments: ['35'],
    communes: 19,
  },
  { code: '242900751', name: 'CC du Pays de Landivisiau', departments: ['29'], communes: 19 },
  { code: '242900553', name: 'CC du Pays des Abers', departments: ['29'], communes: 13 },
  { code: '242900660', name: 'CC du Pays Fouesnantais', departments: ['29'], communes: 7 },
  { code: '200067072', name: 'CC Haut-Léon Communauté', departments: ['29'], communes: 14 },
  { code: '200069086', name: 'CC Leff Armor Communauté', departments: ['22'], communes: 27 },
  { code: '243500774', name: 'CC Liffré-Cormier Communauté', departments: ['35'], communes: 9 },
  { code: '200067460', name: 'CC Loudéac Communauté - Bretagne Centre', departments: ['22'], communes: 38 },
  { code: '243500550', name: 'CC Montfort Communauté', departments: ['35'], communes: 8 },
  { code: '200067197', name: "CC Monts d'Arrée Communauté", departments: ['29'], communes: 12 },
  { code: '243500659', name: 'CC Pays de Châteaugiron Communauté', departments: ['35'], communes: 5 },
  { code: '200067247', name: 'CC Pleyben-Châteaulin-Porzay', departments: ['29'], communes: 17 },
  { code: '200066777', name: 'CC Ploërmel Communauté', departments: ['56'], communes: 30 },
  { code: '242900744', name: 'CC Poher Communauté', departments: ['22', '29'], communes: 11 },
  { code: '245614433', name: 'CC Pontivy Communauté', departments: ['22', '56'], communes: 24 },
  { code: '200066868', name: "CC Presqu'île de Crozon-Aulne maritime", departments: ['29'], communes: 10 },
  { code: '245614383', name: 'CC Questembert Communauté', departments: ['56'], communes: 13 },
  { code: '243500634', name: 'CC Roche aux Fées Communauté', departments: ['35'], communes: 16 },
  { code: '245614417', name: 'CC Roi Morvan Communauté', departments: ['56'], communes: 21 },
  { code: '243500667', name: "CC Val d'Ille-Aubigné", departments: ['35'], communes: 19 },
  { code: '200043990', name: 'CC Vallons de Haute-Bretagne Communauté', departments: ['35'], communes: 18 },
  { code: '243500139', name: 'Rennes Métropole', departments: ['35'], communes: 43 },
];

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

const folded = bretonEpcis.map((e) => ({ epci: e, words: fold(e.name).split(' ') }));

/** EPCI whose name has a word starting with each typed word: « quimperle » → CA Quimperlé Communauté. */
export function matchEpcis(q: string, limit = 3): BretonEpci[] {
  const typed = fold(q).split(' ').filter(Boolean);
  if (typed.length === 0) return [];
  return folded
    .filter(({ words }) => typed.every((t) => words.some((w) => w.startsWith(t))))
    .slice(0, limit)
    .map(({ epci }) => epci);
}
