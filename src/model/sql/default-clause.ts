/**
 * Words that make an expression an `a_expr` that is not a `b_expr`. A column's DEFAULT (in CREATE
 * TABLE and ADD COLUMN, unlike ALTER COLUMN SET DEFAULT) takes only a `b_expr`: PostgreSQL
 * rejects `DEFAULT now() AT TIME ZONE 'utc'` (syntax error at "AT") and needs parentheses.
 */
const A_EXPR_ONLY = new Set(['AT', 'COLLATE', 'AND', 'OR', 'NOT', 'LIKE', 'ILIKE', 'SIMILAR', 'IS', 'ISNULL', 'NOTNULL', 'BETWEEN', 'IN', 'OVERLAPS']);

/** The words of an expression outside string literals, quoted identifiers and parentheses, upper-cased. */
function topLevelWords(expr: string): string[] {
  const words: string[] = [];
  let depth = 0;
  for (let i = 0; i < expr.length; ) {
    const ch = expr[i]!;
    if (ch === "'" || ch === '"') {
      const end = expr.indexOf(ch, i + 1);
      i = end < 0 ? expr.length : end + 1; // a doubled quote reads as two literals: same words
      continue;
    }
    const dollar = ch === '$' ? /^\$[A-Za-z_]*\$/.exec(expr.slice(i)) : null;
    if (dollar) {
      const end = expr.indexOf(dollar[0], i + dollar[0].length);
      i = end < 0 ? expr.length : end + dollar[0].length;
      continue;
    }
    if (ch === '(' || ch === '[') depth++;
    else if (ch === ')' || ch === ']') depth--;
    const word = /^[A-Za-z_][A-Za-z_0-9$]*/.exec(expr.slice(i));
    if (word) {
      if (depth === 0) words.push(word[0].toUpperCase());
      i += word[0].length;
      continue;
    }
    i++;
  }
  return words;
}

/** A default expression as the DEFAULT clause of a column definition takes it: parenthesised where the grammar needs it. */
export function defaultClauseExpr(expr: string): string {
  return topLevelWords(expr).some((w) => A_EXPR_ONLY.has(w)) ? `(${expr})` : expr;
}
