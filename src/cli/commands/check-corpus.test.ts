import { describe, expect, it } from 'vitest';
import { describeSupplierCoverage } from './check-corpus.ts';

describe('check-corpus: purchases tied to a supplier line', () => {
  it('gives the tied and untied amounts beside the share', () => {
    const line = describeSupplierCoverage(100_000_00, 97_500_00);
    expect(line).toMatch(/dont 97\s500,00\s€ \(97,5 %\) dans une écriture avec une ligne fournisseur/);
    expect(line).toMatch(/et 2\s500,00\s€ sans ligne fournisseur/);
  });

  it('explains a share above 100 % by the net credit booked without a supplier', () => {
    const line = describeSupplierCoverage(37_906_39, 38_740_00);
    expect(line).toMatch(/\(102,2 %\)/);
    expect(line).toMatch(/-833,61\s€ net sans ligne fournisseur \(extournes ou avoirs/);
  });

  it('says nothing when the file has no purchases', () => {
    expect(describeSupplierCoverage(0, 0)).toBeUndefined();
  });
});
