/**
 * The statement IR: what `src/parse` lowers libpg-query's AST into. Everything above the parse
 * stage sees only these plain types. Expressions are canonical SQL text (see `normalize-expr.ts`).
 */
import type { AggregateDef, ForeignKeyAction, IndexKey, RuleDef, TriggerFiring } from '../model/objects.js';
import type { RoutineOptions } from '../model/routine-attributes.js';

/**
 * Which errors PostgreSQL would not see from a statement inside a DO block, because a guard
 * skips it or a handler swallows them: `exists` (IF NOT EXISTS (catalog lookup), EXCEPTION WHEN
 * duplicate_object ...), `missing` (IF EXISTS (catalog lookup), WHEN undefined_table ...), or
 * `any` (WHEN others).
 */
export type Tolerance = 'exists' | 'missing' | 'any';

/** A statement's place in the input; line/column are 1-based, in the original file. */
export interface StatementPos {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly revision: string | null;
}

/** A possibly schema-qualified name as written; `schema` is absent when unqualified. */
export interface NameRef {
  readonly schema?: string;
  readonly name: string;
}

/**
 * A type as written, before the replay resolves user types against the schema state.
 * `serial` forms are kept apart because PostgreSQL expands them into a sequence and a default.
 */
export type TypeRef =
  | { readonly kind: 'builtin'; readonly text: string }
  | { readonly kind: 'serial'; readonly base: 'smallint' | 'integer' | 'bigint' }
  | {
      readonly kind: 'user';
      readonly ref: NameRef;
      /** `(..)` typmod text, rarely used on user types. */
      readonly typmods: string;
      readonly arrayDims: number;
    };

export interface SequenceOptions {
  readonly dataType?: 'smallint' | 'integer' | 'bigint';
  readonly start?: string;
  readonly increment?: string;
  /** null = NO MINVALUE/NO MAXVALUE (back to the default). */
  readonly min?: string | null;
  readonly max?: string | null;
  readonly cache?: string;
  readonly cycle?: boolean;
  /** `OWNED BY t.c` (null = OWNED BY NONE). */
  readonly ownedBy?: { readonly table: NameRef; readonly column: string } | null;
  readonly sequenceName?: NameRef;
  readonly restart?: string | true;
}

export interface ColumnSpec {
  readonly name: string;
  readonly type: TypeRef;
  readonly notNull: boolean;
  /** Explicit NULL constraint (only matters to reject NULL + NOT NULL, which PG does too). */
  readonly default?: string;
  /** The default as written (executable), next to the canonical `default`. */
  readonly defaultSql?: string;
  readonly identity?: { readonly always: boolean; readonly options: SequenceOptions };
  readonly generated?: string;
  /** The generation expression as written (executable), next to the canonical `generated`. */
  readonly generatedSql?: string;
  readonly collation?: string;
  /** Column-level PK/UNIQUE/CHECK/FK constraints, already in table-constraint form. */
  readonly constraints: readonly ConstraintSpec[];
}

/** SET (..) / RESET (..) of storage options, in order: `set` entries (`name=value`) and `reset` names. */
export type RelOptionChanges = readonly ({ readonly set: string } | { readonly reset: string })[];

/**
 * `LIKE source INCLUDING ..` in CREATE TABLE: what is copied besides the columns' names, types,
 * collations and NOT NULL (always copied). STORAGE, COMPRESSION and STATISTICS are not modelled.
 */
export interface LikeClause {
  readonly source: NameRef;
  /** How many of the statement's own columns come before the copied ones. */
  readonly position: number;
  readonly including: {
    readonly comments: boolean;
    readonly constraints: boolean;
    readonly defaults: boolean;
    readonly generated: boolean;
    readonly identity: boolean;
    readonly indexes: boolean;
  };
}

/** A column of `PARTITION OF parent (b DEFAULT 1, ...)`: options on an inherited column, no type. */
export type ColumnOverride = Omit<ColumnSpec, 'type'>;

interface ConstraintSpecBase {
  /** Absent when the migration left naming to PostgreSQL. */
  readonly name?: string;
  readonly deferrable: boolean;
  readonly initiallyDeferred: boolean;
  /** The column, when the constraint was written on a column (names unnamed CHECKs). */
  readonly onColumn?: string;
}

/** What PRIMARY KEY, UNIQUE and EXCLUDE say about the index PostgreSQL builds for them. */
interface IndexBackedSpec {
  /** `WITH (...)` storage parameters of the index, as `IndexDef.options` keeps them. */
  readonly options?: readonly string[];
  /** The index's comment: only a copy by `LIKE .. INCLUDING INDEXES INCLUDING COMMENTS` has one. */
  readonly indexComment?: string;
}

export type ConstraintSpec =
  | (ConstraintSpecBase & IndexBackedSpec & {
      readonly type: 'primary key';
      readonly columns: readonly string[];
      readonly include: readonly string[];
      /** `USING INDEX idx`: promote an existing index. */
      readonly usingIndex?: string;
    })
  | (ConstraintSpecBase & IndexBackedSpec & {
      readonly type: 'unique';
      readonly columns: readonly string[];
      readonly include: readonly string[];
      readonly nullsNotDistinct: boolean;
      readonly usingIndex?: string;
    })
  | (ConstraintSpecBase & {
      readonly type: 'foreign key';
      readonly columns: readonly string[];
      readonly table: NameRef;
      /** Empty = the referenced table's primary key. */
      readonly refColumns: readonly string[];
      readonly onDelete: ForeignKeyAction;
      readonly onUpdate: ForeignKeyAction;
      readonly match: 'simple' | 'full' | 'partial';
      readonly notValid: boolean;
    })
  | (ConstraintSpecBase & {
      readonly type: 'check';
      readonly expression: string;
      /** The expression as written (executable), next to the canonical `expression`. */
      readonly expressionSql: string;
      /** Columns the expression mentions, in order of first appearance (names unnamed checks). */
      readonly columnsMentioned: readonly string[];
      readonly notValid: boolean;
      readonly noInherit: boolean;
    })
  | (ConstraintSpecBase & IndexBackedSpec & {
      readonly type: 'exclude';
      readonly method: string;
      readonly keys: readonly IndexKey[];
      readonly include: readonly string[];
      readonly where?: string;
      /** The predicate as written (executable), next to the canonical `where`. */
      readonly whereSql?: string;
    });

export type AlterTableCommand =
  | { readonly op: 'setOptions'; readonly changes: RelOptionChanges }
  | { readonly op: 'addColumn'; readonly column: ColumnSpec; readonly ifNotExists: boolean }
  | { readonly op: 'dropColumn'; readonly column: string; readonly ifExists: boolean; readonly cascade: boolean }
  | {
      readonly op: 'alterColumnType';
      readonly column: string;
      readonly type: TypeRef;
      readonly collation?: string;
      /** The USING expression as written (deparsed, casts kept). */
      readonly using?: string;
    }
  | { readonly op: 'setDefault'; readonly column: string; readonly expression: string | null; readonly expressionSql?: string }
  | { readonly op: 'setNotNull' | 'dropNotNull'; readonly column: string }
  | { readonly op: 'addConstraint'; readonly constraint: ConstraintSpec }
  | { readonly op: 'dropConstraint'; readonly name: string; readonly ifExists: boolean; readonly cascade: boolean }
  | { readonly op: 'validateConstraint'; readonly name: string }
  | { readonly op: 'addIdentity'; readonly column: string; readonly always: boolean; readonly options: SequenceOptions }
  | { readonly op: 'setIdentity'; readonly column: string; readonly always?: boolean; readonly options: SequenceOptions }
  | { readonly op: 'dropIdentity'; readonly column: string; readonly ifExists: boolean }
  | { readonly op: 'setLogged'; readonly unlogged: boolean }
  /** ENABLE / DISABLE (`enabled`) or FORCE / NO FORCE (`forced`) ROW LEVEL SECURITY. */
  | { readonly op: 'rowSecurity'; readonly enabled?: boolean; readonly forced?: boolean }
  /** ENABLE / DISABLE [REPLICA | ALWAYS] TRIGGER name | ALL | USER (`trigger` absent: ALL or USER). */
  | { readonly op: 'triggerFiring'; readonly trigger?: string; readonly firing: TriggerFiring | 'enabled' }
  /** ENABLE / DISABLE [REPLICA | ALWAYS] RULE name (rules fire like triggers: pg_rewrite.ev_enabled). */
  | { readonly op: 'ruleFiring'; readonly rule: string; readonly firing: TriggerFiring | 'enabled' }
  /** ATTACH PARTITION child FOR VALUES ... / DEFAULT (`bound` as CREATE TABLE ... PARTITION OF writes it). */
  | { readonly op: 'attachPartition'; readonly partition: NameRef; readonly bound: string }
  /** DETACH PARTITION child [CONCURRENTLY | FINALIZE] (FINALIZE completes an interrupted CONCURRENTLY). */
  | { readonly op: 'detachPartition'; readonly partition: NameRef; readonly mode: 'plain' | 'concurrently' | 'finalize' }
  | { readonly op: 'unsupported'; readonly what: string };

/** A domain's CHECK constraint as written. */
export interface DomainCheckSpec {
  /** Absent when the migration left naming to PostgreSQL (`<domain>_check`). */
  readonly name?: string;
  readonly expression: string;
  /** The expression as written (executable), next to the canonical `expression`. */
  readonly expressionSql: string;
  readonly notValid: boolean;
}

/** One ALTER DOMAIN action (the statement carries exactly one). */
export type AlterDomainCommand =
  | { readonly op: 'setDefault'; readonly expression: string | null; readonly expressionSql?: string }
  | { readonly op: 'setNotNull' | 'dropNotNull' }
  | { readonly op: 'addCheck'; readonly check: DomainCheckSpec }
  | { readonly op: 'dropConstraint'; readonly name: string; readonly ifExists: boolean; readonly cascade: boolean }
  | { readonly op: 'validateConstraint'; readonly name: string }
  | { readonly op: 'unsupported'; readonly what: string };

/** An attribute of CREATE TYPE .. AS (...) or ALTER TYPE .. ADD ATTRIBUTE, as written. */
export interface AttributeSpec {
  readonly name: string;
  readonly type: TypeRef;
  readonly collation?: string;
}

/** One ALTER TYPE action on a composite type (`cascade`: also on typed tables, which the model has not). */
export type AlterTypeCommand =
  | { readonly op: 'addAttribute'; readonly attribute: AttributeSpec }
  | { readonly op: 'dropAttribute'; readonly name: string; readonly ifExists: boolean }
  | { readonly op: 'alterAttribute'; readonly name: string; readonly type: TypeRef; readonly collation?: string }
  | { readonly op: 'unsupported'; readonly what: string };

/** An operator's operand types as DROP / COMMENT / ALTER OPERATOR name them (undefined: NONE). */
export type OperatorOperands = readonly [TypeRef | undefined, TypeRef | undefined];

/** CREATE COLLATION's options, as written (`LOCALE` not yet split into LC_COLLATE / LC_CTYPE). */
export interface CollationOptions {
  readonly provider?: string;
  readonly locale?: string;
  readonly lcCollate?: string;
  readonly lcCtype?: string;
  readonly deterministic?: boolean;
}

/** Kinds of relation-like and type objects statements name. */
export type TargetKind =
  | 'schema'
  | 'extension'
  | 'table'
  | 'index'
  | 'sequence'
  | 'view'
  | 'materialized view'
  | 'type'
  | 'domain'
  | 'domain constraint'
  | 'attribute'
  | 'function'
  | 'procedure'
  /** ROUTINE (PostgreSQL 11+): a function, a procedure or an aggregate, whichever the signature names. */
  | 'routine'
  | 'aggregate'
  | 'trigger'
  | 'rule'
  | 'column'
  | 'constraint'
  | 'policy'
  | 'collation'
  | 'operator';

/** A lowered statement, tagged by `kind`. */
export type Ddl =
  | { readonly kind: 'createSchema'; readonly name: string; readonly ifNotExists: boolean }
  | { readonly kind: 'createExtension'; readonly name: string; readonly schema?: string; readonly version?: string; readonly ifNotExists: boolean }
  /** ALTER EXTENSION .. UPDATE [TO version]: changes only the version (the objects follow its script). */
  | { readonly kind: 'updateExtension'; readonly name: string; readonly version?: string }
  | {
      readonly kind: 'createTable';
      readonly table: NameRef;
      readonly ifNotExists: boolean;
      readonly unlogged: boolean;
      readonly columns: readonly ColumnSpec[];
      readonly constraints: readonly ConstraintSpec[];
      readonly partitionBy?: string;
      readonly partitionOf?: { readonly parent: NameRef; readonly bound: string };
      /** Storage parameters, as in TableDef.options. */
      readonly options?: readonly string[];
      /** A partition's options on columns it inherits (its `columns` are then empty). */
      readonly columnOverrides?: readonly ColumnOverride[];
      /** `LIKE source [INCLUDING ..]` clauses, each placed after `position` of `columns`. */
      readonly likes?: readonly LikeClause[];
    }
  | { readonly kind: 'alterTable'; readonly table: NameRef; readonly ifExists: boolean; readonly commands: readonly AlterTableCommand[] }
  /** ALTER VIEW with subcommands (column defaults, options; the rest are ALTER TABLE forms PostgreSQL refuses on views). */
  | { readonly kind: 'alterView'; readonly view: NameRef; readonly ifExists: boolean; readonly commands: readonly AlterTableCommand[] }
  | {
      readonly kind: 'createIndex';
      readonly name?: string;
      readonly table: NameRef;
      readonly unique: boolean;
      readonly method: string;
      readonly keys: readonly IndexKey[];
      /** Column names mentioned by key expressions, for PostgreSQL's index naming. */
      readonly keyNames: readonly string[];
      readonly include: readonly string[];
      readonly where?: string;
      /** The predicate as written (executable), next to the canonical `where`. */
      readonly whereSql?: string;
      readonly nullsNotDistinct: boolean;
      /** Storage parameters, as in IndexDef.options. */
      readonly options?: readonly string[];
      readonly ifNotExists: boolean;
      readonly concurrently: boolean;
    }
  | { readonly kind: 'createEnum'; readonly type: NameRef; readonly values: readonly string[] }
  | {
      readonly kind: 'addEnumValue';
      readonly type: NameRef;
      readonly value: string;
      readonly ifNotExists: boolean;
      readonly neighbor?: { readonly value: string; readonly after: boolean };
    }
  | { readonly kind: 'renameEnumValue'; readonly type: NameRef; readonly from: string; readonly to: string }
  | {
      readonly kind: 'createDomain';
      readonly domain: NameRef;
      readonly baseType: TypeRef;
      readonly collation?: string;
      readonly default?: string;
      /** The default as written (executable), next to the canonical `default`. */
      readonly defaultSql?: string;
      readonly notNull: boolean;
      readonly checks: readonly DomainCheckSpec[];
    }
  | { readonly kind: 'alterDomain'; readonly domain: NameRef; readonly command: AlterDomainCommand }
  | { readonly kind: 'createCompositeType'; readonly type: NameRef; readonly attributes: readonly AttributeSpec[] }
  | {
      readonly kind: 'createRangeType';
      readonly type: NameRef;
      readonly subtype: TypeRef;
      readonly subtypeOpclass?: NameRef;
      readonly collation?: string;
      readonly canonical?: NameRef;
      readonly subtypeDiff?: NameRef;
      readonly multirange?: NameRef;
    }
  | { readonly kind: 'alterType'; readonly type: NameRef; readonly ifExists: boolean; readonly commands: readonly AlterTypeCommand[] }
  | {
      readonly kind: 'createCollation';
      readonly collation: NameRef;
      readonly ifNotExists: boolean;
      /** CREATE COLLATION .. FROM existing (no options then). */
      readonly from?: NameRef;
      readonly options: CollationOptions;
    }
  | {
      readonly kind: 'createOperator';
      /** `name` is the symbol. */
      readonly operator: NameRef;
      readonly left?: TypeRef;
      readonly right?: TypeRef;
      readonly function: NameRef;
      readonly commutator?: NameRef;
      readonly negator?: NameRef;
      readonly restrict?: NameRef;
      readonly join?: NameRef;
      readonly hashes: boolean;
      readonly merges: boolean;
    }
  | {
      /** ALTER OPERATOR .. SET (RESTRICT = .., JOIN = ..): undefined leaves one alone, null is NONE. */
      readonly kind: 'alterOperator';
      readonly operator: NameRef;
      readonly operands: OperatorOperands;
      readonly restrict?: NameRef | null;
      readonly join?: NameRef | null;
    }
  | { readonly kind: 'createSequence'; readonly sequence: NameRef; readonly ifNotExists: boolean; readonly options: SequenceOptions }
  | { readonly kind: 'alterSequence'; readonly sequence: NameRef; readonly ifExists: boolean; readonly options: SequenceOptions }
  | {
      readonly kind: 'createView';
      readonly view: NameRef;
      readonly materialized: boolean;
      readonly orReplace: boolean;
      readonly ifNotExists: boolean;
      readonly query: string;
      readonly definition: string;
      readonly columns?: readonly string[];
      /** As in ViewDef.options. */
      readonly options?: readonly string[];
    }
  | {
      /**
       * ALTER FUNCTION / PROCEDURE actions: only the attributes given. `cost` / `rows` as written
       * (the default COST depends on the language, known only in replay); `config` edits in order:
       * a setting's text (`name TO 'v'`), `reset` of a name, or `resetAll`.
       */
      readonly kind: 'alterFunction';
      readonly function: NameRef;
      readonly args?: string;
      /** Which statement: ALTER ROUTINE takes a function or a procedure (never an aggregate). */
      readonly routine: 'function' | 'procedure' | 'routine';
      readonly volatility?: 'volatile' | 'stable' | 'immutable';
      readonly strict?: boolean;
      readonly securityDefiner?: boolean;
      readonly leakproof?: boolean;
      readonly parallel?: 'safe' | 'restricted' | 'unsafe';
      readonly cost?: string;
      readonly rows?: string;
      readonly config: readonly ({ readonly name: string; readonly setting: string } | { readonly reset: string } | { readonly resetAll: true })[];
      /** An action replay does not model (SUPPORT), reported as a warning. */
      readonly unsupported?: string;
    }
  | (RoutineOptions & {
      readonly kind: 'createFunction';
      readonly function: NameRef;
      readonly orReplace: boolean;
      readonly procedure: boolean;
      /** Identity argument types; user types unresolved, so kept as written but canonical. */
      readonly identityArgs: string;
      readonly args: string;
      readonly returns?: string;
      readonly language: string;
      readonly body: string;
      readonly volatility: 'volatile' | 'stable' | 'immutable';
      readonly strict: boolean;
      readonly securityDefiner: boolean;
    })
  | {
      readonly kind: 'createTrigger';
      readonly name: string;
      readonly table: NameRef;
      readonly orReplace: boolean;
      readonly timing: 'before' | 'after' | 'instead of';
      readonly events: readonly string[];
      readonly updateColumns: readonly string[];
      readonly forEachRow: boolean;
      readonly when?: string;
      readonly function: NameRef;
      readonly args: readonly string[];
      readonly constraint: boolean;
      readonly deferrable: boolean;
      readonly initiallyDeferred: boolean;
      readonly oldTable?: string;
      readonly newTable?: string;
    }
  | PolicyDdl
  | AggregateDdl
  | RuleDdl
  | {
      readonly kind: 'rename';
      readonly target: TargetKind;
      /** The object renamed; for columns, constraints and triggers, the table. */
      readonly object: NameRef;
      /** Column, constraint or trigger being renamed (absent when the object itself is). */
      readonly sub?: string;
      /** Identity argument types of a routine, when given. */
      readonly args?: string;
      readonly newName: string;
      readonly ifExists: boolean;
    }
  | {
      /** ALTER INDEX / VIEW / MATERIALIZED VIEW .. SET (..) / RESET (..): options as in IndexDef.options. */
      readonly kind: 'setRelOptions';
      readonly target: 'index' | 'view';
      readonly relation: NameRef;
      readonly ifExists: boolean;
      readonly changes: RelOptionChanges;
    }
  | {
      readonly kind: 'setSchema';
      readonly target: TargetKind;
      readonly object: NameRef;
      /** Identity argument types of a routine, when given. */
      readonly args?: string;
      readonly newSchema: string;
      readonly ifExists: boolean;
      readonly operands?: OperatorOperands;
    }
  | {
      readonly kind: 'drop';
      readonly target: TargetKind;
      /** For triggers, `sub` is the trigger and `object` its table; for functions, `args` the identity args. */
      readonly objects: readonly { readonly object: NameRef; readonly sub?: string; readonly args?: string; readonly operands?: OperatorOperands }[];
      readonly ifExists: boolean;
      readonly cascade: boolean;
    }
  | {
      readonly kind: 'comment';
      readonly target: TargetKind;
      readonly object: NameRef;
      readonly sub?: string;
      readonly args?: string;
      readonly operands?: OperatorOperands;
      readonly text: string | null;
    }
  | GrantDdl
  | DefaultPrivilegesDdl
  | SetOwnerDdl
  | DataDdl
  | { readonly kind: 'noop'; readonly what: string }
  /**
   * CREATE TYPE x (a shell type) or CREATE TYPE x (INPUT = .., OUTPUT = ..) (a base type): not
   * modelled (`what`, `why` as for `unsupported`), only remembered so that what names the type
   * later is answered as PostgreSQL would.
   */
  | { readonly kind: 'createBaseType'; readonly type: NameRef; readonly shell: boolean; readonly what: string; readonly why: string }
  /** A valid statement the model does not cover; `why` when the reason is more than its kind (a DO block's body). */
  | { readonly kind: 'unsupported'; readonly what: string; readonly why?: string };

/**
 * CREATE [OR REPLACE] AGGREGATE, either syntax (the old `BASETYPE = t` one too), as the model's
 * AggregateDef without schema resolution: `aggregate` as written, the rest canonical.
 */
export type AggregateDdl = Omit<AggregateDef, 'schema' | 'name' | 'comment' | 'grants' | 'owner' | 'origin'> & {
  readonly kind: 'createAggregate';
  readonly aggregate: NameRef;
  readonly orReplace: boolean;
};

/** CREATE [OR REPLACE] RULE name AS ON event TO table [WHERE ..] DO [ALSO|INSTEAD] actions. */
export interface RuleDdl {
  readonly kind: 'createRule';
  readonly name: string;
  readonly table: NameRef;
  readonly orReplace: boolean;
  readonly event: RuleDef['event'];
  readonly instead: boolean;
  /** Canonical condition, and as written (executable). */
  readonly where?: string;
  readonly whereSql?: string;
  /** The actions as written, each one statement (deparsed); empty for NOTHING. */
  readonly actions: readonly string[];
}

/** A role a policy applies to: a name, or a keyword PostgreSQL resolves when it runs the statement. */
export type PolicyRole =
  | { readonly name: string }
  | { readonly keyword: 'public' | 'current_user' | 'current_role' | 'session_user' };

/** The policy command of `FOR ...` (PostgreSQL's default: all). */
export type PolicyCommand = 'all' | 'select' | 'insert' | 'update' | 'delete';

/** CREATE POLICY / ALTER POLICY (not RENAME: that is a `rename` of target `policy`). */
export type PolicyDdl =
  | {
      readonly kind: 'createPolicy';
      readonly name: string;
      readonly table: NameRef;
      readonly permissive: boolean;
      readonly command: PolicyCommand;
      readonly roles: readonly PolicyRole[];
      /** Canonical USING / WITH CHECK expressions, and as written (executable). */
      readonly using?: string;
      readonly usingSql?: string;
      readonly withCheck?: string;
      readonly withCheckSql?: string;
    }
  | {
      readonly kind: 'alterPolicy';
      readonly name: string;
      readonly table: NameRef;
      /** Absent: the clause was not given (unchanged). */
      readonly roles?: readonly PolicyRole[];
      readonly using?: string;
      readonly usingSql?: string;
      readonly withCheck?: string;
      readonly withCheckSql?: string;
    };

/**
 * A statement that changes rows, not schema (INSERT, UPDATE, DELETE, MERGE, COPY FROM, TRUNCATE,
 * a SELECT calling functions): recorded so the plan can say it is not run.
 */
export interface DataDdl {
  readonly kind: 'data';
  readonly verb: string;
  /** Relations whose rows it changes. */
  readonly targets: readonly NameRef[];
  /** Other relations it reads (CTE names left out). */
  readonly reads: readonly NameRef[];
  /** Names of the functions it calls, as written. */
  readonly calls: readonly string[];
  /** For a plain `INSERT .. VALUES` reading no table: its columns (empty: none listed) and literal rows. */
  readonly insert?: { readonly columns: readonly string[]; readonly rows: readonly (readonly (string | null | undefined)[])[] };
  /**
   * For an UPDATE or DELETE of one table that reads nothing but the row it changes (no subquery,
   * FROM, USING or WITH), or a TRUNCATE of one table without CASCADE: the columns it names.
   */
  readonly edit?: { readonly columns: readonly string[] };
}

/** A clause of a modelled statement that replay reports and goes on without (`what`: how it is spelled). */
export interface IgnoredClause {
  readonly what: string;
  readonly why: string;
}

/** A statement with its position and original text. */
export interface ParsedStatement {
  readonly ddl: Ddl;
  /** Clauses of it replay does not model (TABLESPACE ..): each a warning at the statement. */
  readonly ignoredClauses?: readonly IgnoredClause[];
  readonly pos: StatementPos;
  /** Original SQL text of the statement (trimmed), for messages and the `alembic_version` check. */
  readonly sql: string;
  /**
   * For a statement inside a DO block: the errors PostgreSQL would never raise because a guard
   * skips the statement or a handler ignores them (see do-block.ts). Replay skips the statement
   * instead of reporting them.
   */
  readonly tolerate?: Tolerance;
  /** For a statement inside a DO block: the block, which is what runs (one object shared by its statements). */
  readonly block?: { readonly sql: string; readonly pos: StatementPos };
}

/** A grantee or owner as written: a role, PUBLIC, or CURRENT_USER / CURRENT_ROLE / SESSION_USER (the migration's role). */
export type RoleRef = { readonly kind: 'role'; readonly name: string } | { readonly kind: 'public' } | { readonly kind: 'current' };

/** What a GRANT / REVOKE names: objects of one kind, or ALL ... IN SCHEMA. */
export type GrantOn =
  | { readonly kind: 'table' | 'sequence'; readonly objects: readonly NameRef[] }
  | { readonly kind: 'function' | 'procedure' | 'routine'; readonly objects: readonly { readonly object: NameRef; readonly args?: string }[] }
  | { readonly kind: 'schema'; readonly names: readonly string[] }
  /** ON TYPE (any type, domains too) or ON DOMAIN (`domain`: PostgreSQL refuses a non-domain). */
  | { readonly kind: 'type'; readonly objects: readonly NameRef[]; readonly domain?: true }
  | { readonly kind: 'allInSchema'; readonly objects: 'tables' | 'sequences' | 'functions' | 'procedures' | 'routines'; readonly schemas: readonly string[] };

/** A privilege as written (lower-case name, `all` for ALL [PRIVILEGES]), with its column list if any. */
export interface PrivilegeSpec {
  readonly name: string;
  readonly columns?: readonly string[];
}

/** What GRANT / REVOKE (on objects or as default privileges) gives or takes, and to whom. */
export interface PrivilegeChange {
  readonly revoke: boolean;
  /** `REVOKE GRANT OPTION FOR`: only the grant option goes. */
  readonly grantOptionOnly: boolean;
  /** `GRANT ... WITH GRANT OPTION`. */
  readonly withGrantOption: boolean;
  readonly privileges: readonly PrivilegeSpec[];
  readonly grantees: readonly RoleRef[];
}

/** GRANT / REVOKE of privileges on objects. */
export interface GrantDdl extends PrivilegeChange {
  readonly kind: 'grant';
  readonly on: GrantOn;
}

/** ALTER DEFAULT PRIVILEGES [FOR ROLE r, ...] [IN SCHEMA s, ...] GRANT / REVOKE ... ON TABLES|... */
export interface DefaultPrivilegesDdl extends PrivilegeChange {
  readonly kind: 'defaultPrivileges';
  readonly roles: readonly RoleRef[];
  readonly schemas: readonly string[];
  readonly objects: 'tables' | 'sequences' | 'functions' | 'types' | 'schemas';
}

/** ALTER <kind> ... OWNER TO role. */
export interface SetOwnerDdl {
  readonly kind: 'setOwner';
  readonly target: 'schema' | 'table' | 'sequence' | 'view' | 'materialized view' | 'function' | 'procedure' | 'routine' | 'aggregate' | 'type' | 'domain' | 'collation' | 'operator';
  readonly object: NameRef;
  /** Identity argument types of a function / procedure / routine, when given. */
  readonly args?: string;
  readonly operands?: OperatorOperands;
  readonly owner: RoleRef;
}
