// View models for the validator modules of enum types (templates/validator-enum.hbs): the members
// as a switch, then, for Graph's any-case spellings, the same members lower-cased.
import type { EnumType } from "../model/types.js";
import { ImportSet, type ImportView } from "../emit/imports.js";
import { layoutStringConstant, parameterList } from "./layout.js";
import type { ValidatorNames } from "./names.js";
import type { Context } from "./members.js";
import { VALIDATOR_RESERVED, validatorSignatures, type Signatures } from "./structured.js";

export interface EnumValidatorView {
  readonly runtimeImport: string;
  readonly imports: ImportView[];
  readonly typeNameConstant: string;
  readonly expectedConstant: string;
  readonly signatures: Signatures;
  readonly fullName: string;
  readonly typeName: string;
  readonly names: ValidatorNames;
  readonly flags: boolean;
  readonly anyString: boolean;
  readonly members: string[];
  /** The members lower-cased, for Graph's any-case spellings; those two members share are left out. */
  readonly lowerMembers: string[];
}

/** The enum's name and as many members as fit one constant line (the rest elided). */
function enumExpected(type: EnumType, names: readonly string[], literals: readonly string[]): string {
  if (names.length === 0) return `${type.fullName} (a string)`;
  const head = type.isFlags ? `${type.fullName} (comma-separated members: ` : `${type.fullName} (one of: `;
  // The quoted length of text(n), summed from each part's (an enum can have hundreds of members); a member's
  // is its literal's, quotes apart.
  const headLength = JSON.stringify(head).length - 2;
  const prefix = [0];
  literals.forEach((literal, i) => prefix.push(prefix[i]! + literal.length - 2));
  const quotedLength = (n: number) => 2 + headLength + prefix[n]! + 2 * (n - 1) + (n < names.length ? ", ...".length : 0) + ")".length;
  let shown = names.length;
  while (shown > 1 && quotedLength(shown) > EXPECTED_WIDTH) shown -= 1;
  return `${head}${names.slice(0, shown).join(", ")}${shown < names.length ? ", ..." : ""})`;
}

/** `  "text";` on the line after `const EXPECTED =` stays within prettier's width. */
const EXPECTED_WIDTH = 116;

export function enumValidatorView(ctx: Context, type: EnumType): EnumValidatorView {
  const naming = ctx.names.type(type.fullName);
  const { names: own, modulePath } = ctx.validatorOf(type.fullName);
  const imports = new ImportSet(modulePath, Object.values(own), VALIDATOR_RESERVED);
  const typeName = imports.add(naming.modulePath, naming.typeName, true, naming.qualifiedAlias);
  const flags = type.isFlags && type.members.length > 0;
  const names = type.members.map((m) => m.name);
  const literals = names.map((name) => JSON.stringify(name));
  return {
    runtimeImport: ctx.runtimeImport(modulePath, [], flags ? ["matchesFlags"] : []),
    imports: imports.views(),
    typeNameConstant: layoutStringConstant("TYPE_NAME", type.fullName),
    expectedConstant: layoutStringConstant("EXPECTED", enumExpected(type, names, literals)),
    signatures: validatorSignatures(own, typeName, IS_PARAMS),
    fullName: type.fullName,
    typeName,
    names: own,
    flags,
    anyString: type.members.length === 0,
    members: literals,
    lowerMembers: unambiguousLowerCase(names).map((m) => JSON.stringify(m)),
  };
}

const IS_PARAMS = parameterList(["value: unknown"]);

/** The lower-cased names that exactly one member has: a case-insensitive match must name one member. */
function unambiguousLowerCase(names: readonly string[]): string[] {
  const count = new Map<string, number>();
  names.forEach((name) => {
    const lower = name.toLowerCase();
    count.set(lower, (count.get(lower) ?? 0) + 1);
  });
  const unambiguous: string[] = [];
  count.forEach((n, lower) => {
    if (n === 1) unambiguous.push(lower);
  });
  return unambiguous;
}
