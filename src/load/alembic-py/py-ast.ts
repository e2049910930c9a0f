/**
 * The small Python AST the revision interpreter walks: only the shapes Alembic revision files
 * use. Every node keeps its 1-based line so errors and statements point at the .py file.
 */

export type PyExpr =
  | { readonly kind: 'const'; readonly line: number; readonly value: null | boolean | number | string }
  | { readonly kind: 'fstring'; readonly line: number; readonly parts: readonly (string | PyExpr)[] }
  | { readonly kind: 'name'; readonly line: number; readonly id: string }
  | { readonly kind: 'attr'; readonly line: number; readonly object: PyExpr; readonly name: string }
  | { readonly kind: 'index'; readonly line: number; readonly object: PyExpr; readonly index: PyExpr }
  | { readonly kind: 'slice'; readonly line: number; readonly object: PyExpr; readonly start?: PyExpr; readonly stop?: PyExpr }
  | { readonly kind: 'call'; readonly line: number; readonly callee: PyExpr; readonly args: readonly PyArg[] }
  | { readonly kind: 'list' | 'tuple' | 'set'; readonly line: number; readonly items: readonly PyExpr[] }
  | { readonly kind: 'dict'; readonly line: number; readonly entries: readonly (readonly [PyExpr, PyExpr] | PyExpr)[] }
  | { readonly kind: 'comprehension'; readonly line: number; readonly shape: 'list' | 'set' | 'generator'; readonly element: PyExpr; readonly target: PyTarget; readonly iter: PyExpr; readonly conditions: readonly PyExpr[] }
  | { readonly kind: 'unary'; readonly line: number; readonly op: 'not' | '-' | '+'; readonly operand: PyExpr }
  | { readonly kind: 'binary'; readonly line: number; readonly op: string; readonly left: PyExpr; readonly right: PyExpr }
  | { readonly kind: 'ternary'; readonly line: number; readonly test: PyExpr; readonly then: PyExpr; readonly else: PyExpr }
  | { readonly kind: 'lambda'; readonly line: number; readonly params: readonly PyParam[]; readonly body: PyExpr };

/** A call argument: positional, `name=value`, `*xs` or `**kw`. */
export interface PyArg {
  readonly name?: string;
  readonly star?: '*' | '**';
  readonly value: PyExpr;
}

/** A parameter of a def or lambda, with its default expression. */
export interface PyParam {
  readonly name: string;
  readonly star?: '*' | '**';
  readonly default?: PyExpr;
}

/** An assignment target: a name, a tuple of targets, or an attribute/subscript (data-side only). */
export type PyTarget =
  | { readonly kind: 'name'; readonly id: string }
  | { readonly kind: 'unpack'; readonly items: readonly PyTarget[] }
  | { readonly kind: 'other'; readonly text: string };

/** A statement, with its source text where data-side reporting quotes it. */
export type PyStmt =
  | { readonly kind: 'expr'; readonly line: number; readonly expr: PyExpr; readonly text: string }
  | { readonly kind: 'assign'; readonly line: number; readonly targets: readonly PyTarget[]; readonly value: PyExpr; readonly text: string }
  | { readonly kind: 'augassign'; readonly line: number; readonly target: PyTarget; readonly op: string; readonly value: PyExpr; readonly text: string }
  | { readonly kind: 'def'; readonly line: number; readonly name: string; readonly params: readonly PyParam[]; readonly body: readonly PyStmt[] }
  | { readonly kind: 'return'; readonly line: number; readonly value?: PyExpr }
  | { readonly kind: 'if'; readonly line: number; readonly branches: readonly { readonly test: PyExpr; readonly body: readonly PyStmt[] }[]; readonly orelse: readonly PyStmt[] }
  | { readonly kind: 'for'; readonly line: number; readonly target: PyTarget; readonly iter: PyExpr; readonly body: readonly PyStmt[] }
  | { readonly kind: 'with'; readonly line: number; readonly items: readonly { readonly context: PyExpr; readonly as?: PyTarget }[]; readonly body: readonly PyStmt[] }
  | { readonly kind: 'import'; readonly line: number; readonly module: string; readonly as?: string }
  | { readonly kind: 'from'; readonly line: number; readonly module: string; readonly names: readonly { readonly name: string; readonly as?: string }[] }
  | { readonly kind: 'pass'; readonly line: number }
  /** Statements the interpreter never needs to run (class bodies, try, while, raise, ...). */
  | { readonly kind: 'opaque'; readonly line: number; readonly what: string; readonly text: string };

/** A parsed .py file: its top-level statements. */
export interface PyModule {
  readonly file: string;
  readonly body: readonly PyStmt[];
}
