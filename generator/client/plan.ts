// The client's part of a generation, seen from generate.ts: which request paths and which extra types they need
// selected; the modules to emit are part.ts's, loaded only when there are request paths.
import type { EmitContext } from "../emit/context.js";
import type { ValidatorLookup } from "./scope.js";
import type { Model } from "../model/types.js";
import { clientTypeNames } from "./client-types.js";
import { parsePathPatterns } from "./include-paths.js";
import type { RequestNode } from "./request-tree.js";
import { buildRequestTree } from "./tree-walk.js";
import { checkPatternsMatch } from "./unmatched.js";

export interface ClientPlan {
  readonly roots: readonly RequestNode[];
  /** Types the request builders refer to, added to the selection. */
  readonly types: readonly string[];
  /** What the package index re-exports from the client. */
  readonly indexModules: readonly string[];
}

type PathScope = { includePaths: readonly string[]; rootNamespace: string };

export function planClient(model: Model, options: PathScope): ClientPlan {
  const patterns = parsePathPatterns(options.includePaths);
  const roots = buildRequestTree(model, patterns, options.rootNamespace);
  checkPatternsMatch(model, patterns, roots, options.rootNamespace);
  return { roots, types: clientTypeNames(model, roots), indexModules: roots.length > 0 ? ["./client/index.js"] : [] };
}

/**
 * The request tree alone, without the check that every pattern selects something: for comparing two
 * metadata versions, where a pattern that selects nothing in the newer one is a change to report.
 */
export function clientRequestTree(model: Model, options: PathScope): readonly RequestNode[] {
  return buildRequestTree(model, parsePathPatterns(options.includePaths), options.rootNamespace);
}

/**
 * Validators live beside the models: `validators/<folder>/X.ts` exports `validateX` for every emitted
 * structured type. The flag lets a generation without validators still emit a working client.
 */
export function validatorLookup(ctx: EmitContext): ValidatorLookup {
  if (!VALIDATORS_GENERATED) return () => undefined;
  return (fullName) => {
    const naming = ctx.names.type(fullName);
    return { modulePath: naming.modulePath.replace(/^models\//, "validators/"), name: `validate${naming.typeName}` };
  };
}

const VALIDATORS_GENERATED = true;
