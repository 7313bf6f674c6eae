/**
 * Before writing several generated sheets, what holds their names now — so that one foreign sheet
 * stops the whole operation before anything is written (SPEC §12).
 */
import type { SheetKind } from "../../core/plan";
import type { EtApplication } from "./et";
import { activeWorkbook, kindOf, listSheets } from "./sheets";

/** `"absent"`: no such sheet; `"foreign"`: a sheet the product did not create; else our kind. */
export type SheetStatus = "absent" | "foreign" | SheetKind;

export function inspectSheets(app: EtApplication, names: readonly string[]): Map<string, SheetStatus> {
  const sheets = listSheets(activeWorkbook(app));
  return new Map(
    names.map((name): [string, SheetStatus] => {
      const found = sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
      return [name, found ? (kindOf(found.sheet) ?? "foreign") : "absent"];
    }),
  );
}
