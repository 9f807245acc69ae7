// Plans the type modules of one generation: which file gets which template and view model,
// plus the namespace index modules and the package index (edm.ts is a runtime file, templates/runtime/edm.ts).
import type { Names } from "../naming.js";
import type { Model } from "../model/types.js";
import { runtimeModule, ViewOnRender, type EmitContext, type PlannedModule } from "../emit/context.js";
import { moduleSpecifier } from "../emit/imports.js";
import { EDM_MODULE } from "../emit/type-expressions.js";
import { enumTypeView, structuredTypeView, typeDefinitionView } from "./views.js";

export type { PlannedModule } from "../emit/context.js";

export function planTypeModules({ model, names, selection }: EmitContext): PlannedModule[] {
  const types = selection.types;
  const ctx = { model, names };
  const modules: PlannedModule[] = [runtimeModule(EDM_MODULE)];
  for (const fullName of types) {
    const type = model.types.get(fullName);
    if (!type) continue;
    const { modulePath } = names.type(fullName);
    // Each view is made when its module is rendered (ViewOnRender).
    if (type.kind === "enum") modules.push(new ViewOnRender(modulePath, "enum-type", () => enumTypeView(ctx, type)));
    else if (type.kind === "typeDefinition") modules.push(new ViewOnRender(modulePath, "type-definition", () => typeDefinitionView(ctx, type)));
    else modules.push(new ViewOnRender(modulePath, "structured-type", () => structuredTypeView(ctx, type)));
  }
  return [...modules, ...planNamespaceIndexes(model, names, types)];
}

/** The package's root module: re-exports every part (types, validators, client) from one place. */
export function planPackageIndex(modules: readonly string[]): PlannedModule {
  return { modulePath: "index", template: "package-index", view: { doc: [], modules }, prettierStable: true };
}

interface FolderIndex {
  folder: string;
  namespace?: string;
  typeExports: { name: string; from: string }[];
  valueExports: { name: string; from: string }[];
  children: Set<string>;
}

/**
 * One index per namespace folder. Nested namespaces are re-exported as `export * as name`, so
 * `microsoft.graph.search.identity` is `search.Identity` and never collides with `Identity`.
 */
function planNamespaceIndexes(model: Model, names: Names, types: readonly string[]): PlannedModule[] {
  const folders = new Map<string, FolderIndex>();
  const folder = (path: string): FolderIndex => {
    let index = folders.get(path);
    if (!index) {
      index = { folder: path, typeExports: [], valueExports: [], children: new Set() };
      folders.set(path, index);
      const slash = path.lastIndexOf("/");
      if (slash > 0) folder(path.slice(0, slash)).children.add(path);
    }
    return index;
  };
  folder(names.namespace(names.rootNamespace).folder);
  for (const fullName of types) {
    const naming = names.type(fullName);
    const ns = names.namespace(naming.namespace);
    const index = folder(ns.folder);
    index.namespace = naming.namespace;
    const indexModule = `${ns.folder}/index`;
    const entry = { name: naming.typeName, from: moduleSpecifier(indexModule, naming.modulePath) };
    if (model.types.get(fullName)?.kind === "enum") index.valueExports.push(entry);
    else index.typeExports.push(entry);
  }
  return [...folders.values()]
    .sort((a, b) => (a.folder < b.folder ? -1 : 1))
    .map((index) => {
      const indexModule = `${index.folder}/index`;
      const namespaces = [...index.children].sort().map((child) => ({
        name: child.slice(child.lastIndexOf("/") + 1),
        from: moduleSpecifier(indexModule, `${child}/index`),
      }));
      return {
        modulePath: indexModule,
        template: "namespace-index",
        prettierStable: true,
        view: {
          doc: index.namespace ? [`Types of the ${index.namespace} namespace.`] : [],
          typeExports: index.typeExports,
          valueExports: index.valueExports,
          namespaces,
          empty: index.typeExports.length + index.valueExports.length + namespaces.length === 0,
        },
      };
    });
}
