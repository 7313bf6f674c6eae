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
import { VALUED_OPTIONS } from "./argv";
import { type CliIo, EXIT_FAILURE, EXIT_OK, UsageError, oneLine, wordsOf } from "./io";
import { readInputFile } from "./read-input";

async function readMasterFile(file: string, io: CliIo): Promise<MasterLedger> {
  let workbook: WorkbookGrid;
  try {
    workbook = (await readInputFile(file)).workbook;
  } catch (error) {
    throw new UsageError(`${file}: ${wordsOf(io).readFailure(error)}`);
  }
  const master = readMaster(workbook, io.today);
  if (master === null) throw new UsageError(wordsOf(io).noLedgerIn(file));
  return master;
}

export async function templateCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const w = wordsOf(io);
  const args = parseArgs(argv, ["out", "unit", "tasks"], [], w);
  const out = stringOption(args, "out");
  if (out === undefined) throw new UsageError(w.templateNeedOut);
  if (args.positionals.length > 0) throw new UsageError(w.templateNoFiles(args.positionals[0]!));
  const unitArg = stringOption(args, "unit");
  const tasks = stringOption(args, "tasks");

  let plan: WorkbookPlan;
  let rows = 0;
  let unit = unitArg ?? null;
  if (tasks !== undefined) {
    if (unitArg === undefined) throw new UsageError(w.tasksNeedUnit);
    const master = await readMasterFile(tasks, io);
    if (master.roster) {
      const resolved = resolveUnit(unitArg, unitVocabulary(master.roster));
      const known = [...master.roster.units, ...(master.roster.unranked ?? [])].some(
        (u) => enumKey(u.name) === enumKey(resolved),
      );
      if (!known) throw new UsageError(w.unitNotInRoster(tasks, unitArg));
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
  io.stdout(`${w.templateWritten(unit, out, tasks ? rows : null)}\n`);
  return EXIT_OK;
}

export async function splitCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const w = wordsOf(io);
  const args = parseArgs(argv, VALUED_OPTIONS.split, [], w);
  const outDir = stringOption(args, "out-dir");
  if (outDir === undefined) throw new UsageError(w.splitNeedOutDir);
  if (args.positionals.length !== 1) throw new UsageError(w.splitNeedOneFile);
  const file = args.positionals[0]!;
  // The master is not kept here: once split, its tables can go (the plans hold the rows).
  const split = planSplit(await readMasterFile(file, io));
  if (!split.roster) io.stderr(`taizhang: ${w.splitNoRoster(file)}\n`);
  let failed = 0;
  for (const [i, f] of split.files.entries()) {
    const target = path.join(outDir, f.fileName);
    if (io.progress) io.stderr(`${w.writing(target, i + 1, split.files.length)}\n`);
    try {
      await writeWorkbookFile(target, f.plan(), { inputs: [file] });
      io.stdout(`${w.splitFile(f.fileName, f.rows, f.unit === null)}\n`);
    } catch (error) {
      failed++;
      io.stderr(`taizhang: ${target}: ${oneLine(error)}\n`);
    }
  }
  const units = split.files.filter((f) => f.unit !== null).length;
  io.stdout(`${w.splitTotal(split.rowsIn, units, split.unknownRows, outDir)}\n`);
  return failed > 0 ? EXIT_FAILURE : EXIT_OK;
}
