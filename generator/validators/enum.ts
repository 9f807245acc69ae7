// View models for the validator modules of enum types (templates/validator-enum.hbs): the members
// as a switch, then, for Graph's any-case spellings, the same members lower-cased.
import type { EnumType } from "../model/types.js";
import { ImportSet, type ImportView } from "../emit/imports.js";
import { arrowHead, layoutSignature, layoutStringConstant, parameterList } from "./layout.js";
import type { ValidatorNames } from "./names.js";
import type { Context } from "./members.js";
import { CHECK_PARAMS, publicSignatures, runtimeImports, VALIDATOR_RESERVED, type Signatures } from "./structured.js";

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
function enumExpected(type: EnumType): string {
  if (type.members.length === 0) return `${type.fullName} (a string)`;
  const head = type.isFlags ? `${type.fullName} (comma-separated members: ` : `${type.fullName} (one of: `;
  const names = type.members.map((m) => m.name);
  // The quoted length of text(n), summed from each part's (an enum can have hundreds of members).
  const quoted = (part: string) => JSON.stringify(part).length - 2;
  const prefix = [0];
  for (const name of names) prefix.push(prefix[prefix.length - 1]! + quoted(name));
  const quotedLength = (n: number) => 2 + quoted(head) + prefix[n]! + 2 * (n - 1) + (n < names.length ? ", ...".length : 0) + ")".length;
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
  return {
    runtimeImport: runtimeImports(modulePath, [], flags ? ["matchesFlags"] : []),
    imports: imports.views(),
    typeNameConstant: layoutStringConstant("TYPE_NAME", type.fullName),
    expectedConstant: layoutStringConstant("EXPECTED", enumExpected(type)),
    signatures: {
      ...publicSignatures(own, typeName),
      is: layoutSignature(arrowHead(own.is), IS_PARAMS, `value is ${typeName}`, "=> {"),
      check: layoutSignature(arrowHead(own.check), CHECK_PARAMS, "void", "=> {"),
    },
    fullName: type.fullName,
    typeName,
    names: own,
    flags,
    anyString: type.members.length === 0,
    members: type.members.map((m) => JSON.stringify(m.name)),
    lowerMembers: unambiguousLowerCase(type.members.map((m) => m.name)).map((m) => JSON.stringify(m)),
  };
}

const IS_PARAMS = parameterList(["value: unknown"]);

/** The lower-cased names that exactly one member has: a case-insensitive match must name one member. */
function unambiguousLowerCase(names: readonly string[]): string[] {
  const count = new Map<string, number>();
  for (const name of names) {
    const lower = name.toLowerCase();
    count.set(lower, (count.get(lower) ?? 0) + 1);
  }
  return [...count].filter(([, n]) => n === 1).map(([lower]) => lower);
}
