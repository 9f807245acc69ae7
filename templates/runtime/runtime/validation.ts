import { isEdmObject } from "./edm-checks.js";
/**
 * The runtime every generated validator shares: result and error types, the walk state (errors,
 * depth, path) and one check per Edm primitive. No dependencies, no top-level side effects.
 * Module-level functions here, in the client runtime and in the generated modules are arrow constants:
 * minified, they spell no `function` or `return` (the one-call bundle's budget, `npm run bench:bundle`).
 */

export interface ValidateOptions {
  /**
   * `create` (POST bodies): read-only properties rejected, those the metadata lists as required on create
   * present, undeclared keys rejected (open types: unless extension-shaped, `<prefix>_<name>`). `update`
   * (PATCH bodies): as create but nothing is required and immutable properties are rejected too. `read`
   * (responses, the default): undeclared keys ignored. Enum members and `@odata.type` match in any case.
   */
  mode?: "create" | "update" | "read";
  /** Errors collected before validation stops; one more issue then says it stopped. Default 100. */
  maxErrors?: number;
  /** Object nesting allowed before the value is rejected (not a stack overflow; an object that contains itself). Default 64. */
  maxDepth?: number;
}

export interface ValidationIssue {
  /** JSON pointer (RFC 6901) to the offending value; `""` is the value itself. */
  path: string;
  /** What the metadata allows there. */
  expected: string;
  /** The kind of value found: string, number, boolean, null, array, object, undefined (missing)... */
  received: string;
  message: string;
}

export type ValidationResult<T> = { ok: true; value: T } | { ok: false; errors: ValidationIssue[] };

export class GraphValidationError extends Error {
  override name = "GraphValidationError";
  declare readonly errors: ValidationIssue[];

  constructor(typeName: string, errors: ValidationIssue[]) {
    const first = errors[0];
    const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : "";
    super(`invalid ${typeName}: ${first ? `${first.path || "/"}: ${first.message}` : "no details"}${more}`);
    this.errors = errors;
  }
}

/** The key generated `@odata.type` switches read. */
export const ODATA_TYPE = "@odata.type";

/** Thrown inside a walk when `maxErrors` is reached; caught by `runValidation`. */
const STOP: unique symbol = /* @__PURE__ */ Symbol();

/** A step of a JSON pointer: a property name, an array index, or null for the root value. */
export type PathKey = string | number | null;

/**
 * The state of one validation walk. Generated `check*` functions receive it; users never build one.
 * The JSON pointer of the current value is kept as a stack of keys and only spelled out for an
 * issue, so a valid value costs no string building.
 */
export class Walk {
  readonly errors: ValidationIssue[] = [];
  /** `create` or `update`: a request body. */
  declare readonly writing: boolean;
  declare readonly create: boolean;
  declare readonly update: boolean;
  readonly #maxErrors: number;
  readonly #maxDepth: number;
  /** Objects entered from the root to the current value. */
  #depth = 0;
  /** Keys from the root to the current value. */
  readonly #keys: PathKey[] = [];

  constructor(options: ValidateOptions | undefined) {
    const mode = options?.mode;
    this.create = mode === "create";
    this.update = mode === "update";
    this.writing = this.create || this.update;
    this.#maxErrors = options?.maxErrors ?? 100;
    this.#maxDepth = options?.maxDepth ?? 64;
  }

  /** An issue at `key` below the current value (or at the current value itself for null). */
  issue(
    key: PathKey,
    expected: string,
    value: unknown,
    message = `expected ${expected}, received ${describe(value)}`,
  ): void {
    const { errors } = this;
    const max = this.#maxErrors;
    if (errors.length >= max) {
      const stopped = `validation stopped after ${max} errors (maxErrors)`;
      errors.push({ path: "", expected: `at most ${max} errors`, received: "more", message: stopped });
      throw STOP;
    }
    errors.push({ path: this.#pointer(key), expected, received: kindOf(value), message });
  }

  /** The JSON pointer of `key` below the current value. */
  #pointer(key: PathKey): string {
    let path = "";
    for (const step of this.#keys)
      if (step !== null) path += `/${typeof step === "number" ? step : pointerToken(step)}`;
    return key === null ? path : `${path}/${typeof key === "number" ? key : pointerToken(key)}`;
  }

  /**
   * Enters the object at `key`: false (with an issue) when it is not an object of the type `odataType`
   * names (`#microsoft.graph.x`), or nested too deep. An object that contains itself is nested too deep.
   */
  enter(value: unknown, key: PathKey, odataType: string): value is Record<string, unknown> {
    // The expected text is built only for an issue: this runs for every object of every payload.
    const problem =
      typeof value !== "object" || value === null || Array.isArray(value)
        ? undefined
        : this.#depth < this.#maxDepth
          ? false
          : `nesting deeper than ${this.#maxDepth} objects (maxDepth)`;
    if (problem === false) {
      this.#depth++;
      this.#keys.push(key);
      return true;
    }
    this.issue(key, `${odataType.slice(1)} object`, value, problem);
    return false;
  }

  leave(): void {
    this.#depth--;
    this.#keys.pop();
  }

  /** Steps into the array at `key`, whose items are then issues' keys. */
  down(key: PathKey): void {
    this.#keys.push(key);
  }

  up(): void {
    this.#keys.pop();
  }

  /**
   * The default of a generated `@odata.type` switch, which lists the allowed names as Graph sends them
   * (`#microsoft.graph.x`): Graph also accepts any case and no `#`. When the name is exactly one of
   * `allowed` that way, `check` runs again on a copy that spells it as the switch does; else an issue.
   * Leaves the current object either way. Exact spellings never get here.
   */
  otherType(
    value: Record<string, unknown>,
    key: PathKey,
    allowed: readonly string[],
    check: (value: unknown, walk: Walk, key: PathKey) => void,
  ): void {
    const type = value[ODATA_TYPE];
    const named = matchIgnoringCase(type, allowed);
    if (named === undefined) this.notAllowed(type, allowed);
    this.leave();
    if (named !== undefined) check({ ...value, [ODATA_TYPE]: named }, this, key);
  }

  /** `@odata.type` of the current value names a type not allowed here. */
  notAllowed(type: unknown, allowed: readonly string[]): void {
    const expected = `one of ${allowed.join(", ")}`;
    this.issue(
      ODATA_TYPE,
      expected,
      type,
      `${ODATA_TYPE} ${JSON.stringify(type)} is not allowed here; expected ${expected}`,
    );
  }

  /** `odataType` (`#microsoft.graph.x`) names an abstract type, and the value names no `@odata.type`. */
  abstractType(odataType: string, allowed: readonly string[]): void {
    const names = allowed.join(", ");
    this.issue(
      ODATA_TYPE,
      `one of ${names}`,
      undefined,
      `${odataType.slice(1)} is abstract: ${ODATA_TYPE} must name one of ${names}`,
    );
  }

  /**
   * A key the closed type `odataType` names does not declare (generated code loops over the keys itself,
   * so that its switch inlines): an issue unless it is an instance annotation or inherited.
   */
  unknown(value: Record<string, unknown>, key: string, odataType: string): void {
    // Instance annotations (`@odata.etag`, `prop@odata.bind`) are always allowed; for-in also lists a polluted prototype's keys.
    if (key.includes("@") || !Object.hasOwn(value, key)) return;
    const typeName = odataType.slice(1);
    this.issue(
      key,
      `a declared property of ${typeName}`,
      value[key],
      `unknown property ${JSON.stringify(key)}: ${typeName} is not an open type`,
    );
  }

  notNull(key: PathKey, expected: string): void {
    this.issue(key, expected, null, `null is not allowed: expected ${expected}`);
  }

  /**
   * Checks the shape of a collection; false (with an issue) when it is not an array. `item`: what each item
   * is expected to be, `Edm.String` say, or an object type's `@odata.type` (`#microsoft.graph.x`).
   */
  array(value: unknown, key: PathKey, item: string): value is unknown[] {
    if (Array.isArray(value)) return true;
    this.issue(key, `array of ${item[0] === "#" ? `${item.slice(1)} object` : item}`, value);
    return false;
  }
}

// The checks below are functions, not Walk methods, so that a bundle holds only those its validators
// call: read-only, immutable and required properties, navigation properties, open types and derived-type
// constraints appear in some types only. A check of a valid value costs the same call either way.

/**
 * A key an open type does not declare, in a request body: its dynamic properties are extension- or
 * annotation-shaped (`extension_<appId>_<name>`, `<prefix>_<name>`, `name@odata.bind`), so any
 * other key is a misspelt property, as the TypeScript types say too.
 */
export const dynamicKey = (walk: Walk, value: Record<string, unknown>, key: string, odataType: string): void => {
  if (key.includes("_") || key.includes("@") || !Object.hasOwn(value, key)) return;
  const expected = `a declared property of ${odataType.slice(1)}, or an extension property named <prefix>_<name>`;
  walk.issue(key, expected, value[key], `unknown property ${JSON.stringify(key)}: expected ${expected}`);
};

/** `Validation.DerivedTypeConstraint`: false (with an issue) when `@odata.type` names a type not allowed here. */
export const derivedAllowed = (walk: Walk, value: unknown, key: PathKey, allowed: readonly string[]): boolean => {
  if (typeof value !== "object" || value === null) return true;
  const type = (value as Record<string, unknown>)[ODATA_TYPE];
  if (typeof type !== "string" || allowed.includes(type.startsWith("#") ? type : `#${type}`)) return true;
  if (matchIgnoringCase(type, allowed) !== undefined) return true;
  walk.down(key);
  walk.notAllowed(type, allowed);
  walk.up();
  return false;
};

export const readOnlyIssue = (walk: Walk, key: PathKey, value: unknown): void => {
  walk.issue(
    key,
    "no value (read-only)",
    value,
    "read-only property: set by the service, never sent in a request body",
  );
};

export const immutableIssue = (walk: Walk, key: PathKey, value: unknown): void => {
  walk.issue(key, "no value (immutable)", value, "immutable property: may be set on create, never changed by update");
};

export const requiredIssue = (walk: Walk, key: PathKey, expected: string): void => {
  walk.issue(key, expected, undefined, `required property missing: expected ${expected}`);
};

/**
 * A navigation property holds expanded (or deep-inserted) entities: checked for shape only, so that a
 * validator does not pull in the whole entity graph; their own validators check their members.
 */
export const navigationShape = (
  walk: Walk,
  value: unknown,
  key: string,
  typeName: string,
  collection: boolean,
  nullable: boolean,
): void => {
  if (value === undefined) return;
  const expected = `${typeName} object`;
  if (!collection) {
    if (value === null ? !nullable : !isEdmObject(value)) walk.issue(key, expected, value);
    return;
  }
  if (!walk.array(value, key, expected)) return;
  walk.down(key);
  for (let i = 0; i < value.length; i++) if (!isEdmObject(value[i])) walk.issue(i, expected, value[i]);
  walk.up();
};

/** The one `#name` of `allowed` that a type name (`#` optional) spells in another case; else undefined. */
const matchIgnoringCase = (type: unknown, allowed: readonly string[]): string | undefined => {
  if (typeof type !== "string") return undefined;
  const wanted = (type.startsWith("#") ? type : `#${type}`).toLowerCase();
  const found = allowed.filter((name) => name.toLowerCase() === wanted);
  return found.length === 1 ? found[0] : undefined;
};

/** Runs a generated check over a value with fresh state and packs the result. */
export const runValidation = <T,>(
  value: unknown,
  options: ValidateOptions | undefined,
  check: (value: unknown, walk: Walk, key: PathKey) => void,
): ValidationResult<T> => {
  const walk = new Walk(options);
  try {
    check(value, walk, null);
  } catch (error) {
    if (error !== STOP) throw error;
  }
  return walk.errors.length === 0 ? { ok: true, value: value as T } : { ok: false, errors: walk.errors };
};

export const kindOf = (value: unknown): string =>
  value === null ? "null" : Array.isArray(value) ? "array" : typeof value;

const describe = (value: unknown): string => {
  if (typeof value === "string")
    return `string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}...` : value)}`;
  if (typeof value === "number" || typeof value === "boolean") return `${typeof value} ${value}`;
  return kindOf(value);
};

/** Escapes a property name for a JSON pointer (RFC 6901): `~` -> `~0`, `/` -> `~1`. */
export const pointerToken = (key: string): string => {
  if (!key.includes("~") && !key.includes("/")) return key;
  return key.replace(/~/g, "~0").replace(/\//g, "~1");
};

/** A declared property's value; own properties only, so `constructor` or `toString` never read the prototype. */
export const own = (value: Record<string, unknown>, key: string): unknown =>
  Object.hasOwn(value, key) ? value[key] : undefined;
