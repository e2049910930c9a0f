import type { Origin } from './origin.js';
import type { QualifiedName } from './names.js';
import type { Grant } from './privileges.js';
export type { QualifiedName } from './names.js';

/**
 * Model objects. Plain readonly data. Expressions (defaults, CHECK bodies, index keys and
 * predicates, view queries) are canonical SQL text produced by `src/parse`'s normaliser, so that
 * the replayed side and the introspected side compare with `===`.
 */

/**
 * An expression as the migration wrote it (printed back by PostgreSQL's deparser), kept next to
 * the canonical text for execution only: PostgreSQL stores what it parses, so
 * `status IN ('a', 'b')` on a varchar column becomes `(status)::text = ANY ((ARRAY['a'::character
 * varying, ...])::text[])`, while the canonical text (`status = ANY (ARRAY['a', 'b'])`) would be
 * stored as `ARRAY['a'::text, ...]`. Never compared or hashed; dropped at the end of replay where
 * it no longer normalises to the canonical text (a rename or type change rewrote that).
 */
export type WrittenText = string;

export interface SchemaDef {
  readonly name: string;
  readonly comment?: string;
  /** Grants to roles other than the owner; absent = PostgreSQL's default (see privileges.ts). */
  readonly grants?: readonly Grant[];
  /** Owner, when the history set one (`ALTER ... OWNER TO`); compared only with `--owners`. */
  readonly owner?: string;
  readonly origin?: Origin;
}

export interface ExtensionDef {
  readonly name: string;
  /** Schema the extension's objects live in, when the migration said (`WITH SCHEMA`). */
  readonly schema?: string;
  /**
   * The comment COMMENT ON EXTENSION set; `''` when it removed the comment. Absent: the comment
   * CREATE EXTENSION gave it, the one in the extension's control file, which a migration cannot
   * know (introspection leaves it out when pg_description still holds that one).
   */
  readonly comment?: string;
  /**
   * Live only: the control file's comment (pg_available_extensions), which a plan gives back when
   * the history left the comment alone. Never compared.
   */
  readonly defaultComment?: string;
  readonly origin?: Origin;
}

/**
 * A column type in PostgreSQL's `format_type` spelling (`character varying(100)`,
 * `timestamp(3) with time zone`, `integer[]`); user-defined types are schema-qualified and quoted
 * as needed (`public.mood`), so the same type always has the same text.
 */
export type TypeText = string;

export interface IdentitySpec {
  readonly always: boolean;
  /** Name of the implicit sequence (PostgreSQL names it `<table>_<column>_seq`). */
  readonly sequence?: string;
}

export interface ColumnDef {
  readonly name: string;
  readonly type: TypeText;
  readonly notNull: boolean;
  /** Canonical default expression (compared); absent when none. */
  readonly default?: string;
  /**
   * The default as the migration wrote it, for execution only: PostgreSQL stores `DEFAULT '0'`
   * on a bigint as `'0'::bigint` but `DEFAULT 0` as `0`, which the canonical text cannot tell
   * apart. Absent when the history did not spell it (serial) or later rewrote it (a rename).
   */
  readonly defaultSql?: string;
  readonly identity?: IdentitySpec;
  /** Canonical expression of a `GENERATED ALWAYS AS (...) STORED` column. */
  readonly generated?: string;
  /** `generated` as the migration wrote it, for execution only (see {@link WrittenText}). */
  readonly generatedSql?: WrittenText;
  /** Explicit collation (quoted name, e.g. `"C"`); absent means the type's default. */
  readonly collation?: string;
  readonly comment?: string;
  /** Column privileges (`GRANT SELECT (c) ON t`); absent = none. */
  readonly grants?: readonly Grant[];
  readonly origin?: Origin;
}

export type ForeignKeyAction = 'no action' | 'restrict' | 'cascade' | 'set null' | 'set default';

export interface ForeignKeyRef {
  readonly table: QualifiedName;
  readonly columns: readonly string[];
  readonly onDelete: ForeignKeyAction;
  readonly onUpdate: ForeignKeyAction;
  readonly match: 'simple' | 'full' | 'partial';
}

/** Key part of an index or an EXCLUDE constraint: a column or an expression. */
export interface IndexKey {
  /** Column name, when the key is a plain column. */
  readonly column?: string;
  /** Canonical expression, when the key is an expression. */
  readonly expression?: string;
  /** `expression` as the migration wrote it, for execution only (see {@link WrittenText}). */
  readonly expressionSql?: WrittenText;
  readonly collation?: string;
  /** Operator class when not the default (canonical, e.g. `text_pattern_ops`). */
  readonly opclass?: string;
  readonly descending: boolean;
  /** NULLS FIRST/LAST only when it differs from the default for the direction. */
  readonly nullsFirst: boolean;
  /** EXCLUDE constraints only: the operator (e.g. `&&`). */
  readonly operator?: string;
}

interface ConstraintBase {
  readonly name: string;
  readonly deferrable: boolean;
  readonly initiallyDeferred: boolean;
  readonly comment?: string;
  readonly origin?: Origin;
}

/**
 * What PRIMARY KEY, UNIQUE and EXCLUDE constraints hold of the index PostgreSQL builds for them
 * (named as the constraint, renamed with it): the model has no IndexDef for it, yet it is a
 * pg_class row of its own, with its own storage parameters and comment (pg_dump prints them as
 * the constraint's `WITH (..)` and `COMMENT ON INDEX`).
 */
interface IndexBacked {
  /** `WITH (...)` storage parameters of the index, as in IndexDef.options; absent when none. */
  readonly options?: readonly string[];
  /**
   * `COMMENT ON INDEX` of the index (pg_description of its pg_class row), apart from the
   * constraint's own `comment` (pg_description of its pg_constraint row).
   */
  readonly indexComment?: string;
}

export interface PrimaryKeyConstraint extends ConstraintBase, IndexBacked {
  readonly type: 'primary key';
  readonly columns: readonly string[];
  readonly include: readonly string[];
}

export interface UniqueConstraint extends ConstraintBase, IndexBacked {
  readonly type: 'unique';
  readonly columns: readonly string[];
  readonly include: readonly string[];
  readonly nullsNotDistinct: boolean;
}

export interface ForeignKeyConstraint extends ConstraintBase {
  readonly type: 'foreign key';
  readonly columns: readonly string[];
  readonly references: ForeignKeyRef;
  /** False after `NOT VALID` until `VALIDATE CONSTRAINT`. */
  readonly validated: boolean;
}

export interface CheckConstraint extends ConstraintBase {
  readonly type: 'check';
  readonly expression: string;
  /** `expression` as the migration wrote it, for execution only (see {@link WrittenText}). */
  readonly expressionSql?: WrittenText;
  readonly validated: boolean;
  readonly noInherit: boolean;
}

export interface ExcludeConstraint extends ConstraintBase, IndexBacked {
  readonly type: 'exclude';
  readonly method: string;
  readonly keys: readonly IndexKey[];
  readonly include: readonly string[];
  readonly where?: string;
  /** `where` as the migration wrote it, for execution only (see {@link WrittenText}). */
  readonly whereSql?: WrittenText;
}

/** Table constraints, tagged by `type`. */
export type ConstraintDef =
  | PrimaryKeyConstraint
  | UniqueConstraint
  | ForeignKeyConstraint
  | CheckConstraint
  | ExcludeConstraint;

export interface TableDef extends QualifiedName {
  readonly unlogged: boolean;
  /** Canonical `PARTITION BY` clause of a partitioned table (e.g. `RANGE (created_at)`). */
  readonly partitionBy?: string;
  /** Parent and bound of a partition (`FOR VALUES ...` text). */
  readonly partitionOf?: { readonly parent: QualifiedName; readonly bound: string };
  /**
   * `WITH (...)` storage parameters as in IndexDef.options: the table's own in the order
   * written, then its TOAST table's (`toast.autovacuum_enabled=false`), as pg_dump prints them.
   */
  readonly options?: readonly string[];
  readonly columns: readonly ColumnDef[];
  /** Constraints in creation order; names are unique per table. */
  readonly constraints: readonly ConstraintDef[];
  /** ENABLE ROW LEVEL SECURITY (`pg_class.relrowsecurity`); absent: disabled. */
  readonly rowSecurity?: true;
  /** FORCE ROW LEVEL SECURITY: policies bind the owner too (`relforcerowsecurity`); absent: not. */
  readonly forceRowSecurity?: true;
  readonly comment?: string;
  /** Grants to roles other than the owner; absent = PostgreSQL's default (see privileges.ts). */
  readonly grants?: readonly Grant[];
  /** Owner, when the history set one (`ALTER ... OWNER TO`); compared only with `--owners`. */
  readonly owner?: string;
  /**
   * Grants on the relation's row type (`GRANT USAGE ON TYPE t`: pg_type.typacl of the type every
   * table and view has, named like it), apart from the relation's own; absent = PostgreSQL's
   * default (PUBLIC USAGE). PostgreSQL checks them where the type is used (a column or argument
   * of type `t`); default privileges do not apply to them, the owner is the relation's, and
   * pg_dump does not print them.
   */
  readonly rowTypeGrants?: readonly Grant[];
  readonly origin?: Origin;
}

/**
 * A stand-alone index (one made by CREATE INDEX). Indexes that back PRIMARY KEY, UNIQUE and
 * EXCLUDE constraints are part of the constraint, as in PostgreSQL's own DDL.
 */
export interface IndexDef extends QualifiedName {
  /** The indexed table; always in the same schema as the index. */
  readonly table: string;
  readonly unique: boolean;
  readonly method: string;
  readonly keys: readonly IndexKey[];
  readonly include: readonly string[];
  readonly where?: string;
  /** `where` as the migration wrote it, for execution only (see {@link WrittenText}). */
  readonly whereSql?: WrittenText;
  readonly nullsNotDistinct: boolean;
  /**
   * `WITH (...)` storage parameters as `pg_class.reloptions` keeps them (`fillfactor=70`), in the
   * order written (PostgreSQL keeps and pg_dump prints that order); absent when none.
   */
  readonly options?: readonly string[];
  readonly comment?: string;
  /**
   * The history built it CONCURRENTLY (no write lock while building): on an existing table the
   * plan does too. How it was built, not what it is: never compared nor hashed (NEVER_COMPARED).
   */
  readonly concurrently?: boolean;
  readonly origin?: Origin;
}

export interface EnumDef extends QualifiedName {
  /** Labels in sort order (the order `enumsortorder` gives). */
  readonly values: readonly string[];
  readonly comment?: string;
  /** Grants to roles other than the owner; absent = PostgreSQL's default (see privileges.ts). */
  readonly grants?: readonly Grant[];
  /** Owner, when the history set one (`ALTER ... OWNER TO`); compared only with `--owners`. */
  readonly owner?: string;
  readonly origin?: Origin;
}

/** A CHECK constraint of a domain (`VALUE` stands for the value checked). */
export interface DomainCheck {
  readonly name: string;
  /** Canonical expression (compared). */
  readonly expression: string;
  /** `expression` as the migration wrote it, for execution only (see {@link WrittenText}). */
  readonly expressionSql?: WrittenText;
  /** False after `ADD CONSTRAINT .. NOT VALID` until `VALIDATE CONSTRAINT`. */
  readonly validated: boolean;
  readonly comment?: string;
}

/**
 * A domain (CREATE DOMAIN): a base type with a default, NOT NULL and CHECK constraints. Columns
 * of a domain type carry the domain's qualified name as their type text.
 */
export interface DomainDef extends QualifiedName {
  /** The base type in the model's type text (format_type spelling; user types qualified). */
  readonly baseType: TypeText;
  /** Explicit collation (quoted name); absent means the base type's. */
  readonly collation?: string;
  /** Canonical default expression (compared); absent when none. */
  readonly default?: string;
  /** The default as the migration wrote it, for execution only (see {@link WrittenText}). */
  readonly defaultSql?: WrittenText;
  readonly notNull: boolean;
  /** CHECK constraints, by name (PostgreSQL checks them in name order). */
  readonly checks: readonly DomainCheck[];
  readonly comment?: string;
  /** Grants to roles other than the owner; absent = PostgreSQL's default (see privileges.ts). */
  readonly grants?: readonly Grant[];
  /** Owner, when the history set one (`ALTER ... OWNER TO`); compared only with `--owners`. */
  readonly owner?: string;
  readonly origin?: Origin;
}

/** An attribute of a composite type (`pg_attribute` of its `relkind 'c'` class). */
export interface TypeAttribute {
  readonly name: string;
  readonly type: TypeText;
  /** Explicit collation (quoted name); absent means the type's default. */
  readonly collation?: string;
  /** COMMENT ON COLUMN type.attribute (pg_description of the type's class, objsubid = attnum). */
  readonly comment?: string;
}

/**
 * A stand-alone composite type (CREATE TYPE .. AS (...)); table row types are not one. Columns of
 * it carry its qualified name as their type text.
 */
export interface CompositeTypeDef extends QualifiedName {
  /** Attributes in attnum order (ADD ATTRIBUTE appends; PostgreSQL cannot reorder them). */
  readonly attributes: readonly TypeAttribute[];
  readonly comment?: string;
  /** Grants to roles other than the owner; absent = PostgreSQL's default (see privileges.ts). */
  readonly grants?: readonly Grant[];
  /** Owner, when the history set one (`ALTER ... OWNER TO`); compared only with `--owners`. */
  readonly owner?: string;
  readonly origin?: Origin;
}

/**
 * A range type (CREATE TYPE .. AS RANGE), as pg_range keeps it. PostgreSQL cannot alter any of it
 * (only rename, move, owner and comment): a different definition means drop and create again.
 */
export interface RangeTypeDef extends QualifiedName {
  /** The subtype without typmod (PostgreSQL keeps only its oid). */
  readonly subtype: TypeText;
  /** The btree operator class, only when not the subtype's default. */
  readonly subtypeOpclass?: string;
  /** Collation (quoted name), only when not the subtype's default. */
  readonly collation?: string;
  /** Canonical and subtype-difference functions (`float8mi`, or `schema.f` outside pg_catalog). */
  readonly canonical?: string;
  readonly subtypeDiff?: string;
  /** The multirange type created with it (PostgreSQL 14+); its schema may differ from the range's. */
  readonly multirange: QualifiedName;
  readonly comment?: string;
  /** Grants to roles other than the owner; absent = PostgreSQL's default (see privileges.ts). */
  readonly grants?: readonly Grant[];
  /** Owner, when the history set one (`ALTER ... OWNER TO`); compared only with `--owners`. */
  readonly owner?: string;
  /**
   * The multirange type's own grants and owner (pg_type.typacl / typowner of `multirange`):
   * PostgreSQL 14 to 16 keep them apart from the range's (GRANT ON TYPE r and ALTER TYPE r OWNER
   * TO leave the multirange alone; GRANT ON TYPE r_multirange and ALTER TYPE r_multirange OWNER
   * TO change only it) and pg_dump prints neither; PostgreSQL 17 refuses both statements and
   * makes the multirange follow its range. Same conventions as `grants` and `owner`.
   */
  readonly multirangeGrants?: readonly Grant[];
  readonly multirangeOwner?: string;
  readonly origin?: Origin;
}

export interface SequenceDef extends QualifiedName {
  readonly dataType: 'smallint' | 'integer' | 'bigint';
  readonly start: string;
  readonly increment: string;
  readonly min: string;
  readonly max: string;
  readonly cache: string;
  readonly cycle: boolean;
  /** Column that owns the sequence (serial, identity or `OWNED BY`). */
  readonly ownedBy?: { readonly table: string; readonly column: string };
  readonly comment?: string;
  /** Grants to roles other than the owner; absent = PostgreSQL's default (see privileges.ts). */
  readonly grants?: readonly Grant[];
  /** Owner, when the history set one (`ALTER ... OWNER TO`); compared only with `--owners`. */
  readonly owner?: string;
  readonly origin?: Origin;
}

/** What a view's output column carries besides its name: a default (used by INSERTs through the view) and a comment. */
export interface ViewColumnDetail {
  /** The output column's name. */
  readonly name: string;
  /** Canonical default expression (compared); absent when none. */
  readonly default?: string;
  /** The default as written, for execution only (see {@link WrittenText}). */
  readonly defaultSql?: WrittenText;
  readonly comment?: string;
}

/** The privileges granted on one output column of a view (`GRANT SELECT (a) ON v TO r`). */
export interface ViewColumnGrants {
  /** The output column's name. */
  readonly name: string;
  /** Grants to roles other than the owner (a column's default ACL is empty); never empty here. */
  readonly grants: readonly Grant[];
}

export interface ViewDef extends QualifiedName {
  readonly materialized: boolean;
  /** Canonical text of the view's query: for comparison only (column qualifiers are dropped). */
  readonly query: string;
  /** The query as executable SQL (as written in the migration, or as pg_get_viewdef prints it). */
  readonly definition: string;
  /** Output column names, when the migration gave them explicitly. */
  readonly columns?: readonly string[];
  /**
   * Defaults and comments of output columns (`ALTER VIEW .. ALTER COLUMN .. SET DEFAULT`,
   * `COMMENT ON COLUMN`), sorted by name; absent when none. PostgreSQL keeps them in pg_attrdef /
   * pg_description on the view's attributes: they survive CREATE OR REPLACE VIEW and column
   * renames, not a DROP.
   */
  readonly columnDetails?: readonly ViewColumnDetail[];
  /**
   * `WITH (...)` options as `pg_class.reloptions` keeps them (`security_barrier=true`,
   * `check_option=local` for `WITH LOCAL CHECK OPTION`), in the order written; absent when none.
   */
  readonly options?: readonly string[];
  readonly comment?: string;
  /** Grants to roles other than the owner; absent = PostgreSQL's default (see privileges.ts). */
  readonly grants?: readonly Grant[];
  /**
   * Column privileges of output columns (pg_attribute.attacl), sorted by name; absent when none.
   * Like columnDetails they survive CREATE OR REPLACE VIEW and column renames, not a DROP. Owned
   * by the privilege kind (compared for the managed roles only), so kept apart from columnDetails.
   */
  readonly columnGrants?: readonly ViewColumnGrants[];
  /** Owner, when the history set one (`ALTER ... OWNER TO`); compared only with `--owners`. */
  readonly owner?: string;
  /** Grants on the view's row type, as TableDef.rowTypeGrants. */
  readonly rowTypeGrants?: readonly Grant[];
  readonly origin?: Origin;
}

export interface FunctionDef extends QualifiedName {
  /** Identity argument types, canonical and comma-separated (`integer, text`): with the name, the key. */
  readonly identityArgs: string;
  /** Full argument list with names, modes and defaults, canonical. */
  readonly args: string;
  readonly kind: 'function' | 'procedure';
  readonly returns?: string;
  readonly language: string;
  /** The body exactly as written between the quotes (PostgreSQL keeps it verbatim in prosrc). */
  readonly body: string;
  readonly volatility: 'volatile' | 'stable' | 'immutable';
  readonly strict: boolean;
  readonly securityDefiner: boolean;
  /** LEAKPROOF (absent: not). */
  readonly leakproof?: boolean;
  /** PARALLEL SAFE / RESTRICTED (absent: UNSAFE, the default). */
  readonly parallel?: 'safe' | 'restricted';
  /** COST and ROWS when not PostgreSQL's defaults (100 or 1 for C/internal; 1000), as `%g` prints them. */
  readonly cost?: string;
  readonly rows?: string;
  /** `SET` clauses in proconfig order, each `name TO 'value', ...` (name lower-case, quoted as needed). */
  readonly config?: readonly string[];
  /**
   * A SQL-standard body (`RETURN ...` / `BEGIN ATOMIC ... END`) as executable text; `body` then
   * holds its canonical text, which is what is compared (like ColumnDef.defaultSql, never compared).
   */
  readonly sqlBody?: string;
  readonly comment?: string;
  /** Grants to roles other than the owner; absent = PostgreSQL's default (see privileges.ts). */
  readonly grants?: readonly Grant[];
  /** Owner, when the history set one (`ALTER ... OWNER TO`); compared only with `--owners`. */
  readonly owner?: string;
  readonly origin?: Origin;
}

/** How an aggregate's final function may treat the transition state (FINALFUNC_MODIFY). */
export type AggregateModify = 'read_only' | 'shareable' | 'read_write';

/**
 * An aggregate (CREATE AGGREGATE; pg_proc prokind 'a' with its pg_aggregate row). It shares the
 * routine name space with functions (name plus argument types: functionKey). Support functions
 * are named as {@link routineName} prints them; types are type texts as function arguments spell
 * them. Optional attributes are absent at PostgreSQL's defaults, so equal aggregates compare equal.
 */
export interface AggregateDef extends QualifiedName {
  /** Argument types, comma-separated (direct and aggregated ones alike): with the name, the key. */
  readonly identityArgs: string;
  /** The signature as CREATE AGGREGATE takes it: `*`, `integer`, `double precision ORDER BY anyelement`. */
  readonly args: string;
  /** Plain, ordered-set (`ORDER BY` in the signature) or hypothetical-set (HYPOTHETICAL). */
  readonly aggKind: 'normal' | 'ordered' | 'hypothetical';
  readonly sfunc: string;
  readonly stype: TypeText;
  readonly sspace?: number;
  readonly finalfunc?: string;
  readonly finalfuncExtra?: true;
  /** Absent: the default (read_only for plain aggregates, read_write for ordered-set ones). */
  readonly finalfuncModify?: AggregateModify;
  readonly combinefunc?: string;
  readonly serialfunc?: string;
  readonly deserialfunc?: string;
  /** INITCOND as the catalog keeps it: text, whatever the literal's spelling. */
  readonly initcond?: string;
  readonly msfunc?: string;
  readonly minvfunc?: string;
  readonly mstype?: TypeText;
  readonly msspace?: number;
  readonly mfinalfunc?: string;
  readonly mfinalfuncExtra?: true;
  readonly mfinalfuncModify?: AggregateModify;
  readonly minitcond?: string;
  /** SORTOP, the operator's name (qualified outside pg_catalog and public). */
  readonly sortop?: string;
  /** PARALLEL SAFE / RESTRICTED (absent: UNSAFE, the default). */
  readonly parallel?: 'safe' | 'restricted';
  readonly comment?: string;
  /** Grants to roles other than the owner (EXECUTE, as on functions); absent = PostgreSQL's default (see privileges.ts). */
  readonly grants?: readonly Grant[];
  /** Owner, when the history set one (`ALTER ... OWNER TO`); compared only with `--owners`. */
  readonly owner?: string;
  readonly origin?: Origin;
}

/** The support routines an aggregate names (as {@link AggregateDef} spells them). */
export function aggregateRoutines(a: AggregateDef): string[] {
  return [a.sfunc, a.finalfunc, a.combinefunc, a.serialfunc, a.deserialfunc, a.msfunc, a.minvfunc, a.mfinalfunc].filter((f): f is string => f !== undefined);
}

/**
 * A rewrite rule (CREATE RULE; pg_rewrite rows other than views' `_RETURN`). Names are unique per
 * table, as for triggers. PostgreSQL keeps the parsed actions and prints them with pg_get_ruledef;
 * `where` and `actions` are canonical text of that print and of the migration's statement alike.
 */
export interface RuleDef {
  readonly schema: string;
  readonly table: string;
  readonly name: string;
  readonly event: 'select' | 'insert' | 'update' | 'delete';
  /** DO INSTEAD (true) or DO ALSO. */
  readonly instead: boolean;
  /** Canonical WHERE condition; absent when none. */
  readonly where?: string;
  /** Canonical actions, `;`-separated; empty for NOTHING. */
  readonly actions: string;
  /** The condition and actions as written (or as pg_get_ruledef prints them), for execution only. */
  readonly whereSql?: WrittenText;
  readonly actionsSql?: WrittenText;
  /**
   * When it fires (pg_rewrite.ev_enabled, the same letters as a trigger's), absent when enabled
   * (`O`): `ALTER TABLE .. DISABLE RULE` / `ENABLE REPLICA` / `ENABLE ALWAYS RULE`. CREATE OR
   * REPLACE RULE keeps it.
   */
  readonly enabled?: TriggerFiring;
  readonly comment?: string;
  readonly origin?: Origin;
}

export interface TriggerDef {
  readonly schema: string;
  readonly table: string;
  readonly name: string;
  readonly timing: 'before' | 'after' | 'instead of';
  /** Events in canonical order: insert, delete, update, truncate. */
  readonly events: readonly string[];
  /** Columns of `UPDATE OF a, b`. */
  readonly updateColumns: readonly string[];
  readonly forEachRow: boolean;
  readonly when?: string;
  readonly function: QualifiedName;
  readonly args: readonly string[];
  readonly constraint: boolean;
  readonly deferrable: boolean;
  readonly initiallyDeferred: boolean;
  /** Transition table names of `REFERENCING OLD TABLE AS o NEW TABLE AS n` (AFTER triggers). */
  readonly oldTable?: string;
  readonly newTable?: string;
  /**
   * When it fires (pg_trigger.tgenabled), absent when enabled (`O`, fires unless the session is
   * a replica): `ALTER TABLE .. DISABLE TRIGGER` / `ENABLE REPLICA` / `ENABLE ALWAYS TRIGGER`.
   */
  readonly enabled?: TriggerFiring;
  readonly comment?: string;
  readonly origin?: Origin;
}

/** A trigger's firing state other than the default: disabled (`D`), replica only (`R`), always (`A`). */
export type TriggerFiring = 'disabled' | 'replica' | 'always';

/**
 * A row-level security policy (pg_policy). Names are unique per table, as for triggers. The
 * expressions are canonical text as pg_get_expr prints them once normalised; PostgreSQL keeps
 * the parsed tree, so the policy follows column renames and blocks drops of what it uses.
 */
export interface PolicyDef {
  readonly schema: string;
  readonly table: string;
  readonly name: string;
  /** AS PERMISSIVE (OR-ed with the others) or RESTRICTIVE (AND-ed): fixed at creation. */
  readonly permissive: boolean;
  /** FOR ALL / SELECT / INSERT / UPDATE / DELETE: fixed at creation. */
  readonly command: 'all' | 'select' | 'insert' | 'update' | 'delete';
  /** Role names as pg_authid spells them, sorted (a set); empty: PUBLIC. */
  readonly roles: readonly string[];
  /** Canonical USING expression; absent when none. */
  readonly using?: string;
  /** `using` as the migration wrote it, for execution only (see {@link WrittenText}). */
  readonly usingSql?: WrittenText;
  /** Canonical WITH CHECK expression; absent when none. */
  readonly withCheck?: string;
  /** `withCheck` as the migration wrote it, for execution only (see {@link WrittenText}). */
  readonly withCheckSql?: WrittenText;
  readonly comment?: string;
  readonly origin?: Origin;
}

/**
 * A collation (CREATE COLLATION) in a user schema. PostgreSQL cannot alter one beyond its name,
 * schema, owner and comment: a different provider or locale means drop and create again.
 */
export interface CollationDef extends QualifiedName {
  /** pg_collation.collprovider: libc (LC_COLLATE / LC_CTYPE) or icu (an ICU locale). */
  readonly provider: 'libc' | 'icu' | 'builtin';
  /** libc: LC_COLLATE and LC_CTYPE as stored (`LOCALE = x` sets both). */
  readonly lcCollate?: string;
  readonly lcCtype?: string;
  /** icu / builtin: the locale as stored (PostgreSQL 15 keeps it as written). */
  readonly locale?: string;
  /** DETERMINISTIC = false (ICU only) compares strings that are canonically equal as equal. */
  readonly deterministic: boolean;
  readonly comment?: string;
  /** Owner, when the history set one (`ALTER ... OWNER TO`); compared only with `--owners`. */
  readonly owner?: string;
  readonly origin?: Origin;
}

/**
 * An operator (CREATE OPERATOR), identified by schema, symbol (`name`) and operand types: a
 * prefix operator has no left operand. Functions and operators it names carry their schema
 * (`pg_catalog` for built-in ones), so both sides spell them alike.
 */
export interface OperatorDef extends QualifiedName {
  /** Operand types in the model's type text; absent: NONE (a prefix operator has no left). */
  readonly left?: TypeText;
  readonly right?: TypeText;
  /**
   * The function implementing it (pg_operator.oprcode), schema-qualified (`public.f`,
   * `pg_catalog.int4eq`). Kept as text: nested names would escape the diff's comparison.
   */
  readonly function: string;
  /** COMMUTATOR / NEGATOR operators as `schema.symbol` (their operands are implied); absent when none. */
  readonly commutator?: string;
  readonly negator?: string;
  /** RESTRICT / JOIN selectivity estimators, schema-qualified; absent when none. ALTER OPERATOR .. SET changes them. */
  readonly restrict?: string;
  readonly join?: string;
  readonly hashes: boolean;
  readonly merges: boolean;
  readonly comment?: string;
  /** Owner, when the history set one (`ALTER ... OWNER TO`); compared only with `--owners`. */
  readonly owner?: string;
  readonly origin?: Origin;
}

/** Any object kind the model tracks, as named in history events and diagnostics. */
export type ObjectKind =
  | 'schema'
  | 'extension'
  | 'table'
  | 'column'
  | 'constraint'
  | 'index'
  | 'enum'
  | 'enum value'
  | 'domain'
  | 'composite type'
  | 'range type'
  | 'attribute'
  | 'collation'
  | 'operator'
  | 'sequence'
  | 'view'
  | 'materialized view'
  | 'function'
  | 'aggregate'
  | 'trigger'
  | 'policy'
  | 'rule';
