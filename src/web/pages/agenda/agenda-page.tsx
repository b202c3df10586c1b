import { Page } from '../../components/page.tsx';

export function AgendaPage() {
  return (
    <Page
      title="Agenda & actualités"
      lead="Ateliers, rencontres acheteurs-fournisseurs et actualités du programme Relocalisons.bzh."
    >
      <p>Aucun événement n'est publié pour le moment.</p>
    </Page>
  );
}
