// The five areas of the platform: navigation labels, paths and pages. An area adds
// its pages here and nowhere else.
import { lazy, type ReactElement } from 'react';

// Each area's pages are loaded when first visited: the home page does not pay for the FEC
// reader, the map or the PDF library.
const MeasurePage = lazy(() =>
  import('./pages/measure/measure-page.tsx').then((m) => ({ default: m.MeasurePage })),
);
const CommitPage = lazy(() =>
  import('./pages/commit/commit-page.tsx').then((m) => ({ default: m.CommitPage })),
);
const FindPage = lazy(() => import('./pages/find/find-page.tsx').then((m) => ({ default: m.FindPage })));
const EstablishmentPage = lazy(() =>
  import('./pages/find/establishment-page.tsx').then((m) => ({ default: m.EstablishmentPage })),
);
const ComparePage = lazy(() =>
  import('./pages/compare/compare-page.tsx').then((m) => ({ default: m.ComparePage })),
);
const AgendaPage = lazy(() =>
  import('./pages/agenda/agenda-page.tsx').then((m) => ({ default: m.AgendaPage })),
);

export interface Area {
  key: string;
  label: string;
  path: string;
  summary: string;
  routes: { path: string; element: ReactElement }[];
}

export const areas: Area[] = [
  {
    key: 'mesurer',
    label: 'Mesurer',
    path: '/mesurer',
    summary: "Calculez l'indice breton de l'achat local de votre entreprise à partir de son FEC.",
    routes: [{ path: 'mesurer', element: <MeasurePage /> }],
  },
  {
    key: 's-engager',
    label: "S'engager",
    path: '/s-engager',
    summary: 'Signez la charte « Je (re)localise mes achats en Bretagne ».',
    routes: [{ path: 's-engager', element: <CommitPage /> }],
  },
  {
    key: 'trouver',
    label: 'Trouver',
    path: '/trouver',
    summary: 'Cherchez des fournisseurs bretons dans l’annuaire issu du répertoire SIRENE.',
    routes: [
      { path: 'trouver', element: <FindPage /> },
      { path: 'trouver/etablissement/:siret', element: <EstablishmentPage /> },
    ],
  },
  {
    key: 'comparer',
    label: 'Comparer',
    path: '/comparer',
    summary: 'Comparez le coût complet d’une offre lointaine et d’une offre locale.',
    routes: [{ path: 'comparer', element: <ComparePage /> }],
  },
  {
    key: 'agenda',
    label: 'Agenda & actualités',
    path: '/agenda',
    summary: 'Ateliers, rencontres acheteurs-fournisseurs et actualités du programme.',
    routes: [{ path: 'agenda', element: <AgendaPage /> }],
  },
];
