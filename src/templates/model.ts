/**
 * The shapes templates take on their way into the emulator, shared by the
 * readers (CloudFormation YAML/JSON, SAM, Serverless Framework, CDK), the
 * deployer and the checker:
 *
 * 1. `TemplateDocument`: the parsed file as a positioned JSON tree, every
 *    YAML short-form tag already in its long form (`!Ref x` is
 *    `{"Ref": "x"}`), so each later stage sees one syntax; transforms (SAM)
 *    rewrite documents into documents.
 * 2. `DeployableResource`: one resource after parameters, mappings,
 *    conditions and pseudo parameters are applied, with its dependencies
 *    (DependsOn plus every Ref/GetAtt/Sub reference to another resource);
 *    its properties are resolved only when the resources it refers to exist,
 *    through a `PhysicalLookup` the deployer provides.
 * 3. `Symbolic`: a value accesslab cannot know (an import, an SSM
 *    parameter, an attribute it does not model); it is reported, never
 *    guessed.
 */
import type { JsonNode } from "../formats/json-tree.js";
import type { SourcePosition } from "../formats/position.js";

/** Where a template came from and what produced it. */
export type TemplateOrigin = "cloudformation" | "sam" | "serverless" | "cdk";

/** A parsed template: the tree and the file it came from. */
export interface TemplateDocument {
  readonly file: string;
  readonly origin: TemplateOrigin;
  /** The root mapping, long-form intrinsics, positions on every node. */
  readonly root: JsonNode;
}

/** A problem found while reading or resolving a template. */
export interface TemplateDiagnostic {
  readonly severity: "error" | "warning";
  /** A stable code, e.g. `yaml-syntax`, `unknown-tag`, `missing-ref`, `cycle`. */
  readonly code: string;
  readonly message: string;
  readonly file: string;
  readonly position?: SourcePosition;
  readonly logicalId?: string;
}

/** A value that cannot be known locally, kept with why. */
export interface Symbolic {
  readonly symbolic: true;
  /** What it stands for, e.g. "Fn::ImportValue `shared-vpc-id`". */
  readonly description: string;
  readonly position?: SourcePosition;
}

/** A resolved property value: JSON, with `Symbolic` where a value is unknowable. */
export type ResolvedValue =
  | null
  | boolean
  | number
  | string
  | Symbolic
  | readonly ResolvedValue[]
  | { readonly [key: string]: ResolvedValue };

/**
 * The physical id (no attribute) or an attribute (`Arn`, `GroupId`, …) of a
 * resource that already exists; `undefined` when unknown.
 */
export type PhysicalLookup = (logicalId: string, attribute?: string) => ResolvedValue | undefined;

/** One resource, ready to be created once its dependencies exist. */
export interface DeployableResource {
  readonly logicalId: string;
  /** e.g. `AWS::EFS::AccessPoint`. */
  readonly type: string;
  /** Logical ids this resource needs first (DependsOn and references). */
  readonly dependsOn: readonly string[];
  readonly file: string;
  readonly position?: SourcePosition;
  /** The resource's `Metadata`, resolved without resource references. */
  readonly metadata?: ResolvedValue;
  /** Resolves `Properties` against resources that exist now. */
  properties(lookup: PhysicalLookup): { readonly [key: string]: ResolvedValue };
  /** Where a property path (e.g. `["FileSystemConfigs", 0, "Arn"]`) is written, for findings. */
  positionOf(path: readonly (string | number)[]): SourcePosition | undefined;
}

/** A template ready to deploy: its resources in file order and what reading it found. */
export interface DeployableTemplate {
  readonly file: string;
  readonly origin: TemplateOrigin;
  readonly resources: readonly DeployableResource[];
  readonly diagnostics: readonly TemplateDiagnostic[];
}

/**
 * True for a `Symbolic` value.
 *
 * @example
 * isSymbolic({ symbolic: true, description: "Fn::ImportValue `x`" }); // true
 */
export function isSymbolic(value: unknown): value is Symbolic {
  return typeof value === "object" && value !== null && (value as Symbolic).symbolic === true;
}
