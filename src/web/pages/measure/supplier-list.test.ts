import { describe, expect, it } from 'vitest';
import { SupplierListError, readSupplierListBytes } from './supplier-list.ts';

const csv = (text: string) => new TextEncoder().encode(text);

describe('a supplier list dropped on the page', () => {
  it('whose columns are not recognised asks for the mapping with the file’s headers, then reads with it', async () => {
    const bytes = csv('Tiers X;Valeur;Zone\nArmor;10;29200\n');
    const refused = await readSupplierListBytes(bytes, 'achats.csv').catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(SupplierListError);
    expect((refused as SupplierListError).headers).toEqual(['Tiers X', 'Valeur', 'Zone']);

    const read = await readSupplierListBytes(bytes, 'achats.csv', { amount: 'Valeur', postalCode: 2 });
    expect(read.purchases.suppliers.map((s) => [s.name, s.amountCents])).toEqual([['Armor', 1_000]]);
  });

  it('that is neither a FEC nor a list says so with the file name, without offering a mapping', async () => {
    const refused = await readSupplierListBytes(new Uint8Array(), 'vide.csv').catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(SupplierListError);
    expect((refused as SupplierListError).message).toMatch(/« vide\.csv » n'a pas pu être lu/);
    expect((refused as SupplierListError).headers).toBeUndefined();
  });
});
