import type { ChangeSubject } from '../../diff/describe-change.js';
import { qualify, quoteIdent, type QualifiedName } from '../../model/names.js';
import type { DomainCheck, DomainDef } from '../../model/objects.js';

/**
 * What one domain change does. A domain is altered in place wherever ALTER DOMAIN can (default,
 * NOT NULL, CHECKs, comments); a different base type or collation means drop and create again,
 * which the diff only plans when no live column or domain is of that type.
 */
export type DomainOp =
  | { readonly op: 'create'; readonly domain: DomainDef }
  | { readonly op: 'setDefault'; readonly from?: string; readonly to?: string; readonly toSql?: string }
  | { readonly op: 'setNotNull'; readonly notNull: boolean }
  | { readonly op: 'addCheck'; readonly check: DomainCheck }
  | { readonly op: 'dropCheck'; readonly name: string }
  | { readonly op: 'validateCheck'; readonly name: string }
  | { readonly op: 'commentCheck'; readonly name: string; readonly comment: string | null };

/** The change the domain kind emits: CREATE DOMAIN or one ALTER DOMAIN (drops and renames use the shared ones). */
export type DomainChange = { readonly kind: 'domain'; readonly domain: QualifiedName; readonly op: DomainOp };

/** How a domain change reads in plans (`set default of domain public.d`, `add constraint public.d.c`). */
export function describeDomainOp(domain: QualifiedName, op: DomainOp): ChangeSubject {
  const name = qualify(domain);
  const part = (n: string): string => `${name}.${quoteIdent(n)}`;
  switch (op.op) {
    case 'create':
      return { object: 'domain', name, group: name, action: 'create', detail: op.domain.baseType };
    case 'setDefault':
      return { object: 'domain', name, group: name, action: op.to === undefined ? 'drop default of' : 'set default of', detail: `${op.from ?? '(none)'} -> ${op.to ?? '(none)'}` };
    case 'setNotNull':
      return { object: 'domain', name, group: name, action: op.notNull ? 'set not null on' : 'drop not null on' };
    case 'addCheck':
      return { object: 'constraint', name: part(op.check.name), group: name, action: 'add', detail: 'check' };
    case 'dropCheck':
      return { object: 'constraint', name: part(op.name), group: name, action: 'drop' };
    case 'validateCheck':
      return { object: 'constraint', name: part(op.name), group: name, action: 'validate' };
    case 'commentCheck':
      return { object: 'constraint', name: part(op.name), group: name, action: op.comment === null ? 'remove comment on' : 'set comment on' };
  }
}
