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

/** Parses the metadata and overlays (applied in order) and builds the model. */
export function loadModel(metadata: string, overlays: readonly string[], cwd: string, timings?: LoadTimings): LoadedInput {
  const started = performance.now();
  const inputHashes: Record<string, string> = {};
  const parseOne = (path: string, role: string): RawDocument => {
    const { bytes, name } = readInput(path, cwd, role);
    inputHashes[name] = sha256(bytes);
    return role === "overlay" ? parseOverlay(bytes, name) : parseCsdl(bytes, name);
  };
  let document = parseOne(metadata, "metadata");
  for (const overlay of overlays) document = applyOverlay(document, parseOne(overlay, "overlay"));
  const parsed = performance.now();
  const model = buildModel([document]);
  if (timings) {
    timings.parse = parsed - started;
    timings.model = performance.now() - parsed;
  }
  return { model, inputHashes };
}

