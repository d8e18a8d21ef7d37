/**
 * The common shape of EC2's Describe calls: explicit ids (each must exist,
 * else the kind's NotFound error), filters over the resource's fields, a
 * stable order by id, and MaxResults/NextToken paging.
 */
import type { Ec2Context } from "./context.js";
import { checkFilterNames, type Ec2Filter, type FilterFields, matchesFilters } from "./filters.js";
import { type Page, type PageLimits, type PageRequest, page } from "./paging.js";

/** What a Describe call asked for. */
export interface DescribeRequest extends PageRequest {
  readonly ids?: readonly string[];
  readonly filters?: readonly Ec2Filter[];
}

/** How one resource kind is described. */
export interface DescribeKind<T> {
  readonly recordKind: string;
  readonly idOf: (item: T) => string;
  readonly fields: (item: T) => FilterFields;
  readonly filterNames: readonly string[];
  readonly notFound: (id: string) => Error;
  readonly limits: PageLimits;
}

/**
 * Runs a Describe call over one record kind.
 *
 * @example
 * describeKind(ctx, VPC_KIND, { filters: [{ name: "vpc-id", values: ["vpc-1"] }] }).items;
 */
export function describeKind<T>(
  ctx: Ec2Context,
  kind: DescribeKind<T>,
  request: DescribeRequest,
): Page<T> {
  const filters = request.filters ?? [];
  checkFilterNames(filters, kind.filterNames);
  let items = ctx.store.records.list<T>(kind.recordKind);
  const ids = request.ids ?? [];
  if (ids.length > 0) {
    const byId = new Map(items.map((item) => [kind.idOf(item), item]));
    const missing = ids.find((id) => !byId.has(id));
    if (missing !== undefined) throw kind.notFound(missing);
    items = [...new Set(ids)].map((id) => byId.get(id) as T);
  }
  const matching = items
    .filter((item) => matchesFilters(kind.fields(item), filters))
    .sort((a, b) => (kind.idOf(a) < kind.idOf(b) ? -1 : kind.idOf(a) > kind.idOf(b) ? 1 : 0));
  return page(matching, request, kind.limits);
}
