/**
 * The size of Lambda requests that carry a deployment package: a .zip
 * uploaded directly may be 50 MB (52,428,800 bytes, Lambda quotas), which
 * base64 in the JSON body makes 69,905,067 bytes; AWS refuses a larger
 * CreateFunction with `RequestEntityTooLargeException` "Request must be
 * smaller than 69905067 bytes for the CreateFunction operation".
 */

/**
 * The largest CreateFunction request body, in bytes.
 *
 * @example
 * CREATE_FUNCTION_MAX_REQUEST_BYTES; // 69905067
 */
export const CREATE_FUNCTION_MAX_REQUEST_BYTES = Math.ceil((50 * 1024 * 1024 * 4) / 3);
