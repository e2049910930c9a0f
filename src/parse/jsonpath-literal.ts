/**
 * PostgreSQL stores a `jsonpath` constant by value and prints it back in its canonical output
 * format, so `'$.* ? (@.type() <> "string")'` in a migration comes back from the catalog as
 * `'$.*?(@.type() != "string")'`. This module parses jsonpath text the way PostgreSQL 15's
 * scanner and grammar do and prints it the way its output function does (keys always quoted,
 * `lax` dropped, `<>` as `!=`, parentheses by operator priority, numbers in `numeric` output
 * form, ...). Text it cannot parse, or that PostgreSQL would reject, is returned unchanged.
 *
 * Not covered: the validity of `like_regex` patterns is not checked (PostgreSQL compiles them
 * and rejects bad ones), and strings are assumed to be in a UTF-8 database.
 */

class JsonPathSyntaxError extends Error {}

function fail(message = 'invalid jsonpath'): never {
  throw new JsonPathSyntaxError(message);
}

// ---------------------------------------------------------------------------------------------
// Scanner
// ---------------------------------------------------------------------------------------------

/** Characters the PostgreSQL jsonpath scanner treats as "special" (token boundaries). */
const SPECIAL = new Set([...'?%$.[]{}()|&!=<>@#,*:-+/\\" \t\n\r\f']);
const BLANK = new Set([' ', '\t', '\n', '\r', '\f']);

function isOther(c: string | undefined): boolean {
  return c !== undefined && !SPECIAL.has(c);
}

function isHex(c: string | undefined): boolean {
  return c !== undefined && /^[0-9A-Fa-f]$/.test(c);
}

/** Keywords; `null`, `true` and `false` only match in lower case, the rest case-insensitively. */
const KEYWORDS = new Set([
  'is', 'to', 'abs', 'lax', 'flag', 'last', 'null', 'size', 'true', 'type', 'with', 'false',
  'floor', 'double', 'exists', 'starts', 'strict', 'ceiling', 'unknown', 'datetime', 'keyvalue',
  'like_regex',
]);
const LOWERCASE_ONLY = new Set(['null', 'true', 'false']);

const METHODS = new Set(['abs', 'size', 'type', 'floor', 'double', 'ceiling', 'keyvalue']);

type Token =
  | { t: 'char'; v: string }
  | { t: 'op'; v: '&&' | '||' | '!' | '**' | '<' | '<=' | '==' | '!=' | '>=' | '>' }
  | { t: 'var'; v: string }
  | { t: 'str'; v: string }
  | { t: 'num'; v: string; int: boolean }
  | { t: 'id'; v: string; kw: string | undefined }
  | { t: 'eof' };

function asciiLower(s: string): string {
  return s.replace(/[A-Z]/g, (c) => c.toLowerCase());
}

function keywordOf(word: string): string | undefined {
  const lower = asciiLower(word);
  if (!KEYWORDS.has(lower)) return undefined;
  if (LOWERCASE_ONLY.has(lower) && word !== lower) return undefined;
  return lower;
}

const NUMBER_RE = /^(?:(?:0|[1-9][0-9]*)(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$/;
const REALFAIL_RE = /^(?:(?:0|[1-9][0-9]*)(?:\.[0-9]*)?|\.[0-9]+)[eE][-+]$/;

class Scanner {
  private pos = 0;
  readonly tokens: Token[] = [];

  constructor(private readonly s: string) {}

  scan(): Token[] {
    const s = this.s;
    while (this.pos < s.length) {
      const c = s[this.pos]!;
      const c2 = s.slice(this.pos, this.pos + 2);
      if (BLANK.has(c)) {
        this.pos++;
      } else if (c2 === '/*') {
        this.skipComment();
      } else if (c2 === '&&' || c2 === '||' || c2 === '**' || c2 === '<=' || c2 === '==' || c2 === '>=') {
        this.tokens.push({ t: 'op', v: c2 });
        this.pos += 2;
      } else if (c2 === '<>' || c2 === '!=') {
        this.tokens.push({ t: 'op', v: '!=' });
        this.pos += 2;
      } else if (c === '!' || c === '<' || c === '>') {
        this.tokens.push({ t: 'op', v: c });
        this.pos++;
      } else if (c === '$' && s[this.pos + 1] === '"') {
        this.pos += 2;
        this.tokens.push({ t: 'var', v: this.quoted() });
      } else if (c === '$' && isOther(s[this.pos + 1])) {
        let end = this.pos + 1;
        while (isOther(s[end])) end++;
        this.tokens.push({ t: 'var', v: s.slice(this.pos + 1, end) });
        this.pos = end;
      } else if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(s[this.pos + 1] ?? ''))) {
        this.numberOrWord();
      } else if (c === '"') {
        this.pos++;
        this.tokens.push({ t: 'str', v: this.quoted() });
      } else if (c === '\\' || isOther(c)) {
        this.word('');
      } else {
        this.tokens.push({ t: 'char', v: c });
        this.pos++;
      }
    }
    this.tokens.push({ t: 'eof' });
    return this.tokens;
  }

  private skipComment(): void {
    const end = this.s.indexOf('*/', this.pos + 2);
    if (end < 0) fail('unexpected end of comment');
    this.pos = end + 2;
  }

  /**
   * At a digit (or `.digit`): flex's longest-match choice between a number, a malformed
   * exponent, a number with trailing junk, and an unquoted word made of "other" characters.
   */
  private numberOrWord(): void {
    const s = this.s;
    const start = this.pos;
    let run = start;
    while (run < s.length && /[0-9.eE+-]/.test(s[run]!)) run++;
    let numLen = 0;
    let failLen = 0;
    let junkLen = 0;
    for (let k = 1; k <= run - start; k++) {
      const sub = s.slice(start, start + k);
      if (NUMBER_RE.test(sub)) {
        numLen = k;
        if (isOther(s[start + k])) junkLen = k + 1;
      } else if (REALFAIL_RE.test(sub)) {
        failLen = k;
      }
    }
    let otherLen = 0;
    if (s[start] !== '.') while (isOther(s[start + otherLen])) otherLen++;
    const best = Math.max(numLen, failLen, junkLen, otherLen);
    if (best === numLen) {
      const text = s.slice(start, start + numLen);
      this.tokens.push({ t: 'num', v: text, int: /^[0-9]+$/.test(text) });
      this.pos = start + numLen;
    } else if (best === failLen || best === junkLen) {
      fail('invalid numeric literal');
    } else {
      this.pos = start + otherLen;
      this.word(s.slice(start, start + otherLen));
    }
  }

  /** An unquoted word (key name or keyword), which may contain backslash escapes. */
  private word(prefix: string): void {
    const s = this.s;
    let out = prefix;
    for (;;) {
      const c = s[this.pos];
      if (c === undefined) break;
      if (c === '\\') {
        out += this.escape();
      } else if (c === '/' && s[this.pos + 1] === '*') {
        // PostgreSQL's scanner drops a word that runs straight into a comment.
        this.skipComment();
        return;
      } else if (isOther(c)) {
        out += c;
        this.pos++;
      } else {
        break;
      }
    }
    this.tokens.push({ t: 'id', v: out, kw: keywordOf(out) });
  }

  /** Body of a double-quoted string or variable name; `pos` is just past the opening quote. */
  private quoted(): string {
    const s = this.s;
    let out = '';
    for (;;) {
      const c = s[this.pos];
      if (c === undefined) fail('unexpected end of quoted string');
      if (c === '"') {
        this.pos++;
        return out;
      }
      if (c === '\\') {
        out += this.escape();
      } else {
        out += c;
        this.pos++;
      }
    }
  }

  /** One backslash escape (or a run of `\u` escapes); `pos` is at the backslash. */
  private escape(): string {
    const s = this.s;
    const c = s[this.pos + 1];
    const simple: Record<string, string> = { b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v' };
    if (c === undefined || c === '\n') fail('unexpected end after backslash');
    if (simple[c] !== undefined) {
      this.pos += 2;
      return simple[c]!;
    }
    if (c === 'u') return this.unicodeRun();
    if (c === 'x') {
      if (!isHex(s[this.pos + 2]) || !isHex(s[this.pos + 3])) fail('invalid hex character sequence');
      const code = parseInt(s.slice(this.pos + 2, this.pos + 4), 16);
      this.pos += 4;
      return unicodeChar(code);
    }
    this.pos += 2;
    return c;
  }

  private unicodeRun(): string {
    const s = this.s;
    let out = '';
    let hi = -1;
    while (s.startsWith('\\u', this.pos)) {
      let p = this.pos + 2;
      let code: number;
      if (s[p] === '{') {
        let q = p + 1;
        while (q - (p + 1) < 6 && isHex(s[q])) q++;
        if (q === p + 1 || s[q] !== '}') fail('invalid unicode sequence');
        code = parseInt(s.slice(p + 1, q), 16);
        p = q + 1;
      } else {
        const hex = s.slice(p, p + 4);
        if (hex.length < 4 || ![...hex].every(isHex)) fail('invalid unicode sequence');
        code = parseInt(hex, 16);
        p += 4;
      }
      this.pos = p;
      if (code >= 0xd800 && code <= 0xdbff) {
        if (hi !== -1) fail('high surrogate after high surrogate');
        hi = code;
        continue;
      }
      if (code >= 0xdc00 && code <= 0xdfff) {
        if (hi === -1) fail('low surrogate without high surrogate');
        code = 0x10000 + ((hi - 0xd800) << 10) + (code - 0xdc00);
        hi = -1;
      } else if (hi !== -1) {
        fail('high surrogate without low surrogate');
      }
      out += unicodeChar(code);
    }
    if (hi !== -1) fail('high surrogate without low surrogate');
    return out;
  }
}

function unicodeChar(code: number): string {
  if (code === 0) fail('unsupported Unicode escape sequence');
  if (code > 0x10ffff) fail('invalid Unicode code point');
  return String.fromCodePoint(code);
}

// ---------------------------------------------------------------------------------------------
// Syntax tree
// ---------------------------------------------------------------------------------------------

type BinOp = '&&' | '||' | '==' | '!=' | '<' | '>' | '<=' | '>=' | '+' | '-' | '*' | '/' | '%' | 'starts with';

type Item = (
  | { k: 'null' | 'root' | 'current' | 'last' | 'anyKey' | 'anyArray' }
  | { k: 'bool'; v: boolean }
  | { k: 'num'; neg: boolean; mag: string; zero: boolean }
  | { k: 'str' | 'var' | 'key'; v: string }
  | { k: 'index'; elems: { from: Item; to: Item | undefined }[] }
  | { k: 'any'; first: number; last: number } // -1 means `last`
  | { k: 'method'; name: string }
  | { k: 'datetime'; arg: Item | undefined }
  | { k: 'filter' | 'not' | 'isUnknown' | 'exists' | 'plus' | 'minus'; arg: Item }
  | { k: 'bin'; op: BinOp; l: Item; r: Item }
  | { k: 'like'; arg: Item; pattern: string; flags: string }
) & { next?: Item };

/** A parsed operand and whether the grammar classes it as a predicate or a value expression. */
interface Parsed {
  item: Item;
  pred: boolean;
}

/** numeric_in's canonical text for an unsigned literal: exponent applied, scale preserved. */
function numericText(text: string): { mag: string; zero: boolean } {
  const m = /^([0-9]*)(?:\.([0-9]*))?(?:[eE]([-+]?[0-9]+))?$/.exec(text);
  if (!m) fail();
  const intPart = m[1] ?? '';
  const frac = m[2] ?? '';
  const exponent = m[3] === undefined ? 0 : Number(m[3]);
  if (!Number.isFinite(exponent) || Math.abs(exponent) >= 1073741823) fail('value overflows numeric format');
  const digits = intPart + frac;
  const point = intPart.length + exponent;
  const scale = Math.max(0, frac.length - exponent);
  if (scale > 16383) fail('value overflows numeric format');
  const zero = /^0*$/.test(digits);
  if (zero) return { mag: '0' + (scale > 0 ? '.' + '0'.repeat(scale) : ''), zero };
  // numeric's weight limit: at most 131072 digits before the decimal point.
  const leadingZeros = /^0*/.exec(digits)![0].length;
  if (point - leadingZeros > 131072) fail('value overflows numeric format');
  let whole: string;
  let fraction: string;
  if (point <= 0) {
    whole = '';
    fraction = '0'.repeat(-point) + digits;
  } else if (point >= digits.length) {
    whole = digits + '0'.repeat(point - digits.length);
    fraction = '';
  } else {
    whole = digits.slice(0, point);
    fraction = digits.slice(point);
  }
  whole = whole.replace(/^0+/, '');
  fraction = fraction.padEnd(scale, '0').slice(0, scale);
  return { mag: (whole || '0') + (scale > 0 ? '.' + fraction : ''), zero };
}

function appendNext(head: Item, tail: Item): void {
  let end = head;
  while (end.next) end = end.next;
  end.next = tail;
}

function makeUnary(k: 'plus' | 'minus', arg: Item): Item {
  if (arg.k === 'num' && !arg.next) {
    if (k === 'plus') return arg;
    return { k: 'num', mag: arg.mag, zero: arg.zero, neg: arg.zero ? false : !arg.neg };
  }
  return { k, arg };
}

// ---------------------------------------------------------------------------------------------
// Parser (mirrors PostgreSQL 15's jsonpath_gram.y)
// ---------------------------------------------------------------------------------------------

const COMPARISONS = new Set(['==', '!=', '<', '>', '<=', '>=']);

class Parser {
  private i = 0;

  constructor(private readonly toks: Token[]) {}

  private get tok(): Token {
    return this.toks[this.i]!;
  }

  private peek(offset: number): Token {
    return this.toks[Math.min(this.i + offset, this.toks.length - 1)]!;
  }

  private isChar(c: string, t: Token = this.tok): boolean {
    return t.t === 'char' && t.v === c;
  }

  private isOp(op: string, t: Token = this.tok): boolean {
    return t.t === 'op' && t.v === op;
  }

  private isKw(kw: string, t: Token = this.tok): boolean {
    return t.t === 'id' && t.kw === kw;
  }

  private expectChar(c: string): void {
    if (!this.isChar(c)) fail(`expected ${c}`);
    this.i++;
  }

  private expectKw(kw: string): void {
    if (!this.isKw(kw)) fail(`expected ${kw}`);
    this.i++;
  }

  parseResult(): { strict: boolean; item: Item } {
    let strict = false;
    if (this.isKw('strict')) {
      strict = true;
      this.i++;
    } else if (this.isKw('lax')) {
      this.i++;
    }
    if (this.tok.t === 'eof') fail('empty jsonpath');
    const { item } = this.parseOr();
    if (this.peek(0).t !== 'eof') fail('syntax error');
    return { strict, item };
  }

  private expr(p: Parsed): Item {
    if (p.pred) fail('expression expected');
    return p.item;
  }

  private predicate(p: Parsed): Item {
    if (!p.pred) fail('predicate expected');
    return p.item;
  }

  private parseOr(): Parsed {
    let left = this.parseAnd();
    while (this.isOp('||')) {
      this.i++;
      const right = this.parseAnd();
      left = { item: { k: 'bin', op: '||', l: this.predicate(left), r: this.predicate(right) }, pred: true };
    }
    return left;
  }

  private parseAnd(): Parsed {
    let left = this.parseComparison();
    while (this.isOp('&&')) {
      this.i++;
      const right = this.parseComparison();
      left = { item: { k: 'bin', op: '&&', l: this.predicate(left), r: this.predicate(right) }, pred: true };
    }
    return left;
  }

  private parseComparison(): Parsed {
    const left = this.parseAdditive();
    if (left.pred) return left;
    const t = this.tok;
    if (t.t === 'op' && COMPARISONS.has(t.v)) {
      this.i++;
      const right = this.expr(this.parseAdditive());
      return { item: { k: 'bin', op: t.v as BinOp, l: left.item, r: right }, pred: true };
    }
    if (this.isKw('starts')) {
      this.i++;
      this.expectKw('with');
      const init = this.tok;
      let r: Item;
      if (init.t === 'str') r = { k: 'str', v: init.v };
      else if (init.t === 'var') r = { k: 'var', v: init.v };
      else fail('string or variable expected after STARTS WITH');
      this.i++;
      return { item: { k: 'bin', op: 'starts with', l: left.item, r }, pred: true };
    }
    if (this.isKw('like_regex')) {
      this.i++;
      const pat = this.tok;
      if (pat.t !== 'str') fail('string expected after LIKE_REGEX');
      this.i++;
      let flags = '';
      if (this.isKw('flag')) {
        this.i++;
        const f = this.tok;
        if (f.t !== 'str') fail('string expected after FLAG');
        this.i++;
        flags = likeRegexFlags(f.v);
      }
      return { item: { k: 'like', arg: left.item, pattern: pat.v, flags }, pred: true };
    }
    return left;
  }

  private parseAdditive(): Parsed {
    let left = this.parseMultiplicative();
    while (this.isChar('+') || this.isChar('-')) {
      const op = (this.tok as { v: string }).v as BinOp;
      this.i++;
      const right = this.parseMultiplicative();
      left = { item: { k: 'bin', op, l: this.expr(left), r: this.expr(right) }, pred: false };
    }
    return left;
  }

  private parseMultiplicative(): Parsed {
    let left = this.parseUnary();
    while (this.isChar('*') || this.isChar('/') || this.isChar('%')) {
      const op = (this.tok as { v: string }).v as BinOp;
      this.i++;
      const right = this.parseUnary();
      left = { item: { k: 'bin', op, l: this.expr(left), r: this.expr(right) }, pred: false };
    }
    return left;
  }

  private parseUnary(): Parsed {
    if (this.isChar('+') || this.isChar('-')) {
      const k = this.isChar('+') ? 'plus' : 'minus';
      this.i++;
      const arg = this.expr(this.parseUnary());
      return { item: makeUnary(k, arg), pred: false };
    }
    return this.parsePrimary();
  }

  private startsAccessor(): boolean {
    return this.isChar('.') || this.isChar('[') || this.isChar('?');
  }

  private parsePrimary(): Parsed {
    const t = this.tok;
    if (this.isChar('(')) {
      this.i++;
      const inner = this.parseOr();
      this.expectChar(')');
      if (inner.pred && !this.startsAccessor()) {
        if (this.isKw('is')) {
          this.i++;
          this.expectKw('unknown');
          return { item: { k: 'isUnknown', arg: inner.item }, pred: true };
        }
        return inner;
      }
      return { item: this.parseAccessors(inner.item), pred: false };
    }
    if (this.isOp('!')) {
      this.i++;
      return { item: { k: 'not', arg: this.parseDelimitedPredicate() }, pred: true };
    }
    if (this.isKw('exists')) return { item: this.parseDelimitedPredicate(), pred: true };
    let item: Item;
    if (t.t === 'str') item = { k: 'str', v: t.v };
    else if (t.t === 'var') item = { k: 'var', v: t.v };
    else if (t.t === 'num') item = { k: 'num', neg: false, ...numericText(t.v) };
    else if (this.isKw('null')) item = { k: 'null' };
    else if (this.isKw('true')) item = { k: 'bool', v: true };
    else if (this.isKw('false')) item = { k: 'bool', v: false };
    else if (this.isKw('last')) item = { k: 'last' };
    else if (this.isChar('$')) item = { k: 'root' };
    else if (this.isChar('@')) item = { k: 'current' };
    else fail('unexpected token');
    this.i++;
    return { item: this.parseAccessors(item), pred: false };
  }

  /** `(predicate)` or `exists (expr)`, the only operands `!` accepts. */
  private parseDelimitedPredicate(): Item {
    if (this.isKw('exists')) {
      this.i++;
      this.expectChar('(');
      const arg = this.expr(this.parseOr());
      this.expectChar(')');
      return { k: 'exists', arg };
    }
    this.expectChar('(');
    const inner = this.predicate(this.parseOr());
    this.expectChar(')');
    return inner;
  }

  private parseAccessors(head: Item): Item {
    while (this.startsAccessor()) appendNext(head, this.parseAccessor());
    return head;
  }

  private parseAccessor(): Item {
    if (this.isChar('?')) {
      this.i++;
      this.expectChar('(');
      const arg = this.predicate(this.parseOr());
      this.expectChar(')');
      return { k: 'filter', arg };
    }
    if (this.isChar('[')) {
      this.i++;
      if (this.isChar('*')) {
        this.i++;
        this.expectChar(']');
        return { k: 'anyArray' };
      }
      const elems: { from: Item; to: Item | undefined }[] = [];
      for (;;) {
        const from = this.expr(this.parseOr());
        let to: Item | undefined;
        if (this.isKw('to')) {
          this.i++;
          to = this.expr(this.parseOr());
        }
        elems.push({ from, to });
        if (this.isChar(',')) {
          this.i++;
          continue;
        }
        this.expectChar(']');
        return { k: 'index', elems };
      }
    }
    this.expectChar('.');
    const t = this.tok;
    if (this.isChar('*')) {
      this.i++;
      return { k: 'anyKey' };
    }
    if (this.isOp('**')) {
      this.i++;
      if (!this.isChar('{')) return { k: 'any', first: 0, last: -1 };
      this.i++;
      const first = this.anyLevel();
      let last = first;
      if (this.isKw('to')) {
        this.i++;
        last = this.anyLevel();
      }
      this.expectChar('}');
      return { k: 'any', first, last };
    }
    if (t.t === 'id' && t.kw !== undefined && this.isChar('(', this.peek(1))) {
      if (METHODS.has(t.kw)) {
        this.i += 2;
        this.expectChar(')');
        return { k: 'method', name: t.kw };
      }
      if (t.kw === 'datetime') {
        this.i += 2;
        let arg: Item | undefined;
        const tmpl = this.tok;
        if (tmpl.t === 'str') {
          arg = { k: 'str', v: tmpl.v };
          this.i++;
        }
        this.expectChar(')');
        return { k: 'datetime', arg };
      }
    }
    if (t.t === 'id' || t.t === 'str') {
      this.i++;
      return { k: 'key', v: t.v };
    }
    return fail('key expected');
  }

  private anyLevel(): number {
    const t = this.tok;
    this.i++;
    if (t.t === 'id' && t.kw === 'last') return -1;
    if (t.t === 'num' && t.int) {
      const n = Number(t.v);
      if (n > 2147483647) fail('value out of range for integer');
      return n;
    }
    return fail('level expected');
  }
}

function likeRegexFlags(text: string): string {
  const seen = new Set<string>();
  for (const c of text) {
    if (!'ismxq'.includes(c)) fail(`unrecognized flag character ${c}`);
    seen.add(c);
  }
  if (seen.has('x') && !seen.has('q')) fail('XQuery "x" flag is not implemented');
  return [...'ismxq'].filter((c) => seen.has(c)).join('');
}

/** The checks PostgreSQL makes while flattening the parse tree. */
function validate(item: Item, nesting: number, inSubscript: boolean): void {
  switch (item.k) {
    case 'current':
      if (nesting <= 0) fail('@ is not allowed in root expressions');
      break;
    case 'last':
      if (!inSubscript) fail('LAST is allowed only in array subscripts');
      break;
    case 'bin':
      validate(item.l, nesting, inSubscript);
      validate(item.r, nesting, inSubscript);
      break;
    case 'filter':
      validate(item.arg, nesting + 1, inSubscript);
      break;
    case 'not':
    case 'isUnknown':
    case 'exists':
    case 'plus':
    case 'minus':
    case 'like':
      validate(item.arg, nesting, inSubscript);
      break;
    case 'datetime':
      if (item.arg) validate(item.arg, nesting, inSubscript);
      break;
    case 'index':
      for (const e of item.elems) {
        validate(e.from, nesting, true);
        if (e.to) validate(e.to, nesting, true);
      }
      break;
    default:
      break;
  }
  if (item.next) validate(item.next, nesting, inSubscript);
}

// ---------------------------------------------------------------------------------------------
// Printer (mirrors printJsonPathItem)
// ---------------------------------------------------------------------------------------------

/** PostgreSQL's escape_json. */
function jsonString(s: string): string {
  let out = '"';
  for (const c of s) {
    switch (c) {
      case '\b': out += '\\b'; break;
      case '\f': out += '\\f'; break;
      case '\n': out += '\\n'; break;
      case '\r': out += '\\r'; break;
      case '\t': out += '\\t'; break;
      case '"': out += '\\"'; break;
      case '\\': out += '\\\\'; break;
      default:
        out += c < ' ' ? '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0') : c;
    }
  }
  return out + '"';
}

function priority(item: Item): number {
  if (item.k === 'bin') {
    switch (item.op) {
      case '||': return 0;
      case '&&': return 1;
      case '+': case '-': return 3;
      case '*': case '/': case '%': return 4;
      default: return 2;
    }
  }
  if (item.k === 'plus' || item.k === 'minus') return 5;
  return 6;
}

function printItem(item: Item, inKey: boolean, brackets: boolean): string {
  let out: string;
  const child = (c: Item): string => printItem(c, false, priority(c) <= priority(item));
  switch (item.k) {
    case 'null': out = 'null'; break;
    case 'bool': out = item.v ? 'true' : 'false'; break;
    case 'num': {
      const text = (item.neg ? '-' : '') + item.mag;
      out = item.next ? `(${text})` : text;
      break;
    }
    case 'str': out = jsonString(item.v); break;
    case 'var': out = '$' + jsonString(item.v); break;
    case 'key': out = (inKey ? '.' : '') + jsonString(item.v); break;
    case 'root': out = '$'; break;
    case 'current': out = '@'; break;
    case 'last': out = 'last'; break;
    case 'anyKey': out = (inKey ? '.' : '') + '*'; break;
    case 'anyArray': out = '[*]'; break;
    case 'bin': out = `${child(item.l)} ${item.op} ${child(item.r)}`; break;
    case 'plus': case 'minus': out = (item.k === 'plus' ? '+' : '-') + child(item.arg); break;
    case 'like':
      out = `${child(item.arg)} like_regex ${jsonString(item.pattern)}`;
      if (item.flags) out += ` flag "${item.flags}"`;
      break;
    case 'not': out = `!(${printItem(item.arg, false, false)})`; break;
    case 'isUnknown': out = `(${printItem(item.arg, false, false)}) is unknown`; break;
    case 'exists': out = `exists (${printItem(item.arg, false, false)})`; break;
    case 'filter': out = `?(${printItem(item.arg, false, false)})`; break;
    case 'index':
      out = '[' + item.elems
        .map((e) => printItem(e.from, false, false) + (e.to ? ' to ' + printItem(e.to, false, false) : ''))
        .join(',') + ']';
      break;
    case 'any': {
      const level = (n: number): string => (n < 0 ? 'last' : String(n));
      let body: string;
      if (item.first === 0 && item.last < 0) body = '**';
      else if (item.first === item.last) body = `**{${level(item.first)}}`;
      else body = `**{${level(item.first)} to ${level(item.last)}}`;
      out = (inKey ? '.' : '') + body;
      break;
    }
    case 'method': out = `.${item.name}()`; break;
    case 'datetime': out = `.datetime(${item.arg ? printItem(item.arg, false, false) : ''})`; break;
  }
  const wrap = item.k === 'bin' || item.k === 'plus' || item.k === 'minus' || item.k === 'like';
  if (wrap && brackets) out = `(${out})`;
  if (item.next) out += printItem(item.next, true, true);
  return out;
}

/**
 * Canonical text of a jsonpath constant as PostgreSQL 15 prints it back (`'…'::jsonpath::text`),
 * or the input unchanged when it is not a valid jsonpath.
 */
export function normalizeJsonPathLiteral(text: string): string {
  try {
    const { strict, item } = new Parser(new Scanner(text).scan()).parseResult();
    validate(item, 0, false);
    return (strict ? 'strict ' : '') + printItem(item, false, true);
  } catch {
    return text;
  }
}
