// The client's modules, for a generation with request paths: generate.ts imports this module only then, so a
// generation without any (`--all`) does not load the request builders' planning and the permission tables.
import type { EmitContext, PlannedModule } from "../emit/context.js";
import { planClientModules } from "./modules.js";
import { loadGraphPermissions } from "./permissions.js";
import { validatorLookup, type ClientPlan } from "./plan.js";

export function planClientPart(ctx: EmitContext, plan: ClientPlan): PlannedModule[] {
  if (plan.roots.length === 0) return [];
  return planClientModules(ctx, plan.roots, loadGraphPermissions(), validatorLookup(ctx));
}
