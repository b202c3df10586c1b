import { describe, expect, it } from 'vitest';
import { flattenNafTree, nafPath } from './reference-client.ts';

// An excerpt of NAF rev. 2 (INSEE): section C, division 25, group 25.6, class 25.62, sub-classes A and B.
const tree = {
  source: 'INSEE, NAF rév. 2 (extrait)',
  sections: [
    {
      code: 'C',
      label: 'Industrie manufacturière',
      divisions: [
        {
          code: '25',
          label: 'Fabrication de produits métalliques, à l’exception des machines et des équipements',
          groups: [
            {
              code: '25.6',
              label: 'Traitement et revêtement des métaux ; usinage',
              classes: [
                {
                  code: '25.62',
                  label: 'Usinage',
                  subclasses: [
                    { code: '25.62A', label: 'Décolletage' },
                    { code: '25.62B', label: 'Mécanique industrielle' },
                  ],
                },
              ],
            },
          ],
        },
      ],
    },
  ],
};

describe('NAF cascade of the activity filter', () => {
  it('a link to « 25.62B » reopens the five selects on section C, 25, 25.6, 25.62 and 25.62B', () => {
    const nodes = flattenNafTree(tree);
    expect(nafPath(nodes, '25.62B').map((n) => `${n.level}:${n.code}`)).toEqual([
      'section:C',
      'division:25',
      'group:25.6',
      'class:25.62',
      'subclass:25.62B',
    ]);
  });

  it('each level lists the children of the level above', () => {
    const nodes = flattenNafTree(tree);
    expect(nodes.filter((n) => n.parent === '25.62').map((n) => n.label)).toEqual([
      'Décolletage',
      'Mécanique industrielle',
    ]);
  });

  it('an unknown code opens nothing rather than a wrong branch', () => {
    expect(nafPath(flattenNafTree(tree), '99.99Z')).toEqual([]);
  });
});
