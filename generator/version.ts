// graphgen's own name and version, read from its package.json (one level above generator/ and dist/).
import { readFileSync } from "node:fs";

const manifest = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { name: string; version: string };

export const GENERATOR_NAME = manifest.name;
export const GENERATOR_VERSION = manifest.version;
