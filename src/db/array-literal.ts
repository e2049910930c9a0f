/**
 * Parses PostgreSQL's text output for an array (`{a,"b c",NULL}`, nested `{{1,2},{3,4}}`, or with
 * explicit bounds `[0:1]={1,2}`) into nested JS arrays, applying `element` to each non-NULL item.
 * Both drivers use this one parser so that array columns come back identically from each.
 * Assumes the `,` delimiter, which every type this project reads uses (only `box` differs).
 */
export function parseArrayLiteral<T>(text: string, element: (item: string) => T): unknown[] {
  let i = 0;
  // Explicit bounds appear when the lower bound is not 1, e.g. `indkey::int2[]`.
  const bounds = /^(\[-?\d+:-?\d+\])+=/.exec(text);
  if (bounds) i = bounds[0].length;

  const fail = (): never => {
    throw new Error(`Malformed array literal at offset ${i}: ${text.slice(0, 200)}`);
  };

  const level = (): unknown[] => {
    if (text[i] !== '{') fail();
    i++;
    const out: unknown[] = [];
    if (text[i] === '}') {
      i++;
      return out;
    }
    for (;;) {
      if (text[i] === '{') {
        out.push(level());
      } else if (text[i] === '"') {
        let item = '';
        for (i++; i < text.length && text[i] !== '"'; i++) item += text[i] === '\\' ? text[++i] : text[i];
        if (i >= text.length) fail();
        i++;
        out.push(element(item));
      } else {
        const start = i;
        while (i < text.length && text[i] !== ',' && text[i] !== '}') i++;
        const item = text.slice(start, i);
        out.push(item === 'NULL' ? null : element(item));
      }
      if (text[i] === ',') i++;
      else if (text[i] === '}') {
        i++;
        return out;
      } else fail();
    }
  };

  const result = level();
  if (i !== text.length) fail();
  return result;
}
