import { qualify, quoteIdent } from '../../model/names.js';
import type { ViewDef } from '../../model/objects.js';
import { relationExists } from '../../plan/catalog-conditions.js';
import { viewDeps } from './view-deps.js';
import { DROP_RANK } from '../../plan/rank.js';
import type { KindModule, ObjectSpec } from '../kind-module.js';
import { ownNames, relationObject } from '../object-specs.js';
import { createViewActions, setViewColumnDefaultActions } from './view-actions.js';
import type { ViewChange } from './view-change.js';
import { diffViews, viewKind as kindOfView } from './view-diff.js';
import { relationMention } from '../../plan/object-deps.js';
import { matchViews } from './view-match.js';

/** The object spec of views (`VIEW`) and materialized views (`MATERIALIZED VIEW`), which share a state map. */
const viewSpec = (keyword: string): ObjectSpec =>
  relationObject({ keyword, exists: relationExists, map: (s) => s.views, deps: viewDeps, dropRank: DROP_RANK.view, renamedAsPart: false, names: VIEW_NAMES });

/** Views and materialized views share one name space: the history's events about either name both. */
const VIEW_NAMES = ownNames('view', 'materialized view');

/** Views and materialized views. */
export const viewKind: KindModule<'view', ViewChange, 'view' | 'materialized view'> = {
  name: 'view',
  match: matchViews,
  diff: diffViews,
  changes: {
    createView: {
      build: createViewActions,
      describe: (c) => {
        const object = c.view.materialized ? 'materialized view' : 'view';
        const detail = c.rebuilt ? (c.view.materialized ? 'after its drop; WITH DATA: its rows are recomputed by its query' : 'after its drop') : undefined;
        return { object, name: qualify(c.view), group: qualify(c.view), action: c.replace ? 'replace' : 'create', ...(detail ? { detail } : {}) };
      },
    },
    setViewColumnDefault: {
      build: setViewColumnDefaultActions,
      describe: (c) => ({
        object: 'column', name: `${qualify(c.view)}.${quoteIdent(c.column)}`, group: qualify(c.view),
        action: c.to === undefined ? 'drop default of' : 'set default of', detail: `${c.from ?? '(none)'} -> ${c.to ?? '(none)'}`,
      }),
    },
  },
  objects: { view: viewSpec('VIEW'), 'materialized view': viewSpec('MATERIALIZED VIEW') },
  compare: { state: (s) => s.views, object: (v: ViewDef) => kindOfView(v), ignored: new Set(['columns', 'definition']) },
  inPlace: (t) => [...t.views.values()].map((v) => ({ label: kindOfView(v), name: qualify(v) })),
  mentionables: (s) => [...s.views.values()].map(relationMention),
};
