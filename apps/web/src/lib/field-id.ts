/** The DOM id of a form field for an API field path: `budgetLines[2].requestedCzk` → `field-budgetLines-2-requestedCzk`. */
export function fieldId(path: string): string {
  return `field-${path.replace(/[^A-Za-z0-9]+/g, '-').replace(/-+$/, '')}`;
}
