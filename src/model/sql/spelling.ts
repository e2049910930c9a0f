/**
 * Which text of an expression to print: `written` (as the migration wrote it, for execution:
 * PostgreSQL then stores what the migration would have made) or `canonical` (the compared text,
 * for `state` output that must read the same whatever the input's spelling).
 */
export type Spelling = 'written' | 'canonical';

/** The text to print for an expression kept both ways: the written one only when asked for and known. */
export function spelt(canonical: string, written: string | undefined, spelling: Spelling): string {
  return spelling === 'written' && written !== undefined ? written : canonical;
}
