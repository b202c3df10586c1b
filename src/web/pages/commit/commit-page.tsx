import { Page } from '../../components/page.tsx';

export function CommitPage() {
  return (
    <Page
      title="Signer la charte « Je (re)localise mes achats en Bretagne »"
      lead="En signant, une entreprise s'engage publiquement à conduire une politique d'achats qui favorise les fournisseurs proches, et à mesurer chaque année son indice breton de l'achat local."
    >
      <h2>Les engagements</h2>
      <ol>
        <li>Mesurer son indice breton de l'achat local et le suivre dans le temps.</li>
        <li>Identifier les achats qui pourraient être confiés à des fournisseurs bretons.</li>
        <li>Consulter les fournisseurs bretons lors des appels d'offres.</li>
        <li>Raisonner en coût complet plutôt qu'en prix unitaire.</li>
      </ol>
    </Page>
  );
}
