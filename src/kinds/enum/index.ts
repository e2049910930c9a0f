import { qualify, quoteLiteral, type QualifiedName } from '../../model/names.js';
import { typeExists } from '../../plan/catalog-conditions.js';
import { enumValueDep, schemaDep, typeDep } from '../../plan/dependency-keys.js';
import { enumDeps } from './enum-deps.js';
import { DROP_RANK } from '../../plan/rank.js';
import type { KindModule } from '../kind-module.js';
import { ownNames, parentOf, partDep, partNames, relationObject } from '../object-specs.js';
import { addEnumValueActions, createEnumActions } from './enum-actions.js';
import type { EnumChange } from './enum-change.js';
import { diffEnums } from './enum-diff.js';
import { typeMention } from '../../plan/object-deps.js';
import { matchEnums } from './enum-match.js';
import { nameSpec, pastNames } from '../../diff/past-names.js';

/** The enum type has this label. */
function enumValueExists(type: QualifiedName, value: string): string {
  return (
    'EXISTS (SELECT 1 FROM pg_catalog.pg_enum e JOIN pg_catalog.pg_type t ON t.oid = e.enumtypid' +
    ' JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace' +
    ` WHERE n.nspname = ${quoteLiteral(type.schema)} AND t.typname = ${quoteLiteral(type.name)}` +
    ` AND e.enumlabel = ${quoteLiteral(value)})`
  );
}

/** Enum types and their labels. PostgreSQL can add and rename labels, never drop or reorder them. */
export const enumKind: KindModule<'enum', EnumChange, 'enum' | 'enum value'> = {
  name: 'enum',
  match: matchEnums,
  diff: diffEnums,
  changes: {
    createEnum: {
      build: createEnumActions,
      describe: (c) => ({ object: 'enum', name: qualify(c.enum), group: qualify(c.enum), action: 'create', detail: c.enum.values.map((v) => `'${v}'`).join(', ') }),
    },
    addEnumValue: {
      build: addEnumValueActions,
      // The ADD VALUE that added the label, under any name its enum had.
      eventOrigin: (c, events) => {
        for (const n of pastNames(events.index(), nameSpec('enum'), c.enum)) {
          const e = events.added({ schema: n.ref.schema, name: c.value, parent: n.ref.name });
          if (e) return e;
        }
        return undefined;
      },
      describe: (c) => ({
        object: 'enum value', name: `${qualify(c.enum)} '${c.value}'`, group: qualify(c.enum), action: 'add',
        ...(c.neighbor ? { detail: `${c.neighbor.after ? 'after' : 'before'} '${c.neighbor.value}'` } : {}),
      }),
    },
  },
  objects: {
    enum: relationObject({ keyword: 'TYPE', exists: typeExists, map: (s) => s.enums, deps: enumDeps, dropRank: DROP_RANK.enum, renamedAsPart: false, names: ownNames('enum'), dep: typeDep }),
    'enum value': {
      displayName: (r) => `${qualify(parentOf(r))} '${r.name}'`,
      dropRank: 0,
      dropTarget: () => undefined,
      dropSql: () => undefined,
      renameSql: (from, to) => {
        const e = parentOf(from);
        return {
          condition: `${enumValueExists(e, from.name)} AND NOT ${enumValueExists(e, to.name)}`,
          statements: [`ALTER TYPE ${qualify(e)} RENAME VALUE ${quoteLiteral(from.name)} TO ${quoteLiteral(to.name)}`],
        };
      },
      renamedAsPart: true,
      mentionable: false,
      dropRequires: (r) => [schemaDep(r.schema)],
      names: partNames('enum value', 'enum'),
      dep: partDep(enumValueDep),
      parent: 'enum',
    },
  },
  compare: { state: (s) => s.enums, object: () => 'enum' },
  inPlace: (t) => [...t.enums.values()].map((e) => ({ label: 'enum', name: qualify(e) })),
  mentionables: (s) => [...s.enums.values()].map(typeMention),
};
