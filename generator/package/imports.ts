// Where a project imports the generated package from, said once for `generate`'s closing lines and the
// docs site's examples: by a relative path from a module in the project's src/ folder when the output
// lies inside it (imported in place), else by the package name (a package of its own, built and installed).
import { relative, sep } from "node:path";
import { enclosingSourceFolder, type ResolvedOptions } from "../options.js";

export interface ImportSpecifiers {
  /** The package root: types, validators and the client's exports. */
  readonly root: string;
  readonly client: string;
  readonly mock: string;
  /** Where a relative specifier is relative to (`src/`), or undefined for the package name. */
  readonly from?: string;
}

export function importSpecifiers(options: Pick<ResolvedOptions, "out" | "cwd" | "packageName">): ImportSpecifiers {
  const source = enclosingSourceFolder(options.out, options.cwd);
  if (!source) {
    const name = options.packageName;
    return { root: name, client: `${name}/client/index`, mock: `${name}/mock` };
  }
  const inner = relative(source, options.out).split(sep).join("/");
  const base = inner === "" ? "./src" : `./${inner}/src`;
  const from = `${relative(options.cwd, source).split(sep).join("/")}/`;
  return { root: `${base}/index.js`, client: `${base}/client/index.js`, mock: `${base}/mock/index.js`, from };
}
