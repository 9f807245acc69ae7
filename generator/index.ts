// graphgen's public API for build tools: `import { generate } from "graphgen"`.
export { generate, type GenerateResult, type StageName } from "./generate.js";
export { DEFAULT_OPTIONS, resolveOptions, type GenerateOptions, type ResolvedOptions } from "./options.js";
export { loadConfig, DEFAULT_CONFIG_FILE } from "./config.js";
export { loadModel } from "./load.js";
export { GraphgenError, type SourceLocation } from "./errors.js";
export type * from "./model/types.js";
