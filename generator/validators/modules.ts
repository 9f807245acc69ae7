// Plans the validator part of the package: the shared runtime, one module per entity, complex and
// enum type (beside its model's path, `models/x/Y` -> `validators/x/Y`), and the folder indexes.
//
// The package index re-exports both `models/index` and `validators/index` with `export *`, and the
// models index already exports nested namespaces (`callRecords`) by name; a second `callRecords` from
// the validators would make both ambiguous. So `validators/index` exports every validator flat: the
// root namespace's as `validateUser`, nested ones namespace-qualified as `validateCallRecordsCallRecord`
// (the models' `qualifiedAlias`). Each nested folder's own index keeps the short names.
import { isStructured } from "../model/queries.js";
import { runtimeModule, ViewOnRender, type EmitContext, type PlannedModule } from "../emit/context.js";
import { layoutImport, moduleSpecifier } from "../emit/imports.js";
import { runtimeImportLines, structuredValidatorView } from "./structured.js";
import { enumValidatorView } from "./enum.js";
import { EDM_CHECKS_MODULE, RUNTIME_MODULE, typeValidators, validatorModulePath } from "./names.js";

export const VALIDATORS_INDEX = "validators/index";

export function planValidatorModules({ model, names, selection }: EmitContext): PlannedModule[] {
  const ctx = { model, names, selected: new Set(selection.types), validatorOf: typeValidators(names), runtimeImport: runtimeImportLines() };
  // The runtime is copied (templates/runtime/runtime/); templates write prettier's layout (validators-layout.ts),
  // and prettier still runs on a module with a long line.
  const modules: PlannedModule[] = [runtimeModule(RUNTIME_MODULE), runtimeModule(EDM_CHECKS_MODULE)];
  const exported: ExportedValidators[] = [];
  for (const fullName of selection.types) {
    const type = model.types.get(fullName);
    const { modulePath, names: own, aliases: qualified } = ctx.validatorOf(fullName);
    // Made when rendered, as the type modules' views are (ViewOnRender).
    if (isStructured(type)) modules.push(new ViewOnRender(modulePath, "validator", () => structuredValidatorView(ctx, type)));
    else if (type?.kind === "enum") modules.push(new ViewOnRender(modulePath, "validator-enum", () => enumValidatorView(ctx, type)));
    else continue;
    exported.push({
      modulePath,
      names: [own.validate, own.is, own.assert],
      qualifiedNames: [`${own.validate} as ${qualified.validate}`, `${own.is} as ${qualified.is}`, `${own.assert} as ${qualified.assert}`],
    });
  }
  const rootFolder = validatorModulePath(names.namespace(names.rootNamespace).folder);
  return [...modules, ...planIndexes(rootFolder, exported)];
}

interface ExportedValidators {
  readonly modulePath: string;
  /** `validateX`, `isX`, `assertX`. */
  readonly names: readonly string[];
  /** The same under namespace-qualified names, for the root index. */
  readonly qualifiedNames: readonly string[];
}

interface FolderIndex {
  /** Export statements, laid out as prettier would. */
  readonly exports: string[];
  readonly children: Set<string>;
}

/** One index per folder; the root one flat (see above), nested ones as `export * as` below their parent. */
function planIndexes(rootFolder: string, exported: readonly ExportedValidators[]): PlannedModule[] {
  const folders = new Map<string, FolderIndex>();
  const folder = (path: string): FolderIndex => {
    let index = folders.get(path);
    if (!index) {
      index = { exports: [], children: new Set() };
      folders.set(path, index);
      const slash = path.lastIndexOf("/");
      const parent = path.slice(0, slash);
      if (slash > 0 && path !== rootFolder && parent !== rootFolder) folder(parent).children.add(path);
    }
    return index;
  };
  const root = folder(rootFolder);
  for (const { modulePath, names, qualifiedNames } of exported) {
    const path = modulePath.slice(0, modulePath.lastIndexOf("/"));
    folder(path).exports.push(layoutImport(names, moduleSpecifier(`${path}/index`, modulePath), "export"));
    if (path !== rootFolder) root.exports.push(layoutImport(qualifiedNames, moduleSpecifier(`${rootFolder}/index`, modulePath), "export"));
  }
  return [...folders.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([path, index]) => {
      const indexModule = `${path}/index`;
      const namespaces = [...index.children].sort().map((child) => ({
        name: child.slice(child.lastIndexOf("/") + 1),
        from: moduleSpecifier(indexModule, `${child}/index`),
      }));
      return {
        modulePath: indexModule,
        template: "validator-index",
        prettierStable: true,
        view: { exports: index.exports, namespaces, empty: index.exports.length + namespaces.length === 0 },
      };
    });
}
