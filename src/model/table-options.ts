/**
 * A table's storage options as pg_dump lists them: its own first, then its TOAST table's
 * (`toast.x`, kept in the TOAST table's reloptions), each in the order written.
 */
export function tableOptions(options: readonly string[] | undefined): readonly string[] | undefined {
  if (!options?.length) return undefined;
  const toast = (o: string): boolean => o.startsWith('toast.');
  return [...options.filter((o) => !toast(o)), ...options.filter(toast)];
}
