import { Page } from '../../components/page.tsx';

export function ComparePage() {
  return (
    <Page
      title="Comparer deux offres en coût complet"
      lead="Le prix unitaire ne dit pas tout : transport, droits de douane, stocks, qualité, risques et carbone font souvent la différence."
    />
  );
}
