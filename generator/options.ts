// Every generation option, its default and its meaning, in one place. The config file, the CLI and
// the programmatic API all end in `resolveOptions`.
import { isAbsolute, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * Graph's v1.0 metadata and the overlay for its documented-but-missing properties, shipped inside the
 * package (`metadata/`), so an installed graphgen works in an empty project. Resolved from this
 * module's own location (dist/ or generator/), never from the working folder.
 */
export const EMBEDDED_METADATA = fileURLToPath(new URL("../metadata/v1.0-cleanMetadata.xml", import.meta.url));
export const EMBEDDED_OVERLAY = fileURLToPath(new URL("../metadata/overlay.xml", import.meta.url));
/** Microsoft's descriptions (2023-05) for the shipped metadata's undescribed types and properties: docs/keeping-up.md. */
export const EMBEDDED_DESCRIPTIONS = fileURLToPath(new URL("../metadata/descriptions.json", import.meta.url));

export interface GenerateOptions {
  /** CSDL metadata file. Default: Graph v1.0's clean metadata shipped with graphgen (`EMBEDDED_METADATA`). */
  metadata?: string;
  /**
   * Overlay CSDL files merged into the metadata, in order. Default: graphgen's overlay for Graph v1.0
   * (`EMBEDDED_OVERLAY`) and the descriptions for it (`EMBEDDED_DESCRIPTIONS`) when `metadata` is left
   * at its default, else none: they are written for that file.
   */
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
  /** Also write the reference docs site (HTML and Markdown) into `docsOut` on every `generate`. Default: false. */
  docs?: boolean;
  /** The docs site's folder (`graphgen docs` and the `docs` option); graphgen owns it. Default: `docs-site`. */
  docsOut?: string;
  /**
   * Emit a fake Graph for tests beside the client (`<package>/mock`): in memory, serving the client's
   * request paths and checking bodies with the validators. Only when a client is generated. Default: true.
   */
  mock?: boolean;
  /**
   * The HTTP methods whose requests `graphgen permissions` counts toward the app's permissions: `["GET"]` for an
   * app that only reads (the client may still have other methods). Default: none given, every method counts.
   */
  permissionMethods?: string[];
  /** Folder that relative paths are resolved against. Default: the current working directory. */
  cwd?: string;
}

export type ResolvedOptions = Required<GenerateOptions>;

export const DEFAULT_OPTIONS: Readonly<Omit<ResolvedOptions, "cwd">> = {
  metadata: EMBEDDED_METADATA,
  overlays: [EMBEDDED_OVERLAY, EMBEDDED_DESCRIPTIONS],
  include: [],
  includePaths: [],
  all: false,
  out: "generated",
  rootNamespace: "microsoft.graph",
  format: true,
  packageName: "graphgen-output",
  packageVersion: "0.0.0",
  docs: false,
  docsOut: "docs-site",
  mock: true,
  permissionMethods: [],
};

/** One line per config option, written into the config `graphgen init` creates (JSON has no comments). */
export const OPTION_DOCS: Readonly<Record<keyof Omit<GenerateOptions, "cwd">, string>> = {
  metadata: "CSDL metadata file. Default (key left out): Graph v1.0's clean metadata shipped with graphgen; `graphgen update` sets it to the project's own copy.",
  overlays: "Overlay CSDL files merged into the metadata, in order. Default (key left out): graphgen's Graph v1.0 overlay and descriptions when metadata is left out, else none.",
  include: "Types to emit with their closure: short names (user) or full names (microsoft.graph.user).",
  includePaths: "Request paths to generate a typed client for: * is one segment, ** any number, {id} a key; e.g. /users/** . Their types are emitted too.",
  all: "Emit every type of every schema (large).",
  out: "Output folder; graphgen owns it and writes nothing outside it.",
  rootNamespace: "The namespace whose types sit at the package root; others become nested exports.",
  format: "Format the output with prettier.",
  packageName: "The output package's npm name.",
  packageVersion: "The output package's version.",
  docs: "Also write the reference docs site (HTML and Markdown) into docsOut on every generate.",
  docsOut: "The docs site's folder (graphgen docs and the docs option); graphgen owns it.",
  mock: "Emit a fake Graph for tests beside the client (<package>/mock), only when a client is generated.",
  permissionMethods: "HTTP methods whose requests graphgen permissions counts, e.g. [\"GET\"] for an app that only reads. Default (empty): all.",
};

/** Fills in defaults and makes every path absolute. */
export function resolveOptions(options: GenerateOptions): ResolvedOptions {
  const cwd = resolve(options.cwd ?? process.cwd());
  const absolute = (path: string) => (isAbsolute(path) ? path : resolve(cwd, path));
  const given = definedOnly(options);
  const overlays = given.overlays ?? (given.metadata === undefined ? DEFAULT_OPTIONS.overlays : []);
  const merged = { ...DEFAULT_OPTIONS, ...given, overlays };
  return {
    ...merged,
    cwd,
    metadata: absolute(merged.metadata),
    overlays: merged.overlays.map(absolute),
    out: absolute(merged.out),
    docsOut: absolute(merged.docsOut),
  };
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
