/**
 * Test support: run work that must throw a service error of a given class
 * and return that error, so tests can assert its AWS code and message.
 */

/**
 * Returns the error of class `type` that `work` throws; fails otherwise.
 *
 * @example
 * expect(thrown(IamError, () => getRole(ctx, "missing")).code).toBe("NoSuchEntity");
 */
export function thrown<E extends Error>(
  type: abstract new (...args: never[]) => E,
  work: () => unknown,
): E {
  try {
    work();
  } catch (e) {
    if (e instanceof type) return e;
    throw e;
  }
  throw new Error(`expected a ${type.name}`);
}
