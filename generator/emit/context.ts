// What every emitter receives: the model, the selection, the names and the resolved options.
import type { Model } from "../model/types.js";
import type { Names } from "../naming.js";
import type { ResolvedOptions } from "../options.js";
import type { Selection } from "../select.js";

export interface EmitContext {
  readonly model: Model;
  readonly selection: Selection;
  readonly names: Names;
  readonly options: ResolvedOptions;
}

/** A module of the package: rendered from a template, or one of graphgen's runtime files copied as it is. */
export type PlannedModule = RenderedModule | RuntimeModule;

export interface RenderedModule {
  /** Path below the output's `src/`, without extension. */
  readonly modulePath: string;
  /** Template name: `templates/<name>.hbs`. */
  readonly template: string;
  readonly view: object;
  /**
   * The template writes exactly what prettier would (checked by test/emit/prettier-stable.test.ts),
   * so the format stage skips prettier for it unless a line came out longer than the print width.
   */
  readonly prettierStable?: boolean;
}

/**
 * A fixed runtime module: `templates/runtime/<modulePath>.ts`, written below the header line byte for byte
 * (it is kept in prettier's layout there, so the format stage never touches it).
 */
export interface RuntimeModule {
  readonly modulePath: string;
  readonly runtime: true;
}

/**
 * A prettier-stable module whose view model is made each time `view` is read, when the module is rendered, so that
 * the view dies young instead of living through the whole render stage (most of a generation's garbage collection
 * is copying such long-lived objects). A class: an object literal with a getter costs V8 an accessor definition
 * for each of the thousands of modules.
 */
export class ViewOnRender implements RenderedModule {
  readonly prettierStable = true;
  constructor(
    readonly modulePath: string,
    readonly template: string,
    private readonly makeView: () => object,
  ) {}

  get view(): object {
    return this.makeView();
  }
}

/** The runtime module at `templates/runtime/<modulePath>.ts`. */
export const runtimeModule = (modulePath: string): RuntimeModule => ({ modulePath, runtime: true });
