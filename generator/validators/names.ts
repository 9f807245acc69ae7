// Names and paths of the validator modules. Validator functions are camelCase verbs around the
// type's PascalCase name (`validateX`), so they never collide with the type names they sit beside.
import type { Names } from "../naming.js";

export const RUNTIME_MODULE = "runtime/validation";
/** The Edm predicates (`isEdmString`...), apart from the walk so that each file stays one concept. */
export const EDM_CHECKS_MODULE = "runtime/edm-checks";

/** Values of the runtime module every validator may import; a generated import must not reuse them. */
export const RUNTIME_VALUES = ["runValidation", "GraphValidationError", "ODATA_TYPE", "Walk", "ValidateOptions", "ValidationResult", "PathKey", "own", "matchesFlags", "derivedAllowed", "dynamicKey", "immutableIssue", "navigationShape", "readOnlyIssue", "requiredIssue"];

/**
 * Functions of the walk runtime that only some validators call (a bundle holds only those imported), in
 * import order; `RUNTIME_VALUES` reserves them too.
 */
export const WALK_RUNTIME = ["derivedAllowed", "dynamicKey", "immutableIssue", "navigationShape", "own", "readOnlyIssue", "requiredIssue"] as const;

/** A type's validator module and its exports, under the type's own name and under its namespace-qualified alias. */
export interface TypeValidator {
  readonly modulePath: string;
  readonly names: ValidatorNames;
  readonly aliases: ValidatorNames;
}

export type ValidatorNames = ReturnType<typeof validatorNames>;

/** Each type's `TypeValidator`, worked out once per generation however many modules refer to it. */
export function typeValidators(names: Names): (fullName: string) => TypeValidator {
  const known = new Map<string, TypeValidator>();
  return (fullName) => {
    let validator = known.get(fullName);
    if (!validator) {
      const naming = names.type(fullName);
      validator = { modulePath: validatorModulePath(naming.modulePath), names: validatorNames(naming.typeName), aliases: validatorNames(naming.qualifiedAlias) };
      known.set(fullName, validator);
    }
    return validator;
  };
}

export function validatorNames(typeName: string) {
  return {
    validate: `validate${typeName}`,
    is: `is${typeName}`,
    assert: `assert${typeName}`,
    /** Checks a value declared as the type: object, `@odata.type` dispatch, then members. */
    check: `check${typeName}`,
    /** Checks an object's members as exactly this type. */
    members: `members${typeName}`,
    /** The type's `@odata.type` as Graph sends it (`#microsoft.graph.x`): names it in issues, and a concrete type exports it for the switches of its base types. */
    odataType: `odataType${typeName}`,
  };
}

/** `models/callRecords/CallRecord` -> `validators/callRecords/CallRecord`; `models` -> `validators`. */
export function validatorModulePath(typeModulePath: string): string {
  return typeModulePath.replace(/^models(?=\/|$)/, "validators");
}
