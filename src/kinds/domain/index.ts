import { typeExists } from '../../plan/catalog-conditions.js';
import { domainDeps } from './domain-deps.js';
import type { KindModule } from '../kind-module.js';
import { ownNames, relationObject } from '../object-specs.js';
import { typeDep } from '../../plan/dependency-keys.js';
import { DOMAIN_RANK, domainActions } from './domain-actions.js';
import { describeDomainOp, type DomainChange } from './domain-change.js';
import { compareDomainChecks, countDomainChecks } from './domain-compare.js';
import { diffDomains } from './domain-diff.js';
import { typeMention } from '../../plan/object-deps.js';
import { matchDomains } from './domain-match.js';

/**
 * Domains: created (guarded, CREATE DOMAIN has no IF NOT EXISTS), altered in place where ALTER
 * DOMAIN can, renamed and dropped through the shared rename and drop changes; `check` compares
 * their checks one by one.
 */
export const domainKind: KindModule<'domain', DomainChange, 'domain'> = {
  name: 'domain',
  match: matchDomains,
  diff: diffDomains,
  changes: {
    domain: { build: domainActions, describe: (c) => describeDomainOp(c.domain, c.op) },
  },
  objects: {
    domain: relationObject({ keyword: 'DOMAIN', exists: typeExists, map: (s) => s.domains, deps: domainDeps, dropRank: DOMAIN_RANK.drop, renamedAsPart: false, names: ownNames('domain'), dep: typeDep }),
  },
  compare: {
    state: (s) => s.domains,
    object: () => 'domain',
    parts: compareDomainChecks,
    ignored: new Set(['checks']),
    countParts: countDomainChecks,
  },
  mentionables: (s) => [...s.domains.values()].map(typeMention),
};
