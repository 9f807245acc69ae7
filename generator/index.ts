// graphgen's public API for build tools: `import { generate } from "graphgen"`.
export { generate, type GenerateResult, type GenerateRun, type StageName } from "./generate.js";
export type { WriteResult, WritePlan, OutputFile } from "./write.js";
export { diffMetadata, formatDiff, type ApiChange, type ApiDiff, type DiffFormat, type DiffOptions, type SemverBump } from "./diff/index.js";
export { watchFiles, type Watcher, type WatchOptions } from "./watch.js";
export { DEFAULT_OPTIONS, resolveOptions, type GenerateOptions, type ResolvedOptions } from "./options.js";
export { loadConfig, DEFAULT_CONFIG_FILE } from "./config.js";
export { loadModel } from "./load.js";
export { listRequestPaths, renderPathListing, type PathListing, type PathRequest } from "./client/paths.js";
export type { RequestNode, RequestRole, RequestStep, NodeRequest, OperationNode, StreamNode } from "./client/request-tree.js";
export { GraphgenError, type SourceLocation } from "./errors.js";
export type * from "./model/types.js";
