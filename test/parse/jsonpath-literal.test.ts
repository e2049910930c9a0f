import { describe, expect, it } from 'vitest';
import { normalizeJsonPathLiteral } from '../../src/parse/jsonpath-literal.js';

/**
 * Every expected value below is what PostgreSQL 15.18 printed for
 * `SELECT '<input>'::jsonpath` (psql -Atc); none is hand-written.
 */
const PG15_OUTPUT: [input: string, expected: string][] = [
  ['$.* ? (@.type() <> "string")', '$.*?(@.type() != "string")'],
  ['$', '$'],
  ['lax $.a', '$."a"'],
  ['strict $.a', 'strict $."a"'],
  ['STRICT $.a.b', 'strict $."a"."b"'],
  ['$.a.b.c', '$."a"."b"."c"'],
  ['$."quoted key"', '$."quoted key"'],
  ['$."a\\"b\\\\c"', '$."a\\"b\\\\c"'],
  ['$.Type', '$."Type"'],
  ['$.last', '$."last"'],
  ['$.*', '$.*'],
  ['$.a[*]', '$."a"[*]'],
  ['$[0]', '$[0]'],
  ['$[1, 2 to 5, last]', '$[1,2 to 5,last]'],
  ['$[last - 1]', '$[last - 1]'],
  ['$[ 0 to last ]', '$[0 to last]'],
  ['$.**', '$.**'],
  ['$.a.**{2}.b', '$."a".**{2}."b"'],
  ['$.**{1 to 3}', '$.**{1 to 3}'],
  ['$.**{2 to last}', '$.**{2 to last}'],
  ['$.**{last}', '$.**{last}'],
  ['$.**{0 to last}', '$.**'],
  ['$ ? (@ > 1)', '$?(@ > 1)'],
  ['$.a ? (@.b == "x").c', '$."a"?(@."b" == "x")."c"'],
  ['$.a ? (@ > 1) ? (@ < 5)', '$."a"?(@ > 1)?(@ < 5)'],
  ['$ ? (@.a == $min && @.b <> $"max")', '$?(@."a" == $"min" && @."b" != $"max")'],
  ['$ ? (@ == 1 || @ == 2 || @ == 3)', '$?((@ == 1 || @ == 2) || @ == 3)'],
  ['$ ? (@ == 1 || (@ == 2 && @ == 3))', '$?(@ == 1 || @ == 2 && @ == 3)'],
  ['$ ? ((@ == 1 || @ == 2) && @ == 3)', '$?((@ == 1 || @ == 2) && @ == 3)'],
  ['$ ? (!(@ < 0))', '$?(!(@ < 0))'],
  ['$ ? (!exists(@.a))', '$?(!(exists (@."a")))'],
  ['$ ? ((@.a > 1) is unknown)', '$?((@."a" > 1) is unknown)'],
  ['$ ? (@ like_regex "^ab.*c")', '$?(@ like_regex "^ab.*c")'],
  ['$ ? (@ like_regex "^a" flag "mi")', '$?(@ like_regex "^a" flag "im")'],
  ['$ ? (@ like_regex "a" flag "xq")', '$?(@ like_regex "a" flag "xq")'],
  ['$ ? (@ starts with "pre")', '$?(@ starts with "pre")'],
  ['$ ? (@ starts with $p)', '$?(@ starts with $"p")'],
  ['$ ? (exists (@.a ? (@ > 0)))', '$?(exists (@."a"?(@ > 0)))'],
  ['$.a + 1', '($."a" + 1)'],
  ['1 + 2 * 3', '(1 + 2 * 3)'],
  ['(1 + 2) * 3', '((1 + 2) * 3)'],
  ['$.a - $.b - $.c', '(($."a" - $."b") - $."c")'],
  ['$.a - ($.b - $.c)', '($."a" - ($."b" - $."c"))'],
  ['$.a / 2 % 3', '(($."a" / 2) % 3)'],
  ['-$.a', '(-$."a")'],
  ['+$.a', '(+$."a")'],
  ['-1', '-1'],
  ['- -1', '1'],
  ['+1.50', '1.50'],
  ['$ ? (-@.a * 2 >= 10)', '$?(-@."a" * 2 >= 10)'],
  ['($.a * 2).b + 1', '($."a" * 2."b" + 1)'],
  ['1 .type()', '(1).type()'],
  ['$.a.type()', '$."a".type()'],
  ['$.size() > 1', '($.size() > 1)'],
  ['$.a.double().ceiling().floor().abs()', '$."a".double().ceiling().floor().abs()'],
  ['$.keyvalue().key', '$.keyvalue()."key"'],
  ['$.a.datetime()', '$."a".datetime()'],
  ['$.a.datetime("YYYY-MM-DD")', '$."a".datetime("YYYY-MM-DD")'],
  ['$.a == $.b', '($."a" == $."b")'],
  ['$.a like_regex "x"', '($."a" like_regex "x")'],
  ['($.a > 1) is unknown', '($."a" > 1) is unknown'],
  ['1.5e3', '1500'],
  ['1.50', '1.50'],
  ['.5', '0.5'],
  ['1e-3', '0.001'],
  ['0.0', '0.0'],
  ['100e-2', '1.00'],
  ['"str\\u0041\\x42\\n\\t\\"end"', '"strAB\\n\\t\\"end"'],
  ['"\\uD83D\\uDE00"', '"😀"'],
  ['null', 'null'],
  ['true', 'true'],
  ['false', 'false'],
  ['$var.a', '$"var"."a"'],
  ['$"my var"', '$"my var"'],
  ['$.a /* comment */ .b', '$."a"."b"'],
  ['  $ . a  ', '$."a"'],
];

/** Inputs PostgreSQL 15 rejects (syntax, scanner, flag, `@`/`last` placement errors). */
const REJECTED_BY_PG15: string[] = [
  '$.a +',
  '@ > 1',
  'last',
  '$ ? (@.a)',
  '$ ? (@ like_regex "a" flag "x")',
  '$ ? (@ like_regex "a" flag "z")',
  '$.a ? (@ == 1',
  '01',
  '$.**{1.5}',
  '"\\u0000"',
  'strict',
  '$ ? (@ == TRUE)',
  '$.bigint()',
  '(1 < 2) == true',
  '$ ? (!(@ > 1) is unknown)',
  '',
];

describe('normalizeJsonPathLiteral', () => {
  it.each(PG15_OUTPUT)('%s', (input, expected) => {
    expect(normalizeJsonPathLiteral(input)).toBe(expected);
  });

  // PostgreSQL's own output normally re-parses to itself; where it does not (`($.a * 2).b + 1`
  // prints as `($."a" * 2."b" + 1)`, which PG rejects), the text comes back unchanged either way.
  it.each(PG15_OUTPUT)('is idempotent on the canonical form of %s', (_input, expected) => {
    expect(normalizeJsonPathLiteral(expected)).toBe(expected);
  });

  it.each(REJECTED_BY_PG15)('returns invalid %j unchanged', (input) => {
    expect(normalizeJsonPathLiteral(input)).toBe(input);
  });
});
