/**
 * The alternative a Node user would pick: ExcelJS's streaming reader doing the completion-rate
 * job (per unit: tasks, completed, rate). Run as its own process by the bench:
 *   node dist/bench/alt-exceljs.js LEDGER.xlsx
 */
import ExcelJS from "exceljs";

async function main(file: string): Promise<void> {
  const units = new Map<string, { assigned: number; completed: number }>();
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { sharedStrings: "cache", worksheets: "emit" });
  for await (const sheet of reader) {
    let unitColumn = -1;
    let statusColumn = -1;
    for await (const row of sheet) {
      const values = row.values as unknown[];
      if (unitColumn < 0) {
        unitColumn = values.indexOf("责任单位");
        statusColumn = values.indexOf("推进状态");
        continue;
      }
      const unit = values[unitColumn];
      if (typeof unit !== "string") continue;
      const u = units.get(unit) ?? { assigned: 0, completed: 0 };
      u.assigned++;
      const status = values[statusColumn];
      if (status === "已完成" || status === "已销号") u.completed++;
      units.set(unit, u);
    }
    break; // the ledger is the first sheet
  }
  const rates = [...units].map(([unit, u]) => ({ unit, ...u, rate: u.completed / u.assigned }));
  process.stdout.write(JSON.stringify(rates) + "\n");
}

main(process.argv[2] ?? "").catch((error: unknown) => {
  console.error(error);
  process.exit(2);
});
