// Every generation option, its default and its meaning, in one place. The config file, the CLI and
// the programmatic API all end in `resolveOptions`.
import { isAbsolute, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { GraphgenError } from "./errors.js";

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
   * e.g. `/identity/apiConnectors/**`. Their types are emitted too, with their closure except what their
   * navigation properties reach (typed as their nearest emitted base, `Entity`, unless a path or `include`
   * brings that type in). Default: none (no client).
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
  /**
   * What the package's modules are written as: `"ts"`, TypeScript sources (`src/**\/*.ts`, built into
   * `dist/` by the package's own `build`); `"js"`, JavaScript beside declarations (`src/**\/*.js` and
   * `.d.ts`), ready to import, so the project's tsc reads declarations instead of checking generated
   * code under its own settings, and its test runner and bundler load JavaScript they need not
   * transform. Default: `"js"` when `out` lies inside a `src/` folder of the project (code imported
   * in place, as `--out src/graph`), else `"ts"`.
   */
  emit?: EmitKind;
  /** Folder that relative paths are resolved against. Default: the current working directory. */
  cwd?: string;
}

export type EmitKind = "ts" | "js";

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
  emit: "ts",
};

/** One line per config option, written into the config `graphgen init` creates (JSON has no comments). */
export const OPTION_DOCS: Readonly<Record<keyof Omit<GenerateOptions, "cwd">, string>> = {
  metadata: "CSDL metadata file. Default (key left out): Graph v1.0's clean metadata shipped with graphgen; `graphgen update` sets it to the project's own copy.",
  overlays: "Overlay CSDL files merged into the metadata, in order. Default (key left out): graphgen's Graph v1.0 overlay and descriptions when metadata is left out, else none.",
  include: "Types to emit with their closure: short names (user) or full names (microsoft.graph.user).",
  includePaths: "Request paths to generate a typed client for: * is one segment, ** any number, {id} a key; e.g. /users/** . Their types are emitted too, with their closure except what navigation properties reach (typed Entity unless included).",
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
  emit: "\"js\": JavaScript + .d.ts, imported in place, never type-checked or transformed as your own code; \"ts\": TypeScript sources the package's build compiles. Default (key left out): js when out is inside a src/ folder, else ts.",
};

/** Fills in defaults and makes every path absolute. */
export function resolveOptions(options: GenerateOptions): ResolvedOptions {
  const cwd = resolve(options.cwd ?? process.cwd());
  const absolute = (path: string) => (isAbsolute(path) ? path : resolve(cwd, path));
  const given = definedOnly(options);
  const overlays = given.overlays ?? (given.metadata === undefined ? DEFAULT_OPTIONS.overlays : []);
  const merged = { ...DEFAULT_OPTIONS, ...given, overlays };
  const out = absolute(merged.out);
  return {
    ...merged,
    cwd,
    metadata: absolute(merged.metadata),
    overlays: merged.overlays.map(absolute),
    out,
    docsOut: absolute(merged.docsOut),
    emit: emitKind(given.emit, out, cwd),
  };
}

/**
 * The project's source folder the output lies in (`<cwd>/src` for `--out src/graph`), where the project
 * imports it in place by relative path; undefined for an output beside the sources (a package of its own).
 */
export function enclosingSourceFolder(out: string, cwd: string): string | undefined {
  const segments = relative(cwd, out).split(sep);
  const at = segments.lastIndexOf("src");
  return at < 0 || segments[0] === ".." ? undefined : resolve(cwd, ...segments.slice(0, at + 1));
}

/** The output imported in place from a project's `src/` is JavaScript + declarations unless asked otherwise. */
function emitKind(given: unknown, out: string, cwd: string): EmitKind {
  if (given === undefined) return enclosingSourceFolder(out, cwd) ? "js" : DEFAULT_OPTIONS.emit;
  if (given === "ts" || given === "js") return given;
  throw new GraphgenError(`option emit: expected "ts" or "js", found ${JSON.stringify(given)}`, {
    hint: 'set "emit" to "js" (JavaScript + .d.ts, imported in place) or "ts" (TypeScript sources), or leave it out',
  });
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
