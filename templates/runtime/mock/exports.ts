// The runtime's part of the fake Graph's index (mock/index.ts, generated with `createMockGraph` and `MockSeed`):
// its error, options and the types a test meets.
export { MockGraphError } from "./types.js";
export type { LoggedRequest, MockFetch, MockGraph, MockGraphOptions } from "./graph.js";
export type { Fault } from "./faults.js";
export type { MockServer } from "./http.js";
export type { OperationCall, OperationHandler } from "./operations.js";
export type { CompletedUpload } from "./uploads.js";
