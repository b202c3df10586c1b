import { describe, expect, it } from 'vitest';
import {
  NAF_SECTIONS,
  nafAncestors,
  nafEntry,
  nafLabel,
  nafTree,
  normaliseNafCode,
  sectionOfDivision,
} from './index.ts';
import { overdue } from '../geo/index.ts';

describe('NAF rev. 2 codes', () => {
  it.each([
    ['2562B', '25.62B'],
    ['25.62B', '25.62B'],
    ['25.62b', '25.62B'],
    [' 25 62 B ', '25.62B'],
    ['6201Z', '62.01Z'],
    ['2562', '25.62'],
    ['256', '25.6'],
    ['25', '25'],
    ['c', 'C'],
  ])('normalises « %s » to %s', (raw, expected) => {
    expect(normaliseNafCode(raw)).toBe(expected);
  });

  it.each(['', 'ZZ', '2B', '25.62BB', '256B', 'V'])('rejects « %s »', (raw) => {
    expect(normaliseNafCode(raw)).toBeUndefined();
  });

  it('gives the French label of a sub-class written without a dot', () => {
    expect(nafLabel('2562B')).toBe('Mécanique industrielle');
    expect(nafLabel('30.11Z')).toBe('Construction de navires et de structures flottantes');
    expect(nafEntry('10.2')).toEqual({
      code: '10.2',
      label: 'Transformation et conservation de poisson, de crustacés et de mollusques',
      level: 'group',
    });
  });

  it('lists the ancestors of a sub-class up to its section', () => {
    expect(nafAncestors('25.62B').map((e) => `${e.level} ${e.code}`)).toEqual([
      'subclass 25.62B',
      'class 25.62',
      'group 25.6',
      'division 25',
      'section C',
    ]);
    expect(nafAncestors('03.11Z').at(-1)?.label).toBe('Agriculture, sylviculture et pêche');
    expect(nafAncestors('99.99Z')).toEqual([]);
  });

  it('places each division in its section', () => {
    expect(sectionOfDivision('01')).toBe('A');
    expect(sectionOfDivision('33')).toBe('C');
    expect(sectionOfDivision('62')).toBe('J');
    expect(sectionOfDivision('99')).toBe('U');
    expect(sectionOfDivision('04')).toBeUndefined();
  });

  it('builds the full tree: 21 sections, 88 divisions, 272 groups, 615 classes, 732 sub-classes', () => {
    const count: Record<string, number> = {};
    const walk = (nodes: ReturnType<typeof nafTree>) => {
      for (const n of nodes) {
        count[n.level] = (count[n.level] ?? 0) + 1;
        walk(n.children);
      }
    };
    walk(nafTree());
    expect(count).toEqual({ section: 21, division: 88, group: 272, class: 615, subclass: 732 });
    const c = nafTree().find((s) => s.code === 'C')!;
    expect(c.children.map((d) => d.code)).toContain('30');
    expect(c.children.find((d) => d.code === '10')?.children[0]?.code).toBe('10.1');
  });

  it('has its hand-written sections within their review date', () => {
    expect(overdue({ NAF_SECTIONS }, new Date().toISOString().slice(0, 10))).toEqual([]);
  });
});
