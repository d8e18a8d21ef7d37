/**
 * The names a demo stack gives its resources, in the order they are
 * created (users, roles, network, file system, secrets). A resource may
 * only refer to one made before it: a name used before it is declared, used
 * as the wrong kind, or declared twice is a shape error at the use's
 * position, found while reading, before anything is created.
 */
import { ShapeError } from "../formats/json-read.js";
import type { SourcePosition } from "../formats/position.js";

/** What a demo name stands for. */
export type NameKind =
  | "user"
  | "role"
  | "vpc"
  | "subnet"
  | "security group"
  | "endpoint"
  | "file system"
  | "access point"
  | "secret";

/** The names declared so far, with their kinds. */
export interface DemoNames {
  /** Declares `name`; a second declaration is refused. */
  declare(name: string, kind: NameKind, position: SourcePosition | undefined): void;
  /** Checks that `name` was declared earlier as `kind`. */
  expect(name: string, kind: NameKind, position: SourcePosition | undefined): void;
  /** Checks that `name` was declared earlier, whatever its kind. */
  known(name: string, position: SourcePosition | undefined): void;
  /** The kind `name` was declared as (refused when it was not declared). */
  kindOf(name: string, position: SourcePosition | undefined): NameKind;
}

/**
 * A fresh, empty set of names.
 *
 * @example
 * const names = demoNames();
 * names.declare("demo-vpc", "vpc", undefined);
 * names.expect("demo-vpc", "subnet", undefined); // throws: `demo-vpc` is a vpc, not a subnet
 */
export function demoNames(): DemoNames {
  const kinds = new Map<string, NameKind>();
  const known = (name: string, position: SourcePosition | undefined): NameKind => {
    const kind = kinds.get(name);
    if (kind === undefined)
      throw new ShapeError(
        `unknown name \`${name}\`: a reference must name a resource defined earlier in the file`,
        position,
      );
    return kind;
  };
  return {
    declare(name, kind, position) {
      const earlier = kinds.get(name);
      if (earlier !== undefined)
        throw new ShapeError(`name \`${name}\` is already used by a ${earlier}`, position);
      kinds.set(name, kind);
    },
    expect(name, kind, position) {
      const actual = known(name, position);
      if (actual !== kind)
        throw new ShapeError(`\`${name}\` is a ${actual}, not a ${kind}`, position);
    },
    known(name, position) {
      known(name, position);
    },
    kindOf: known,
  };
}
