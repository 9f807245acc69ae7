// Every generation option, its default and its meaning, in one place. The config file, the CLI and
// the programmatic API all end in `resolveOptions`.
import { isAbsolute, resolve } from "node:path";

export interface GenerateOptions {
  /** CSDL metadata file. Default: `metadata/v1.0-cleanMetadata.xml`. */
  metadata?: string;
  /** Overlay CSDL files merged into the metadata, in order. Default: none. */
  overlays?: string[];
  /** Types to emit with their closure: short names (`user`) or full names (`microsoft.graph.user`). Default: none. */
  include?: string[];
  /**
   * Request paths to generate a typed client for: `*` is one segment, `**` any number, `{id}` a key;
   * e.g. `/identity/apiConnectors/**`. Their types are emitted too. Default: none (no client).
   */
  includePaths?: string[];
  /** Emit every type of every schema. Default: false. */
  all?: boolean;
  /** Output folder; graphgen owns it and writes nothing outside it. Default: `generated`. */
  out?: string;
  /** The namespace whose types sit at the package root; others become nested exports. Default: `microsoft.graph`. */
  rootNamespace?: string;
  /** Format the output with prettier. Default: true. */
  format?: boolean;
  /** The output package's npm name. Default: `graphgen-output`. */
  packageName?: string;
  /** The output package's version. Default: `0.0.0`. */
  packageVersion?: string;
  /**
   * Emit a fake Graph for tests beside the client (`<package>/mock`): in memory, serving the client's
   * request paths and checking bodies with the validators. Only when a client is generated. Default: true.
   */
  mock?: boolean;
  /** Folder that relative paths are resolved against. Default: the current working directory. */
  cwd?: string;
}

export type ResolvedOptions = Required<GenerateOptions>;

export const DEFAULT_OPTIONS: Readonly<Omit<ResolvedOptions, "cwd">> = {
  metadata: "metadata/v1.0-cleanMetadata.xml",
  overlays: [],
  include: [],
  includePaths: [],
  all: false,
  out: "generated",
  rootNamespace: "microsoft.graph",
  format: true,
  packageName: "graphgen-output",
  packageVersion: "0.0.0",
  mock: true,
};

/** Fills in defaults and makes every path absolute. */
export function resolveOptions(options: GenerateOptions): ResolvedOptions {
  const cwd = resolve(options.cwd ?? process.cwd());
  const absolute = (path: string) => (isAbsolute(path) ? path : resolve(cwd, path));
  const merged = { ...DEFAULT_OPTIONS, ...definedOnly(options) };
  return {
    ...merged,
    cwd,
    metadata: absolute(merged.metadata),
    overlays: merged.overlays.map(absolute),
    out: absolute(merged.out),
  };
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
