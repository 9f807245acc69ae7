// Stand-in for the generated client/index.ts (templates/client-index.hbs), of the same shape less the request
// builders and the permissions table, so that tsc checks the runtime here (client/batch.ts imports it); never
// copied into a package.
import type { GraphClientOptions, GraphTransport } from "./runtime.js";
import { createTransport } from "./runtime.js";

export * from "./exports.js";

/** The client for the included request paths: in a package, one property per root path. */
export interface GraphClient {
  /** What the workflow modules (`client/batch`, `client/delta`, `client/upload`) send through. */
  readonly transport: GraphTransport;
}

/** A client over new options, or over a transport (a batch records its calls through one). */
export const createGraphClient = (options: GraphClientOptions | GraphTransport): GraphClient => {
  const transport = "send" in options ? options : createTransport(options);
  return { transport };
};
