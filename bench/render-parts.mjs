// User CPU of each part of the render stage of `--all --include-path '/**'` (or of the options given as JSON in
// argv[2]), in one process with the built graphgen (dist/): the view models and the Handlebars rendering of the
// types, validators, client (request builders apart) and mock, and the JSON Schema. Prints one line per part.
// Types' and validators' views, which a generation makes as each module is rendered, are made here all first, so
// that the two lines part them (holding them all costs some garbage collection the generation does not pay).
// Measured as `graphgen generate` runs: with the V8 flags its bin/graphgen.js sets (generator/batch-flags.ts).
import { resolve } from "node:path";

const root = resolve(import.meta.dirname, "..");
const imported = (path) => import(`../dist/${path}`);
(await imported("batch-flags.js")).tuneV8ForBatchRun();
const { resolveOptions } = await imported("options.js");
const { loadModel } = await imported("load.js");
const { planClient, validatorLookup } = await imported("client/plan.js");
const { planClientPart } = await imported("client/part.js");
const { selectTypes } = await imported("select.js");
const { buildNames } = await imported("naming.js");
const { createRenderer } = await imported("render.js");
const { planTypeModules } = await imported("types/modules.js");
const { planValidatorModules } = await imported("validators/modules.js");
const { planJsonSchema } = await imported("validators/json-schema.js");
const { planMockModules } = await imported("mock/plan.js");

const given = process.argv[2] ? JSON.parse(process.argv[2]) : { all: true, includePaths: ["/**"] };
const options = resolveOptions({ metadata: `${root}/metadata/v1.0-cleanMetadata.xml`, out: `${root}/.render-parts`, cwd: root, ...given });
const userMs = () => process.cpuUsage().user / 1000;
let last = userMs();
const lap = (part) => {
  const now = userMs();
  console.log(`${part.padEnd(28)} ${(now - last).toFixed(0).padStart(6)} ms user CPU`);
  last = now;
};
const { model } = loadModel(options.metadata, options.overlays, options.cwd, {});
lap("parse and model");
const client = planClient(model, options);
const selection = selectTypes(model, { ...options, pathTypes: client.types });
const names = buildNames(selection.model, selection.types, options.rootNamespace);
lap("request tree, select, names");
const renderer = createRenderer();
const ctx = { model: selection.model, selection, names, options };
const render = (modules, views = modules.map((m) => m.view)) =>
  modules.map((m, i) => ("runtime" in m ? renderer.runtime(m.modulePath) : renderer.render(m.template, views[i])));
const views = (modules) => modules.map((m) => ("runtime" in m ? undefined : m.view));
const types = planTypeModules(ctx);
const typeViews = views(types);
lap("types: view models");
render(types, typeViews);
lap("types: Handlebars");
const validators = planValidatorModules(ctx);
const validatorViews = views(validators);
lap("validators: view models");
render(validators, validatorViews);
lap("validators: Handlebars");
const clientModules = planClientPart(ctx, client);
lap("client: view models");
const isBuilder = (m) => m.modulePath.startsWith("client/paths/");
render(clientModules.filter(isBuilder));
lap(`client: ${clientModules.filter(isBuilder).length} builder modules, Handlebars`);
render(clientModules.filter((m) => !isBuilder(m)));
lap("client: the rest, Handlebars");
const mock = planMockModules(ctx, client.roots, validatorLookup(ctx));
lap("mock: view models");
render(mock);
lap("mock: Handlebars");
planJsonSchema(ctx);
lap("JSON Schema");
