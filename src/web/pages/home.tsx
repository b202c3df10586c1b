import { Link } from 'react-router-dom';
import { areas } from '../areas.tsx';
import { Page } from '../components/page.tsx';

export function HomePage() {
  return (
    <Page
      title="Acheter en Bretagne, c'est possible — et mesurable"
      lead="Relocalisons.bzh aide les entreprises bretonnes à confier davantage de leurs achats à des fournisseurs de Bretagne, de France et d'Europe. On y mesure où part l'argent des achats, on s'y engage publiquement, on y trouve des fournisseurs proches et on y compare le vrai coût des offres."
    >
      <section aria-labelledby="potentiel" className="highlight">
        <h2 id="potentiel">Pourquoi s'y intéresser</h2>
        <p>
          Une étude menée pour la Région en 2021 a estimé ce que représenterait la relocalisation d'une partie
          des achats des entreprises bretonnes : un potentiel de <strong>130 000 emplois</strong> et de{' '}
          <strong>5 milliards d'euros de PIB</strong> à l'horizon 2030. Chaque commande passée à un
          fournisseur proche fait vivre un atelier, une usine ou un bureau d'études de la région.
        </p>
      </section>

      <section aria-labelledby="axes">
        <h2 id="axes">Trois axes d'action</h2>
        <ol className="cards three">
          <li className="card">
            <h3>Sensibiliser</h3>
            <p>
              Montrer aux dirigeants, acheteurs et responsables RSE ce que pèsent leurs achats hors de
              Bretagne, avec un indicateur simple : l'indice breton de l'achat local.
            </p>
          </li>
          <li className="card">
            <h3>Rapprocher acheteurs et fournisseurs</h3>
            <p>
              Faire connaître l'offre bretonne : annuaire des fournisseurs, demandes de sourcing, rencontres
              d'affaires et mises en relation.
            </p>
          </li>
          <li className="card">
            <h3>Accompagner les relocalisations</h3>
            <p>
              Aider à décider sur le coût complet plutôt que sur le seul prix unitaire, puis suivre pas à pas
              un parcours de relocalisation.
            </p>
          </li>
        </ol>
      </section>

      <section aria-labelledby="espaces">
        <h2 id="espaces">Ce que vous pouvez faire ici</h2>
        <ul className="cards">
          {areas.map((a) => (
            <li key={a.key} className="card">
              <h3>
                <Link to={a.path}>{a.label}</Link>
              </h3>
              <p>{a.summary}</p>
            </li>
          ))}
        </ul>
      </section>
    </Page>
  );
}
