// The five areas of the platform: navigation labels, paths and pages. An area adds
// its pages here and nowhere else.
import type { ReactElement } from 'react';
import { MeasurePage } from './pages/measure/measure-page.tsx';
import { CommitPage } from './pages/commit/commit-page.tsx';
import { FindPage } from './pages/find/find-page.tsx';
import { EstablishmentPage } from './pages/find/establishment-page.tsx';
import { ComparePage } from './pages/compare/compare-page.tsx';
import { AgendaPage } from './pages/agenda/agenda-page.tsx';

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
