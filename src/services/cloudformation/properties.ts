/**
 * Reading a resource's resolved `Properties`: required and optional
 * strings, numbers, booleans, string lists, objects, tag lists and policy
 * documents (an object, or JSON text, given to the services as JSON text).
 * A missing or mistyped property fails the resource with CloudFormation's
 * "Properties validation failed" wording; a value accesslab cannot know
 * (`Symbolic`) fails it saying what it stands for, never a guess.
 */
import { isSymbolic, type ResolvedValue } from "../../templates/model.js";
import { validationError } from "./errors.js";

/** A resource's resolved properties. */
export type Props = { readonly [key: string]: ResolvedValue };

/**
 * Reads one resource's properties, naming it in every refusal.
 *
 * @example
 * new PropertyReader("Vpc", { CidrBlock: "10.0.0.0/16" }).string("CidrBlock"); // "10.0.0.0/16"
 */
export class PropertyReader {
  constructor(
    readonly logicalId: string,
    readonly props: Props,
  ) {}

  private fail(message: string): never {
    throw validationError(
      `Properties validation failed for resource ${this.logicalId} with message: ${message}`,
    );
  }

  private known(key: string, value: ResolvedValue | undefined): ResolvedValue | undefined {
    if (isSymbolic(value))
      throw validationError(
        `property \`${key}\` of \`${this.logicalId}\` depends on a value accesslab cannot know: ${value.description}`,
      );
    if (Array.isArray(value)) for (const item of value) this.known(key, item);
    return value;
  }

  /** The raw value, Symbolic refused. @example r.value("Tags"); */
  value(key: string): ResolvedValue | undefined {
    return this.known(key, this.props[key]);
  }

  /** A required string (numbers are accepted as CloudFormation does). @example r.string("CidrBlock"); */
  string(key: string): string {
    const v = this.optionalString(key);
    if (v === undefined) this.fail(`#: required key [${key}] not found`);
    return v;
  }

  /** An optional string. @example r.optionalString("RoleName"); */
  optionalString(key: string): string | undefined {
    const v = this.value(key);
    if (v === undefined || v === null) return undefined;
    if (typeof v === "string") return v;
    if (typeof v === "number" || typeof v === "boolean") return String(v);
    return this.fail(
      `#/${key}: expected type: String, found: ${Array.isArray(v) ? "JSONArray" : "JSONObject"}`,
    );
  }

  /** A required integer (strings of digits accepted). @example r.number("Uid"); */
  number(key: string): number {
    const v = this.optionalNumber(key);
    if (v === undefined) this.fail(`#: required key [${key}] not found`);
    return v;
  }

  /** An optional integer (strings of digits accepted). @example r.optionalNumber("Timeout"); */
  optionalNumber(key: string): number | undefined {
    const v = this.value(key);
    if (v === undefined || v === null) return undefined;
    const n = typeof v === "string" && /^-?\d+$/.test(v) ? Number(v) : v;
    if (typeof n !== "number" || !Number.isInteger(n))
      return this.fail(`#/${key}: expected type: Integer, found: ${typeof v}`);
    return n;
  }

  /** An optional boolean (`"true"`/`"false"` accepted). @example r.optionalBoolean("Encrypted"); */
  optionalBoolean(key: string): boolean | undefined {
    const v = this.value(key);
    if (v === undefined || v === null) return undefined;
    if (typeof v === "boolean") return v;
    if (v === "true" || v === "false") return v === "true";
    return this.fail(`#/${key}: expected type: Boolean, found: ${typeof v}`);
  }

  /** An optional list of strings (empty when absent). @example r.strings("SubnetIds"); */
  strings(key: string): string[] {
    const v = this.value(key);
    if (v === undefined || v === null) return [];
    if (!Array.isArray(v))
      return this.fail(`#/${key}: expected type: JSONArray, found: ${typeof v}`);
    return v.map((item, i) => {
      if (typeof item === "string" || typeof item === "number") return String(item);
      return this.fail(`#/${key}/${i}: expected type: String, found: ${typeof item}`);
    });
  }

  /** An optional list of integers (empty when absent). @example r.numbers("SecondaryGids"); */
  numbers(key: string): number[] {
    return this.strings(key).map((item, i) => {
      if (!/^\d+$/.test(item))
        return this.fail(`#/${key}/${i}: expected type: Integer, found: string`);
      return Number(item);
    });
  }

  /** An optional object. @example r.object("PosixUser"); */
  object(key: string): Props | undefined {
    const v = this.value(key);
    if (v === undefined || v === null) return undefined;
    if (typeof v !== "object" || Array.isArray(v) || isSymbolic(v))
      return this.fail(`#/${key}: expected type: JSONObject, found: ${typeof v}`);
    return v as Props;
  }

  /** An optional list of objects (empty when absent). @example r.objects("Policies"); */
  objects(key: string): Props[] {
    const v = this.value(key);
    if (v === undefined || v === null) return [];
    if (!Array.isArray(v))
      return this.fail(`#/${key}: expected type: JSONArray, found: ${typeof v}`);
    return v.map((item, i) => {
      if (typeof item !== "object" || item === null || Array.isArray(item) || isSymbolic(item))
        return this.fail(`#/${key}/${i}: expected type: JSONObject, found: ${typeof item}`);
      return item as Props;
    });
  }

  /** A reader over a nested object, naming the same resource. @example r.nested(r.object("PosixUser")); */
  nested(props: Props): PropertyReader {
    return new PropertyReader(this.logicalId, props);
  }

  /** A required policy document as JSON text. @example r.policy("PolicyDocument"); */
  policy(key: string): string {
    const v = this.value(key);
    if (v === undefined || v === null) this.fail(`#: required key [${key}] not found`);
    return typeof v === "string" ? v : JSON.stringify(v);
  }

  /** `[{Key, Value}]` tags as `{key, value}` pairs. @example r.tags("Tags"); */
  tags(key: string): { key: string; value: string }[] {
    return this.objects(key).map((t) => {
      const tag = this.nested(t);
      return { key: tag.string("Key"), value: tag.string("Value") };
    });
  }
}

/**
 * `{ [key]: value }` when the value is defined, else `{}`, for optional inputs.
 *
 * @example
 * ({ ...present("timeout", undefined) }); // {}
 */
export function present<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
