// Navigation Graph computes from another one: a group's `members` are read backwards as each member's
// `memberOf`, a user's `manager` as the manager's `directReports`. Graph's metadata declares no `Partner`
// for these, so the pairs are a table here, each with the Graph reference page that says so; resolved
// against the model, so a pair whose navigation properties the user's metadata lacks is skipped.
import { allProperties, baseChain, structuredType } from "../model/queries.js";
import type { Model, StructuredType } from "../model/types.js";

interface DerivedNavigationRule {
  /** The navigation Graph computes: read-only, clients write to `via`. */
  readonly derived: string;
  /** The navigation whose references it is computed from. */
  readonly via: string;
  /** `reverse`: the entities whose `via` holds this one; `forward`: this entity's own `via`. */
  readonly direction: "reverse" | "forward";
  /** Follows `via` through the entities it reaches (groups in groups), as Graph's transitive lists do. */
  readonly transitive: boolean;
}

const DERIVED_NAVIGATIONS: readonly DerivedNavigationRule[] = [
  // learn.microsoft.com/graph/api/user-list-memberof: "groups, directory roles, and administrative units that
  // the user is a direct member of"; they are added with group-post-members (POST /groups/{id}/members/$ref).
  { derived: "memberOf", via: "members", direction: "reverse", transitive: false },
  // user-list-transitivememberof: memberships "through transitive membership" (groups in groups).
  { derived: "transitiveMemberOf", via: "members", direction: "reverse", transitive: true },
  // group-list-transitivemembers: "the group's members ... includes nested members".
  { derived: "transitiveMembers", via: "members", direction: "forward", transitive: true },
  // user-list-ownedobjects: "directory objects owned by the user", set with group-post-owners and the like.
  { derived: "ownedObjects", via: "owners", direction: "reverse", transitive: false },
  // user-list-owneddevices: "devices that are owned by the user"; device-list-registeredowners: the users who
  // registered the device, added with device-post-registeredowners (POST /devices/{id}/registeredOwners/$ref).
  { derived: "ownedDevices", via: "registeredOwners", direction: "reverse", transitive: false },
  // user-list-registereddevices: "the user's registered devices", the devices whose registeredUsers hold the user.
  { derived: "registeredDevices", via: "registeredUsers", direction: "reverse", transitive: false },
  // user-post-manager: "You cannot assign direct reports; instead, use this API" (PUT /users/{id}/manager/$ref);
  // user-list-directreports lists the users whose manager is this one.
  { derived: "directReports", via: "manager", direction: "reverse", transitive: false },
];

/** One derived navigation as the mock reads it: on entities of `type`, named `navigation`. */
export interface DerivedNavigation {
  readonly type: string;
  readonly navigation: string;
  readonly via: string;
  readonly direction: "reverse" | "forward";
  readonly transitive: boolean;
  /** The entity types that declare `via` and whose references feed it. */
  readonly from: readonly string[];
}

/** The rules whose navigation properties exist in the model, for the entity types the mock serves. */
export function derivedNavigations(model: Model, served: readonly string[]): DerivedNavigation[] {
  const types = served.map((name) => structuredType(model, name)).filter((t): t is StructuredType => t?.kind === "entity");
  const declares = (type: StructuredType, name: string) => type.navigationProperties.find((n) => n.name === name);
  const isA = (type: StructuredType, base: string) => type.fullName === base || baseChain(model, type).some((t) => t.fullName === base);
  const found: DerivedNavigation[] = [];
  for (const rule of DERIVED_NAVIGATIONS) {
    for (const type of types) {
      const derived = declares(type, rule.derived);
      if (!derived) continue;
      // `from`: the types whose `via` references feed it: this type itself (forward), or the types whose `via`
      // takes this type and that the derived navigation's own type takes (reverse).
      const from = types.filter((holder) => {
        const via = allProperties(model, holder).navigationProperties.find((n) => n.name === rule.via);
        if (!via || via.containsTarget) return false;
        if (rule.direction === "forward") return holder === type;
        return isA(type, via.type.name) && isA(holder, derived.type.name);
      });
      if (from.length === 0) continue;
      // A type derived from one already listed (`agentUser` of `user`) is fed through its base.
      const widest = from.filter((holder) => !from.some((other) => other !== holder && isA(holder, other.fullName)));
      const { derived: navigation, via, direction, transitive } = rule;
      found.push({ type: type.fullName, navigation, via, direction, transitive, from: widest.map((t) => t.fullName) });
    }
  }
  return found;
}
