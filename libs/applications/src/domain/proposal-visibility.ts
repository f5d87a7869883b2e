/**
 * A commission member's copy of applications: the proposal of each one not in
 * `visible` is null, exactly as the ranking hides it (the rest is untouched).
 */
export function hideProposals<T extends { id: string; proposedCzk: number | null }>(items: readonly T[], visible: ReadonlySet<string>): T[] {
  return items.map((item) => (visible.has(item.id) || item.proposedCzk === null ? item : { ...item, proposedCzk: null }));
}
