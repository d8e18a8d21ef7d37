/**
 * `MaxResults`/`NextToken` pagination as EC2's Describe calls answer it:
 * items in a stable order (by id), a page of at most `MaxResults`, and an
 * opaque `NextToken` while more remain. A `MaxResults` outside the
 * operation's range is `InvalidParameterValue`; a token this server did not
 * hand out is `InvalidPaginationToken`.
 */
import { invalidPaginationToken, invalidParameterValue } from "./errors.js";

/** A page request. */
export interface PageRequest {
  readonly maxResults?: number;
  readonly nextToken?: string;
}

/** A page of results. */
export interface Page<T> {
  readonly items: T[];
  readonly nextToken?: string;
}

/** The `MaxResults` range of an operation. */
export interface PageLimits {
  readonly min: number;
  readonly max: number;
}

const PREFIX = "ec2-page-";

/**
 * One page of `items`.
 *
 * @example
 * page(["a", "b", "c"], { maxResults: 2 }, { min: 1, max: 1000 }); // { items: ["a", "b"], nextToken: "ec2-page-2" }
 */
export function page<T>(items: readonly T[], request: PageRequest, limits: PageLimits): Page<T> {
  const { maxResults, nextToken } = request;
  if (maxResults !== undefined && (maxResults < limits.min || maxResults > limits.max)) {
    throw invalidParameterValue(
      `Value ( ${maxResults} ) for parameter maxResults is invalid. Expecting a value between ${limits.min} and ${limits.max}.`,
    );
  }
  let start = 0;
  if (nextToken !== undefined) {
    const offset = nextToken.startsWith(PREFIX) ? Number(nextToken.slice(PREFIX.length)) : NaN;
    if (!Number.isInteger(offset) || offset < 0 || offset > items.length) {
      throw invalidPaginationToken(nextToken);
    }
    start = offset;
  }
  const end = maxResults === undefined ? items.length : start + maxResults;
  const slice = items.slice(start, end);
  return end < items.length ? { items: slice, nextToken: `${PREFIX}${end}` } : { items: slice };
}
