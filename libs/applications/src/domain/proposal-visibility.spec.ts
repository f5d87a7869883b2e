import { hideProposals } from './proposal-visibility';

describe('hideProposals', () => {
  const items = [
    { id: 'a', proposedCzk: 100_000, title: 'A' },
    { id: 'b', proposedCzk: 50_000, title: 'B' },
    { id: 'c', proposedCzk: null, title: 'C' },
  ];

  it('keeps the proposals of the visible applications and nulls the others, leaving every other field as it was', () => {
    expect(hideProposals(items, new Set(['a']))).toEqual([
      { id: 'a', proposedCzk: 100_000, title: 'A' },
      { id: 'b', proposedCzk: null, title: 'B' },
      { id: 'c', proposedCzk: null, title: 'C' },
    ]);
  });

  it('hides everything when nothing is visible, and does not change its input', () => {
    expect(hideProposals(items, new Set()).map((i) => i.proposedCzk)).toEqual([null, null, null]);
    expect(items[0].proposedCzk).toBe(100_000);
  });
});
