/**
 * Runtime values of the revision interpreter. Python scalars map to JS ones (None = null, int and
 * float = number, str = string); containers, callables and SQLAlchemy constructs are classes.
 * `Opaque` stands for anything that only exists against a live database or in the app's code:
 * it flows through data-side code but is refused wherever it would decide the schema.
 */

/** Call arguments after `*` / `**` expansion. */
export interface CallArgs {
  readonly positional: readonly PyValue[];
  readonly keywords: ReadonlyMap<string, PyValue>;
}

/** Base of every non-scalar value: attribute access and calls are refused unless overridden. */
export abstract class PyObject {
  /** Python-ish name used in messages, e.g. `sa.Column`, `list`. */
  abstract describe(): string;
  getattr(_name: string): PyValue | undefined {
    return undefined;
  }
  call?(args: CallArgs, line: number): PyValue;
}

/** A list, tuple or set (they behave alike for what revision files do with them). */
export class PyList extends PyObject {
  constructor(readonly items: PyValue[], readonly shape: 'list' | 'tuple' | 'set' = 'list') {
    super();
  }
  describe(): string {
    return this.shape;
  }
}

/** A dict keyed by scalar values (the only keys revision files use). */
export class PyDict extends PyObject {
  readonly map = new Map<string | number | boolean | null, PyValue>();
  describe(): string {
    return 'dict';
  }
}

/** A built-in or library function implemented in TypeScript. */
export class NativeFunction extends PyObject {
  constructor(readonly name: string, readonly impl: (args: CallArgs, line: number) => PyValue) {
    super();
  }
  describe(): string {
    return this.name;
  }
  override call(args: CallArgs, line: number): PyValue {
    return this.impl(args, line);
  }
}

/** A method bound to a value, e.g. `'a_b'.replace`. */
export class BoundMethod extends NativeFunction {}

/** Something that depends on the database or on app code the interpreter cannot run. */
export class Opaque extends PyObject {
  constructor(readonly what: string) {
    super();
  }
  describe(): string {
    return this.what;
  }
  override getattr(name: string): PyValue {
    return new Opaque(`${this.what}.${name}`);
  }
  override call(): PyValue {
    return new Opaque(`${this.what}(...)`);
  }
}

/** Any value the interpreter handles. */
export type PyValue = null | boolean | number | string | PyObject;

/** Python's type name of a value, for messages. */
export function typeName(v: PyValue): string {
  if (v === null) return 'None';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int' : 'float';
  if (typeof v === 'string') return 'str';
  return v.describe();
}

/** Python truthiness; an Opaque value has none (the caller must ask for an answer). */
export function truthy(v: PyValue): boolean {
  if (v === null) return false;
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0;
  if (typeof v === 'string') return v.length > 0;
  if (v instanceof PyList) return v.items.length > 0;
  if (v instanceof PyDict) return v.map.size > 0;
  return true;
}

/** No positional or keyword arguments. */
export const NO_ARGS: CallArgs = { positional: [], keywords: new Map() };

/** Builds CallArgs from positional values and an object of keywords. */
export function callArgs(positional: PyValue[], keywords: Record<string, PyValue> = {}): CallArgs {
  return { positional, keywords: new Map(Object.entries(keywords)) };
}
