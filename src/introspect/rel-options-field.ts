/**
 * `{ options }` from `array_to_json(pg_class.reloptions)` text (`["fillfactor=70"]`), in stored
 * order; `{}` when there are none, so objects without options keep their shape.
 */
export function relOptionsField(json: string | null): { options?: readonly string[] } {
  const options = json === null ? [] : (JSON.parse(json) as string[]);
  return options.length ? { options } : {};
}
