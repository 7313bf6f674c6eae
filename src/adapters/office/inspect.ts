/**
 * Before writing several generated sheets, find out what already holds their names, in one batch:
 * so that one foreign sheet stops the whole operation before anything is written (SPEC §12), and
 * the task pane can ask once before replacing its own earlier output.
 */
import type { SheetStatus } from "../../core/plan";
import { kindOf, loadOwnerMark } from "./ownership";

export type { SheetStatus };

export async function inspectSheets(
  context: Excel.RequestContext,
  names: readonly string[],
): Promise<Map<string, SheetStatus>> {
  const sheets = names.map((name) => {
    const sheet = context.workbook.worksheets.getItemOrNullObject(name);
    sheet.load("name");
    return { name, sheet };
  });
  await context.sync();
  const marks = sheets.map(({ name, sheet }) => ({
    name,
    mark: sheet.isNullObject ? null : loadOwnerMark(sheet),
  }));
  if (marks.some((m) => m.mark)) await context.sync();
  return new Map(
    marks.map(({ name, mark }): [string, SheetStatus] => [
      name,
      mark === null ? "absent" : (kindOf(mark) ?? "foreign"),
    ]),
  );
}
