// Which of two metadata files is the older, read from their content rather than assumed: Graph dates
// every deprecation notice it publishes (`Core.Revisions` `Date`), so the newest notice a file carries
// is a floor for when it was published. Equal or missing dates tell nothing, and then nothing is said.
import { isStructured } from "../model/queries.js";
import type { Documented, Model } from "../model/types.js";

export interface AgeComparison {
  /** The file that looks older, when the dates tell. */
  readonly older?: "old" | "new";
  /** Each file's newest deprecation notice, `YYYY-MM-DD`. */
  readonly oldNewestNotice?: string;
  readonly newNewestNotice?: string;
}

export function compareAge(before: Model, after: Model): AgeComparison {
  const oldNewestNotice = newestNotice(before);
  const newNewestNotice = newestNotice(after);
  const older = !oldNewestNotice || !newNewestNotice || oldNewestNotice === newNewestNotice ? undefined : newNewestNotice < oldNewestNotice ? "new" : "old";
  return { ...(older ? { older } : {}), ...(oldNewestNotice ? { oldNewestNotice } : {}), ...(newNewestNotice ? { newNewestNotice } : {}) };
}

/** The date of the newest deprecation notice anywhere in the model. */
export function newestNotice(model: Model): string | undefined {
  let newest: string | undefined;
  const see = (element: Documented | undefined) => {
    const date = element?.deprecation?.date;
    if (date && (!newest || date > newest)) newest = date;
  };
  for (const type of model.types.values()) {
    see(type);
    if (isStructured(type)) [...type.properties, ...type.navigationProperties].forEach(see);
    if (type.kind === "enum") type.members.forEach(see);
  }
  model.operations.forEach(see);
  for (const container of model.containers) [...container.entitySets, ...container.singletons].forEach(see);
  return newest;
}

/** `x.xml looks older than y.xml (newest deprecation notice 2023-03-15, against 2026-03-18)`, or undefined when unknown. */
export function ageNote(age: AgeComparison | undefined, oldName: string, newName: string): string | undefined {
  if (!age?.older) return undefined;
  const [older, newer, olderDate, newerDate] =
    age.older === "new" ? [newName, oldName, age.newNewestNotice, age.oldNewestNotice] : [oldName, newName, age.oldNewestNotice, age.newNewestNotice];
  return `${older} is older than ${newer} (its newest deprecation notice is dated ${olderDate}, against ${newerDate})`;
}
