/**
 * CreateManagedPrefixList, DescribeManagedPrefixLists and
 * GetManagedPrefixListEntries for customer managed prefix lists: a name
 * (not starting with `com.amazonaws`), an address family, a MaxEntries
 * between 1 and 1000 that the entries may not exceed, and entries whose
 * CIDRs belong to the family.
 */
import { PREFIX_LIST_MAX_ENTRIES } from "./assumptions.js";
import { isNetworkAddress, parseCidr } from "./cidr.js";
import type { Ec2Context } from "./context.js";
import { type DescribeKind, type DescribeRequest, describeKind } from "./describe.js";
import { invalidParameterValue, prefixListNotFound } from "./errors.js";
import { tagFields } from "./filters.js";
import { newEc2Id } from "./ids.js";
import { EC2_RECORD, type Ec2Tag, type ManagedPrefixList } from "./model.js";
import { type Page, type PageRequest, page } from "./paging.js";

/** What CreateManagedPrefixList takes. */
export interface CreatePrefixListInput {
  readonly prefixListName: string;
  readonly maxEntries: number;
  readonly addressFamily: string;
  readonly entries: readonly { cidr: string; description?: string }[];
  readonly tags: Ec2Tag[];
}

/** One prefix list entry. */
export type PrefixListEntry = ManagedPrefixList["entries"][number];

const IPV6_CIDR = /^[0-9a-fA-F:]+:[0-9a-fA-F:]*\/(?:\d|[1-9]\d|1[01]\d|12[0-8])$/;

const LIST_KIND: DescribeKind<ManagedPrefixList> = {
  recordKind: EC2_RECORD.prefixList,
  idOf: (list) => list.prefixListId,
  fields: (l) => ({
    "prefix-list-id": [l.prefixListId],
    "prefix-list-name": [l.prefixListName],
    "owner-id": [l.ownerId],
    ...tagFields(l.tags),
  }),
  filterNames: ["prefix-list-id", "prefix-list-name", "owner-id"],
  notFound: prefixListNotFound,
  limits: { min: 1, max: 100 },
};

function checkEntry(cidr: string, family: "IPv4" | "IPv6"): void {
  const block = family === "IPv4" ? parseCidr(cidr) : undefined;
  const valid =
    family === "IPv4" ? block !== undefined && isNetworkAddress(block) : IPV6_CIDR.test(cidr);
  if (!valid) {
    throw invalidParameterValue(`The CIDR '${cidr}' is not a valid ${family} CIDR block.`);
  }
}

/**
 * CreateManagedPrefixList.
 *
 * @example
 * createPrefixList(ctx, { prefixListName: "office", maxEntries: 5, addressFamily: "IPv4", entries: [{ cidr: "203.0.113.0/24" }], tags: [] });
 */
export function createPrefixList(ctx: Ec2Context, input: CreatePrefixListInput): ManagedPrefixList {
  const { prefixListName, maxEntries, addressFamily, entries } = input;
  if (
    prefixListName.length === 0 ||
    prefixListName.length > 255 ||
    /^com\.amazonaws/i.test(prefixListName)
  ) {
    throw invalidParameterValue(
      `Value (${prefixListName}) for parameter prefixListName is invalid.`,
    );
  }
  if (addressFamily !== "IPv4" && addressFamily !== "IPv6") {
    throw invalidParameterValue(
      `Value (${addressFamily}) for parameter addressFamily is invalid. Valid values: IPv4, IPv6.`,
    );
  }
  if (!Number.isInteger(maxEntries) || maxEntries < 1 || maxEntries > PREFIX_LIST_MAX_ENTRIES) {
    throw invalidParameterValue(
      `Value (${maxEntries}) for parameter maxEntries is invalid. Expecting a value between 1 and ${PREFIX_LIST_MAX_ENTRIES}.`,
    );
  }
  if (entries.length > maxEntries) {
    throw invalidParameterValue(
      `The prefix list has ${entries.length} entries; its maximum is ${maxEntries}.`,
    );
  }
  const seen = new Set<string>();
  for (const entry of entries) {
    checkEntry(entry.cidr, addressFamily);
    if (seen.has(entry.cidr))
      throw invalidParameterValue(`The CIDR '${entry.cidr}' is given more than once.`);
    seen.add(entry.cidr);
  }
  const list: ManagedPrefixList = {
    prefixListId: newEc2Id("pl", ctx.random),
    prefixListName,
    addressFamily,
    maxEntries,
    entries: entries.map((e) => ({ ...e })),
    ownerId: ctx.account,
    tags: input.tags,
  };
  ctx.store.records.put(EC2_RECORD.prefixList, list.prefixListId, list);
  return list;
}

/**
 * A prefix list by id, or `InvalidPrefixListID.NotFound`.
 *
 * @example
 * getPrefixList(ctx, "pl-0123456789abcdef0").entries;
 */
export function getPrefixList(ctx: Ec2Context, prefixListId: string): ManagedPrefixList {
  const list = ctx.store.records.get<ManagedPrefixList>(EC2_RECORD.prefixList, prefixListId);
  if (!list) throw prefixListNotFound(prefixListId);
  return list;
}

/**
 * DescribeManagedPrefixLists.
 *
 * @example
 * describePrefixLists(ctx, { filters: [{ name: "prefix-list-name", values: ["office"] }] }).items;
 */
export function describePrefixLists(
  ctx: Ec2Context,
  request: DescribeRequest,
): Page<ManagedPrefixList> {
  return describeKind(ctx, LIST_KIND, request);
}

/**
 * GetManagedPrefixListEntries.
 *
 * @example
 * prefixListEntries(ctx, "pl-0123456789abcdef0", { maxResults: 10 }).items;
 */
export function prefixListEntries(
  ctx: Ec2Context,
  prefixListId: string,
  request: PageRequest,
): Page<PrefixListEntry> {
  return page(getPrefixList(ctx, prefixListId).entries, request, { min: 1, max: 100 });
}
