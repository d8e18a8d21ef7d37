/**
 * Readers for EC2's query input: required strings (`MissingParameter`),
 * integers and booleans (`InvalidParameterValue` when malformed), the flat
 * `Name.N` id lists, `Filter.N.Name`/`Filter.N.Value.M`,
 * `TagSpecification.N.Tag.M.Key` for one resource type, `MaxResults` and
 * `NextToken`, and prefix list `Entry.N` (IpPermissions are read in
 * ec2-permission-input.ts).
 */
import { type QueryParams, requireParam, stringList, structList } from "../../protocol/query.js";
import { invalidParameterValue } from "../../services/ec2/errors.js";
import type { Ec2Filter } from "../../services/ec2/filters.js";
import type { Ec2Tag } from "../../services/ec2/model.js";
import type { PageRequest } from "../../services/ec2/paging.js";

/**
 * A required parameter, or `MissingParameter`.
 *
 * @example
 * need(params, "VpcId"); // "vpc-0123456789abcdef0"
 */
export function need(params: QueryParams, name: string): string {
  return requireParam(params, name, "ec2");
}

/**
 * An optional integer, or `InvalidParameterValue` when it is not one.
 *
 * @example
 * intParam(params, "MaxResults"); // 5, or undefined
 */
export function intParam(params: QueryParams, name: string): number | undefined {
  const text = params.get(name);
  if (text === undefined) return undefined;
  if (!/^-?\d{1,10}$/.test(text.trim())) {
    throw invalidParameterValue(`Invalid value '${text}' for ${name}. Expected an integer.`);
  }
  return Number(text);
}

/**
 * A required integer: `MissingParameter` when absent, `InvalidParameterValue` when not an integer.
 *
 * @example
 * needInt(params, "MaxEntries"); // 10
 */
export function needInt(params: QueryParams, name: string): number {
  return intParam(params, name) ?? Number(need(params, name));
}

/**
 * An optional boolean (`true`/`false`), or `InvalidParameterValue`.
 *
 * @example
 * boolParam(params, "PrivateDnsEnabled"); // true, or undefined
 */
export function boolParam(params: QueryParams, name: string): boolean | undefined {
  const text = params.get(name);
  if (text === undefined) return undefined;
  if (text !== "true" && text !== "false") {
    throw invalidParameterValue(`Invalid value '${text}' for ${name}. Expected true or false.`);
  }
  return text === "true";
}

/**
 * A flat list of strings (`SubnetId.1`, `SubnetId.2`, …).
 *
 * @example
 * idList(params, "SubnetId"); // ["subnet-1", "subnet-2"]
 */
export function idList(params: QueryParams, name: string): string[] {
  return stringList(params, name, "flat");
}

/**
 * The `Filter.N` list.
 *
 * @example
 * filtersOf(params); // [{ name: "vpc-id", values: ["vpc-1"] }]
 */
export function filtersOf(params: QueryParams): Ec2Filter[] {
  return structList(params, "Filter", "flat", (p) => ({
    name: params.get(`${p}.Name`) ?? "",
    values: stringList(params, `${p}.Value`, "flat"),
  }));
}

/**
 * The tags of the `TagSpecification.N` whose ResourceType is `resourceType`.
 *
 * @example
 * tagsFor(params, "vpc"); // [{ key: "Name", value: "main" }]
 */
export function tagsFor(params: QueryParams, resourceType: string): Ec2Tag[] {
  return structList(params, "TagSpecification", "flat", (p) => p)
    .filter((p) => params.get(`${p}.ResourceType`) === resourceType)
    .flatMap((p) =>
      structList(params, `${p}.Tag`, "flat", (t) => ({
        key: params.get(`${t}.Key`) ?? "",
        value: params.get(`${t}.Value`) ?? "",
      })),
    );
}

/**
 * MaxResults and NextToken.
 *
 * @example
 * pageOf(params); // { maxResults: 5, nextToken: "ec2-page-5" }
 */
export function pageOf(params: QueryParams): PageRequest {
  const maxResults = intParam(params, "MaxResults");
  const nextToken = params.get("NextToken");
  return {
    ...(maxResults !== undefined ? { maxResults } : {}),
    ...(nextToken !== undefined ? { nextToken } : {}),
  };
}

/**
 * The `Entry.N` list of CreateManagedPrefixList.
 *
 * @example
 * prefixEntriesOf(params); // [{ cidr: "203.0.113.0/24", description: "office" }]
 */
export function prefixEntriesOf(params: QueryParams): { cidr: string; description?: string }[] {
  return structList(params, "Entry", "flat", (p) => {
    const description = params.get(`${p}.Description`);
    return {
      cidr: params.get(`${p}.Cidr`) ?? "",
      ...(description !== undefined ? { description } : {}),
    };
  });
}
