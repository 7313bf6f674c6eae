/**
 * `taizhang template --out FILE [--unit NAME] [--tasks MASTER.xlsx]` and
 * `taizhang split MASTER.xlsx --out-dir DIR` (SPEC §10): the standard template, blank or pre-filled
 * for a unit, and one pre-filled template per unit of a master ledger.
 */
import path from "node:path";
import {
  type MasterLedger,
  type WorkbookGrid,
  type WorkbookPlan,
  DEFAULT_SETTINGS,
  buildTemplateSheets,
  enumKey,
  masterRows,
  planSplit,
  planUnitWorkbook,
  readMaster,
  resolveUnit,
  unitVocabulary,
} from "../core";
import { writeWorkbookFile } from "../adapters/xlsx";
import { parseArgs, stringOption } from "./args";
import { type CliIo, EXIT_FAILURE, EXIT_OK, UsageError } from "./io";
import { describeReadFailure } from "./load";
import { readInputFile } from "./read-input";

async function readMasterFile(file: string, io: CliIo): Promise<MasterLedger> {
  let workbook: WorkbookGrid;
  try {
    workbook = (await readInputFile(file)).workbook;
  } catch (error) {
    throw new UsageError(`${file}: ${describeReadFailure(error)}`);
  }
  const master = readMaster(workbook, io.today);
  if (master === null)
    throw new UsageError(`${file}: 没有找到台账工作表（表头应含任务编号、重点任务、责任单位等列）`);
  return master;
}

export async function templateCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, ["out", "unit", "tasks"], []);
  const out = stringOption(args, "out");
  if (out === undefined) throw new UsageError("template 需要 --out 输出文件，例如 --out 重点任务台账.xlsx");
  if (args.positionals.length > 0) throw new UsageError(`template 不接受文件参数“${args.positionals[0]}”`);
  const unitArg = stringOption(args, "unit");
  const tasks = stringOption(args, "tasks");

  let plan: WorkbookPlan;
  let rows = 0;
  let unit = unitArg ?? null;
  if (tasks !== undefined) {
    if (unitArg === undefined)
      throw new UsageError("--tasks 需要同时用 --unit 指定单位；为每个单位生成请用 split");
    const master = await readMasterFile(tasks, io);
    if (master.roster) {
      const resolved = resolveUnit(unitArg, unitVocabulary(master.roster));
      const known = [...master.roster.units, ...(master.roster.unranked ?? [])].some(
        (u) => enumKey(u.name) === enumKey(resolved),
      );
      if (!known) throw new UsageError(`${tasks} 的单位名册中没有“${unitArg}”`);
      unit = resolved;
    }
    const own = masterRows(master)
      .filter((r) => r.unit !== null && enumKey(r.unit) === enumKey(unit!))
      .map((r) => r.row);
    rows = own.length;
    plan = planUnitWorkbook(master, unit, own);
  } else {
    plan = {
      sheets: buildTemplateSheets({
        unit,
        categories: DEFAULT_SETTINGS.categories,
        units: unit ? [unit] : [],
      }),
    };
  }
  await writeWorkbookFile(out, plan, { inputs: tasks ? [tasks] : [] });
  const what = unit ? `${unit}的` : "空白";
  io.stdout(
    `已生成${what}标准台账 ${out}${tasks ? `（预填 ${rows} 项任务，任务编号、类别、重点任务、完成时限已锁定）` : ""}\n`,
  );
  return EXIT_OK;
}

export async function splitCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, ["out-dir"], []);
  const outDir = stringOption(args, "out-dir");
  if (outDir === undefined) throw new UsageError("split 需要 --out-dir 输出文件夹");
  if (args.positionals.length !== 1) throw new UsageError("split 需要且只需要一个总台账文件");
  const file = args.positionals[0]!;
  const master = await readMasterFile(file, io);
  if (!master.roster) io.stderr(`taizhang: ${file} 没有单位名册，按台账中出现的单位名称拆分\n`);
  const split = planSplit(master);
  let failed = 0;
  for (const [i, f] of split.files.entries()) {
    const target = path.join(outDir, f.fileName);
    if (io.progress) io.stderr(`正在写入 ${target}（${i + 1}/${split.files.length}）…\n`);
    try {
      await writeWorkbookFile(target, f.plan, { inputs: [file] });
      io.stdout(
        `  ${f.fileName}：${f.rows} 项任务${f.unit === null ? "（责任单位为空或不在单位名册中，请核实）" : ""}\n`,
      );
    } catch (error) {
      failed++;
      io.stderr(`taizhang: ${target}: ${error instanceof Error ? error.message : String(error)}\n`);
    }
  }
  const units = split.files.filter((f) => f.unit !== null).length;
  io.stdout(
    `已拆分 ${split.rowsIn} 项任务到 ${units} 个单位的台账${split.unknownRows > 0 ? `，另有 ${split.unknownRows} 项责任单位无法识别，见 未识别单位-重点任务台账.xlsx` : ""}（${outDir}）\n`,
  );
  return failed > 0 ? EXIT_FAILURE : EXIT_OK;
}
