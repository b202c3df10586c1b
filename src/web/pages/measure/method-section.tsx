// "Comment est-ce calculé ?": the method in plain words, with its identifier and version,
// the accounts counted and the sources of the facts it rests on.
import { EU_MEMBERS } from '../../../core/geo/index.ts';
import type { IbalMethod } from '../../../core/ibal/index.ts';
import { formatAccountSet, type AccountSet } from '../../../core/purchases/index.ts';

export function MethodSection({
  method,
  accounts,
}: {
  method: IbalMethod | null;
  accounts: AccountSet | null;
}) {
  return (
    <section
      aria-labelledby="comment-est-ce-calcule-titre"
      id="comment-est-ce-calcule"
      className="method"
      tabIndex={-1}
    >
      <h2 id="comment-est-ce-calcule-titre">Comment est-ce calculé ?</h2>
      <ol>
        <li>
          <strong>Lecture du fichier, dans votre navigateur.</strong> Le FEC (fichier des écritures
          comptables) est lu ligne à ligne sur votre ordinateur ; il n'est jamais envoyé. Les anomalies
          (dates, montants, colonnes) sont signalées avec leur ligne, sans bloquer le calcul.
        </li>
        <li>
          <strong>Achats retenus.</strong> Les comptes d'achats{' '}
          {accounts ? (
            <code>{formatAccountSet(accounts)}</code>
          ) : (
            <>60 (sauf 603, variation de stocks), 61 et 62</>
          )}{' '}
          du plan comptable général, en montants hors taxes : débit moins crédit, donc les avoirs viennent en
          déduction.
        </li>
        <li>
          <strong>Rattachement au fournisseur.</strong> Chaque écriture d'achat est rattachée au fournisseur
          de sa ligne 401, 403, 404 ou 408 (compte auxiliaire, ou compte fournisseur individuel) ; à plusieurs
          fournisseurs, le montant est réparti au prorata, au centime près. Sans ligne fournisseur (achat payé
          en banque), l'achat est « non attribué » et présenté avec son libellé.
        </li>
        <li>
          <strong>Localisation.</strong> Seuls le nom, le SIRET/SIREN et le code postal de chaque fournisseur
          sont envoyés à l'annuaire de la plateforme (jamais les montants), qui le situe par son établissement
          SIRENE, son code postal ou un nom proche. Une forme juridique étrangère (GmbH, Ltd…) ou une devise
          (USD, CNY…) donne une proposition de pays à confirmer. Le reste vous est demandé.
        </li>
        <li>
          <strong>Quatre zones.</strong> Bretagne (Côtes-d'Armor, Finistère, Ille-et-Vilaine, Morbihan) ;
          reste de la France, outre-mer compris ; reste de l'Union européenne ({EU_MEMBERS.value.length} États
          membres, source : {EU_MEMBERS.source}, vérifiée le {EU_MEMBERS.asOf}) ; hors Union européenne. La
          Loire-Atlantique, en Pays de la Loire, compte dans « reste de la France » et est affichée à part
          pour information.
        </li>
        <li>
          <strong>Trois pourcentages cumulés</strong>, calculés sur les achats localisés : Bretagne ; France
          (Bretagne comprise) ; Europe (France comprise). L'exemple publié par le programme : 46 % Bretagne,
          98 % France, 100 % Europe. La <strong>couverture</strong> (part des achats localisés) est toujours
          donnée à côté ; le badge n'est délivré qu'à partir de 80 % de couverture.
        </li>
      </ol>
      <p className="muted">
        Méthode {method ? <code>{`${method.id} v${method.version}`}</code> : 'IBAL'}, dérivée de la charte
        UIMM « Industriel engagé pour mon territoire ». Le même calcul est fait par la commande{' '}
        <code>relocalisons ibal FICHIER</code> : les deux donnent les mêmes montants au centime.
      </p>
    </section>
  );
}
