import { qualify, quoteLiteral } from '../../model/names.js';
import { enumValueExists, typeExists } from '../../plan/catalog-conditions.js';
import { schemaDep } from '../../plan/dependency-keys.js';
import { enumDeps } from '../../plan/object-deps.js';
import { DROP_RANK } from '../../plan/rank.js';
import type { KindModule } from '../kind-module.js';
import { parentOf, relationObject } from '../object-specs.js';
import { addEnumValueActions, createEnumActions } from './enum-actions.js';
import type { EnumChange } from './enum-change.js';
import { diffEnums } from './enum-diff.js';

/** Enum types and their labels. PostgreSQL can add and rename labels, never drop or reorder them. */
export const enumKind: KindModule<'enum', EnumChange, 'enum' | 'enum value'> = {
  name: 'enum',
  diff: diffEnums,
  changes: {
    createEnum: {
      build: createEnumActions,
      describe: (c) => ({ object: 'enum', name: qualify(c.enum), group: qualify(c.enum), action: 'create', detail: c.enum.values.map((v) => `'${v}'`).join(', ') }),
    },
    addEnumValue: {
      build: addEnumValueActions,
      describe: (c) => ({
        object: 'enum value', name: `${qualify(c.enum)} '${c.value}'`, group: qualify(c.enum), action: 'add',
        ...(c.neighbor ? { detail: `${c.neighbor.after ? 'after' : 'before'} '${c.neighbor.value}'` } : {}),
      }),
    },
  },
  objects: {
    enum: relationObject({ keyword: 'TYPE', exists: typeExists, map: (s) => s.enums, deps: enumDeps, dropRank: DROP_RANK.enum, renamedAsPart: false }),
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
    },
  },
  compare: { state: (s) => s.enums, object: () => 'enum' },
};
