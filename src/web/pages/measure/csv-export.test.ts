import { describe, expect, it } from 'vitest';
import { centsToCsvNumber, csvCell, neutraliseFormula, toCsv } from './csv-export.ts';

describe('supplier table as CSV for a French spreadsheet', () => {
  it('writes amounts in cents with a decimal comma and no thousands separator', () => {
    expect(centsToCsvNumber(123456)).toBe('1234,56');
    expect(centsToCsvNumber(5)).toBe('0,05');
    expect(centsToCsvNumber(0)).toBe('0,00');
    // a supplier whose credit notes exceed its invoices
    expect(centsToCsvNumber(-1250)).toBe('-12,50');
    expect(() => centsToCsvNumber(1.5)).toThrow(RangeError);
  });

  it.each([
    ['=HYPERLINK("http://evil","x")', `"'=HYPERLINK(""http://evil"",""x"")"`],
    ['+33 2 99 00 00 00', `'+33 2 99 00 00 00`],
    ['-SARL DUPONT', `'-SARL DUPONT`],
    ['@SUM(A1:A2)', `'@SUM(A1:A2)`],
    ['\tcmd', `'\tcmd`],
    ['\rcmd', `"'\rcmd"`],
  ])('neutralises the supplier name %j so a spreadsheet shows it as text', (name, expected) => {
    expect(csvCell(name)).toBe(expected);
  });

  it('leaves ordinary names alone and quotes separators, quotes and line breaks', () => {
    expect(neutraliseFormula('Breizh Emballages')).toBe('Breizh Emballages');
    expect(csvCell('Transports Le Gall; Fils')).toBe('"Transports Le Gall; Fils"');
    expect(csvCell('Le "Petit" Atelier')).toBe('"Le ""Petit"" Atelier"');
    expect(csvCell('ligne 1\nligne 2')).toBe('"ligne 1\nligne 2"');
  });

  it('keeps a negative amount a number, not a neutralised text', () => {
    expect(csvCell({ cents: -1250 })).toBe('-12,50');
    expect(csvCell({ number: 46.25, digits: 1 })).toBe('46,3');
    expect(csvCell(null)).toBe('');
  });

  it('starts with a BOM, separates with ; and ends lines with CRLF', () => {
    const csv = toCsv(
      ['Fournisseur', 'Montant HT (€)', 'Zone'],
      [
        ['Ar Vag SAS', { cents: 1234567 }, 'Bretagne'],
        ['=1+1', { cents: -990 }, 'Hors UE'],
      ],
    );
    expect(csv).toBe(
      "\uFEFFFournisseur;Montant HT (€);Zone\r\nAr Vag SAS;12345,67;Bretagne\r\n'=1+1;-9,90;Hors UE\r\n",
    );
  });
});
