import { zipSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parseAmountCents, readSupplierList, supplierListFromRows } from './index.ts';

const win1252 = (text: string): Uint8Array =>
  Uint8Array.from(
    [...text].map((c) => ({ é: 0xe9, è: 0xe8, ç: 0xe7, '€': 0x80, '’': 0x92 })[c] ?? c.charCodeAt(0)),
  );

describe('supplier list (CSV/XLSX) → spend per supplier', () => {
  it('reads a French Excel CSV export: semicolons, decimal comma, Windows-1252, columns found by their headers', async () => {
    const csv = win1252(
      'Raison sociale;Code postal;Pays;Montant HT (€);SIRET\r\n' +
        'Conserverie de Pont-l’Abbé;29120;France;12 500,50;\r\n' +
        'Müller Verpackung GmbH;;Allemagne;3 000,00;\r\n' +
        'Emballages Réunis;44000;;1.200,00;73282932000074\r\n' +
        'Emballages Réunis;44000;;-200,00;73282932000074\r\n',
    );
    const r = await readSupplierList(csv);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.problems).toEqual([]);
    expect(r.value.purchases.suppliers.map((s) => [s.key, s.name, s.amountCents])).toEqual([
      ['list:conserverie pont abbe', 'Conserverie de Pont-l’Abbé', 1_250_050],
      ['list:muller verpackung', 'Müller Verpackung GmbH', 300_000],
      ['list:73282932000074', 'Emballages Réunis', 100_000],
    ]);
    const reunis = r.value.purchases.suppliers[2];
    expect(reunis?.identifiers).toMatchObject({
      siret: ['73282932000074'],
      siren: ['732829320'],
      postalCodes: ['44000'],
    });
    expect(reunis?.entryCount).toBe(2);
    expect(r.value.purchases.totalCents).toBe(1_650_050);
  });

  it('reports bad cells in French with line and column, and keeps reading', async () => {
    const csv = new TextEncoder().encode(
      'Fournisseur\tMontant\tSIRET\n' +
        'Armor\t1000\t12345678901234\n' +
        'Breizh\tdouze\t\n' +
        '\t50\t\n' +
        'Kernevel\t250,5\t\n',
    );
    const r = await readSupplierList(csv);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.problems.map((p) => [p.line, p.column, p.code])).toEqual([
      [2, 'SIRET', 'siret'],
      [3, 'Montant', 'amount'],
      [4, 'Fournisseur', 'name'],
    ]);
    expect(r.value.problems[1]?.message).toBe(
      'Ligne 3, colonne « Montant » : montant « douze » illisible ; ligne ignorée. Écrivez-le comme 1 234,56.',
    );
    expect(r.value.purchases.suppliers.map((s) => s.amountCents)).toEqual([100_000, 25_050]);
  });

  it('asks for the column mapping when headers differ, and follows it', () => {
    const rows = [
      ['Tiers X', 'Valeur', 'Zone'],
      ['Armor', '10', '29200'],
    ];
    const refused = supplierListFromRows(rows);
    expect(refused.ok).toBe(false);
    if (!refused.ok)
      expect(refused.error.message).toMatch(
        /Colonne « Montant HT » introuvable parmi « Tiers X », « Valeur », « Zone »/,
      );
    const r = supplierListFromRows(rows, { mapping: { amount: 'Valeur', postalCode: 2 } });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.mapping).toMatchObject({ name: 0, amount: 1, postalCode: 2 });
    expect(r.value.purchases.suppliers[0]?.identifiers.postalCodes).toEqual(['29200']);
  });

  it('reads an XLSX workbook, numbers as numbers, with a title row above the headers', async () => {
    const sheet =
      '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' +
      '<row r="1"><c r="A1" t="inlineStr"><is><t>Achats 2025</t></is></c></row>' +
      '<row r="2"><c r="A2" t="inlineStr"><is><t>Fournisseur</t></is></c><c r="B2" t="inlineStr"><is><t>CP</t></is></c><c r="C2" t="inlineStr"><is><t>Montant HT</t></is></c></row>' +
      '<row r="3"><c r="A3" t="inlineStr"><is><t>Armor Emballages</t></is></c><c r="B3" t="inlineStr"><is><t>29200</t></is></c><c r="C3"><v>1234.56</v></c></row>' +
      '</sheetData></worksheet>';
    const files = {
      '[Content_Types].xml': strToU8(
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
      ),
      '_rels/.rels': strToU8(
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
      ),
      'xl/workbook.xml': strToU8(
        '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Achats" sheetId="1" r:id="rId1"/></sheets></workbook>',
      ),
      'xl/_rels/workbook.xml.rels': strToU8(
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
      ),
      'xl/worksheets/sheet1.xml': strToU8(sheet),
    };
    const r = await readSupplierList(zipSync(files));
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.headerLine).toBe(2);
    expect(
      r.value.purchases.suppliers.map((s) => [s.name, s.amountCents, s.identifiers.postalCodes]),
    ).toEqual([['Armor Emballages', 123_456, ['29200']]]);
  });

  it.each([
    ['1 234,56', 123_456],
    ['1.234,56', 123_456],
    ['1,234.56', 123_456],
    ['1234.5', 123_450],
    ['1.234', 123_400],
    ['-12,5 €', -1_250],
    ['(12,50)', -1_250],
    ['12,345', 1_235],
    ['abc', null],
    ['', null],
  ])('amount « %s » → %s cents', (text, expected) => {
    expect(parseAmountCents(text)).toBe(expected);
  });
});
