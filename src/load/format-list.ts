/** Joins items for a message, capping long lists so an error never dumps hundreds of names. */
export function formatList(items: readonly string[], max = 8): string {
  if (items.length <= max) return items.join(', ');
  return `${items.slice(0, max).join(', ')} and ${items.length - max} more`;
}
