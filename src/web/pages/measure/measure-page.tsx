import { Page } from '../../components/page.tsx';

export function MeasurePage() {
  return (
    <Page
      title="Mesurer mon indice breton de l'achat local"
      lead="L'indice répartit vos achats entre la Bretagne, le reste de la France, le reste de l'Union européenne et le reste du monde, selon la localisation de chaque fournisseur."
    >
      <h2>La méthode</h2>
      <p>
        Chaque fournisseur est localisé par son établissement (SIRET) ou son code postal, puis les montants
        d'achats hors taxes sont additionnés par zone. L'indice se lit en trois pourcentages cumulés : part
        Bretagne, part France (Bretagne comprise) et part Europe (France comprise).
      </p>
    </Page>
  );
}
