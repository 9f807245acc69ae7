// Metadata files -> Model: read, parse, merge overlays, build. The only stage that touches input files.
import { existsSync, readFileSync } from "node:fs";
import { relative } from "node:path";
import { parseCsdl } from "./csdl/parse.js";
import type { RawDocument } from "./csdl/raw.js";
import { GraphgenError } from "./errors.js";
import { buildModel } from "./model/build.js";
import { parseOverlay } from "./model/description-map.js";
import { applyOverlay } from "./model/overlay.js";
import type { Model } from "./model/types.js";
import { sha256 } from "./write.js";

export interface LoadedInput {
  readonly model: Model;
  /** sha256 of each input file, keyed by its path relative to `cwd`. */
  readonly inputHashes: Readonly<Record<string, string>>;
}

export interface LoadTimings {
  parse: number;
  model: number;
}

export function readInput(path: string, cwd: string, role: string): { bytes: Buffer; name: string } {
  const fromCwd = relative(cwd, path).split("\\").join("/");
  const name = fromCwd === "" || fromCwd.startsWith("..") ? path : fromCwd;
  if (!existsSync(path)) {
    throw new GraphgenError(`${role} file ${name} not found`, {
      hint: role === "metadata" ? "pass --metadata <file>, or set \"metadata\" in graphgen.config.json" : "check the overlay path",
    });
  }
  return { bytes: readFileSync(path), name };
}

/**
 * The models of the last inputs loaded in this process, by each file's name and sha256: build scripts that call
 * `generate` again, `watch`, `update` (which reads the project's metadata on every check) and a test process
 * load the same bytes over and over, and a parse and a model of v1.0 cost about a second each time. A model is
 * never changed once built (each is frozen below), so sharing one is safe. Six entries (about 60 MB each for
 * v1.0) cover an old and a new file, each with and without the shipped overlays, and `update`'s two models
 * of a check (the project's metadata and the new metadata, which its regeneration reuses) with two more.
 */
const recentModels = new Map<string, Model>();
const RECENT_MODELS = 6;

/** Parses the metadata and overlays (applied in order) and builds the model; the same bytes again return the same model. */
export function loadModel(metadata: string, overlays: readonly string[], cwd: string, timings?: LoadTimings): LoadedInput {
  return loadModelFrom(readInput(metadata, cwd, "metadata"), overlays, cwd, { timings });
}

/** A metadata file's bytes and the name it goes by (in the model's locations, the lock and error messages). */
export interface MetadataInput {
  readonly bytes: Buffer;
  readonly name: string;
}

export interface LoadFrom {
  readonly timings?: LoadTimings;
  /** Parses the metadata (default `parseCsdl`): `update` parses a download with its own checks and messages. */
  readonly parse?: (bytes: Buffer, name: string) => RawDocument;
  /** The sha256 of `metadata.bytes`, when the caller has it already (generate's lock header): not computed again. */
  readonly metadataHash?: string;
}

/**
 * `loadModel` over metadata bytes already read, named `metadata.name` (in the model's locations and the
 * remembered models' keys): `update` reads its new metadata from a URL.
 */
export function loadModelFrom(metadata: MetadataInput, overlays: readonly string[], cwd: string, { timings, parse = parseCsdl, metadataHash }: LoadFrom = {}): LoadedInput {
  const started = performance.now();
  const inputHashes: Record<string, string> = {};
  const inputs = [{ ...metadata, role: "metadata" }, ...overlays.map((path) => ({ ...readInput(path, cwd, "overlay"), role: "overlay" }))].map(({ bytes, name, role }) => {
    inputHashes[name] = role === "metadata" && metadataHash !== undefined ? metadataHash : sha256(bytes);
    return { bytes, name, role };
  });
  const key = JSON.stringify(inputs.map(({ name, role }) => [role, name, inputHashes[name]]));
  const known = recentModels.get(key);
  if (known) {
    // Most recently used last, so the oldest entry is the one dropped.
    recentModels.delete(key);
    recentModels.set(key, known);
    if (timings) Object.assign(timings, { parse: performance.now() - started, model: 0 });
    return { model: known, inputHashes };
  }
  const parseOne = ({ bytes, name, role }: (typeof inputs)[number]): RawDocument => (role === "overlay" ? parseOverlay(bytes, name) : parse(bytes, name));
  let document = parseOne(inputs[0]!);
  for (const overlay of inputs.slice(1)) document = applyOverlay(document, parseOne(overlay));
  const parsed = performance.now();
  const model = deepFreeze(buildModel([document]));
  if (timings) {
    timings.parse = parsed - started;
    timings.model = performance.now() - parsed;
  }
  recentModels.set(key, model);
  if (recentModels.size > RECENT_MODELS) recentModels.delete(recentModels.keys().next().value!);
  return { model, inputHashes };
}

/** Drops the remembered models, so the next load of any input parses it again: a determinism test's second run. */
export function forgetLoadedModels(): void {
  recentModels.clear();
}

/**
 * Freezes every object and array reachable from `value` (a Map's entries included), so a stage that changed a shared
 * model would throw. An object is frozen before its contents, and a frozen one is not entered again: that is the walk's
 * only "seen" record (a Set of the 117,000 objects of v1.0 cost more than the freezing), and it ends on shared objects
 * and cycles alike. Nothing in a model is frozen before this, so no frozen object hides unfrozen contents. Only objects
 * are passed on (most fields are strings, numbers and booleans): 25 to 17 ms for v1.0's model.
 */
function deepFreeze<T>(value: T): T {
  freezeEntry(value);
  return value;
}

function freezeEntry(value: unknown): void {
  if (typeof value === "object" && value !== null) freezeObject(value);
}

function freezeObject(value: object): void {
  if (Object.isFrozen(value)) return;
  Object.freeze(value);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const entry: unknown = value[i];
      if (typeof entry === "object" && entry !== null) freezeObject(entry);
    }
  } else if (value instanceof Map) {
    // forEach rather than for...of: no [key, value] array per entry.
    value.forEach(freezeMapEntry);
  } else {
    const record = value as Record<string, unknown>;
    for (const key in record) {
      const entry = record[key];
      if (typeof entry === "object" && entry !== null) freezeObject(entry);
    }
  }
}

function freezeMapEntry(entry: unknown, key: unknown): void {
  freezeEntry(key);
  freezeEntry(entry);
}
