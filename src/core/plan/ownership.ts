/**
 * The ownership policy of SPEC §12, once for every host: never overwrite a sheet the product did
 * not create; replace a sheet of ours only after the user agreed, except the kinds that are rewritten
 * on every run by design (the history, which keeps every earlier period's rows, and the validation
 * report of the current state). Each host adapter reports what holds each target name
 * (`SheetStatus`) and obeys the decision.
 */
import type { SheetKind } from "./plan";

/** What holds a sheet name: nothing, a sheet the product did not create, or a sheet of ours (its kind). */
export type SheetStatus = "absent" | "foreign" | SheetKind;

/** Kinds replaced without asking: they are rewritten on every run and lose nothing by it. */
export const SILENTLY_REPLACED: ReadonlySet<SheetKind> = new Set<SheetKind>(["report", "history"]);

export type WriteDecision =
  /** A target name holds a sheet the product did not create: write nothing at all. */
  | { readonly action: "refuse"; readonly sheet: string }
  /**
   * Write every target. `replace` lists the names of our sheets that will be replaced; `confirm`
   * those among them the user must agree to first (when empty, nobody needs asking).
   */
  | { readonly action: "write"; readonly replace: readonly string[]; readonly confirm: readonly string[] };

/**
 * Decides how to write `targets` given what holds their names now. A name missing from `status` is
 * taken as absent. `rewritten`: names the operation rewrites whole by design, replaced without asking
 * when ours (收集's `合并台账` and `收集情况`, which keep every earlier row; the template's hidden `选项`).
 *
 * @example decideSheetWrites(["通报（第2期）", "通报记录"], new Map([["通报记录", "history"]]))
 *   // → { action: "write", replace: ["通报记录"], confirm: [] }
 */
export function decideSheetWrites(
  targets: readonly string[],
  status: ReadonlyMap<string, SheetStatus>,
  rewritten: ReadonlySet<string> = new Set(),
): WriteDecision {
  const replace: string[] = [];
  const confirm: string[] = [];
  for (const name of targets) {
    const held = status.get(name) ?? "absent";
    if (held === "absent") continue;
    if (held === "foreign") return { action: "refuse", sheet: name };
    replace.push(name);
    if (!SILENTLY_REPLACED.has(held) && !rewritten.has(name)) confirm.push(name);
  }
  return { action: "write", replace, confirm };
}
