import type { AppDefinition, EntityDoc } from '@lattice/engine';
import { appSchemaName } from '@lattice/engine';

/** Alias of the dataset's base entity table in every compiled query. */
export const BASE_ALIAS = 't0';

/** One LEFT JOIN along a reference field: `prefix` is the reference path (`customer`, `customer.parent`). */
export interface JoinNode {
  prefix: string;
  alias: string;
  entity: EntityDoc;
  parentAlias: string;
  /** Column on the parent table holding the referenced id. */
  column: string;
}

/**
 * The mutable state of one compilation: the base entity and the joins the dataset's paths needed so far.
 * Joins are added on first use, in a stable order, so the same dataset always compiles to the same SQL.
 */
export interface QueryScope {
  app: AppDefinition;
  schema: string;
  base: EntityDoc;
  joins: Map<string, JoinNode>;
}

export function createQueryScope(app: AppDefinition, base: EntityDoc): QueryScope {
  return { app, schema: appSchemaName(app.id), base, joins: new Map() };
}
