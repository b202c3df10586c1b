import { Page } from '../../components/page.tsx';

export function FindPage() {
  return (
    <Page
      title="Trouver un fournisseur breton"
      lead="L'annuaire des établissements bretons est construit à partir du répertoire SIRENE de l'INSEE."
    />
  );
}
