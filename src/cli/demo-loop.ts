/**
 * The email loop in `taizhang demo` (SPEC §0, §10): the template, the master ledger split into one
 * pre-filled workbook per unit, the units' returns (simulated from the sample's second period: one
 * broken and resent later, one returned twice, one late, one as old-format `.xls`), collected in two
 * batches, and the notice made from the merged ledger — printed as it goes.
 */
import { copyFile, mkdir, readFile, readdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import {
  type HistoryRecord,
  type NoticeData,
  NOTHING_COLLECTED,
  ROSTER_SHEET,
  buildTemplateSheets,
  collectReturns,
  copySheetPlan,
  findSheet,
  planNoticeWorkbook,
  planSplit,
  readMaster,
  readRoster,
  validateRun,
  DEFAULT_SETTINGS,
} from "../core";
import { readWorkbookFile, writeWorkbookFile } from "../adapters/xlsx";
import { type CliIo, wordsOf } from "./io";
import { loadWorkbooks } from "./load";
import { entryLine, figuresLine, planMergedWorkbook, readReturns } from "./merge-command";
import { noticeLines, writeNotice } from "./notice-command";

const rel = (p: string) => path.relative(process.cwd(), p);

/** Runs the loop; returns the notice made from the merged ledger (for the caller's summary). */
export async function runLoopDemo(
  io: CliIo,
  options: { seeds: string; outDir: string; history: readonly HistoryRecord[] },
): Promise<NoticeData> {
  const dir = path.join(options.outDir, "收发循环");
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const p1 = path.join(options.seeds, "period-1");
  const p2 = path.join(options.seeds, "period-2");
  const files = async (d: string) =>
    (await readdir(d))
      .filter((f) => f.endsWith(".xlsx"))
      .sort()
      .map((f) => path.join(d, f));
  const out = (name: string) => path.join(dir, name);
  const w = wordsOf(io);
  io.stdout(`${w.loopHeader}\n`);

  // 1. The template, with the sample's roster in its 责任单位 list.
  const rosterBook = await readWorkbookFile((await files(p1))[0]!);
  const rosterSheet = findSheet(rosterBook, ROSTER_SHEET)!;
  const roster = readRoster(rosterSheet).roster;
  const blank = out("1-标准台账（空白）.xlsx");
  await writeWorkbookFile(blank, {
    sheets: [
      ...buildTemplateSheets({
        categories: DEFAULT_SETTINGS.categories,
        units: roster.units.map((u) => u.name),
      }),
      copySheetPlan(rosterSheet, rosterBook.date1904),
    ],
  });
  io.stdout(`${w.loopTemplate(rel(blank))}\n`);

  // 2. The office's master ledger (the first period's returns merged), split per unit.
  const first = await readReturns(await files(p1), { ...io, progress: false });
  const master = out("2-总台账.xlsx");
  await writeWorkbookFile(
    master,
    planMergedWorkbook(collectReturns(NOTHING_COLLECTED, first, { today: io.today })),
  );
  const split = planSplit(readMaster(await readWorkbookFile(master), io.today)!);
  const sendDir = out("3-下发");
  for (const f of split.files) await writeWorkbookFile(path.join(sendDir, f.fileName), f.plan());
  const units = split.files.filter((f) => f.unit !== null).length;
  io.stdout(`${w.loopMaster(rel(master), split.rowsIn, rel(sendDir), units, split.unknownRows)}\n`);

  // 3. The returns: the sample's second period as the units mailed it back.
  const batch1 = out("4-报回（第一批）");
  const batch2 = out("5-报回（补报）");
  await mkdir(batch1, { recursive: true });
  await mkdir(batch2, { recursive: true });
  const LATE = "云岭县";
  const BROKEN = "江城水务集团";
  const TWICE = "青山区";
  const XLS = "市教育局";
  for (const file of await files(p2)) {
    const unit = path.basename(file, ".xlsx");
    if (unit === LATE) await copyFile(file, path.join(batch2, path.basename(file)));
    else if (unit === XLS)
      await copyFile(path.join(options.seeds, "returns", `${XLS}.xls`), path.join(batch1, `${XLS}.xls`));
    else if (unit === BROKEN) {
      const bytes = await readFile(file);
      await writeFile(
        path.join(batch1, path.basename(file)),
        bytes.subarray(0, Math.floor(bytes.length / 3)),
      );
      await copyFile(file, path.join(batch2, `${unit}（重发）.xlsx`));
    } else await copyFile(file, path.join(batch1, path.basename(file)));
    if (unit === TWICE) {
      // The same unit mails its ledger again two days later (same tasks, a later 填报日期).
      const book = await readWorkbookFile(file);
      const sheets = book.sheets.map((s) => {
        const plan = copySheetPlan(s, book.date1904);
        const rows = plan.rows.map((cells) =>
          cells.map((c) =>
            c && typeof c.value === "string" && c.value.includes("填报日期")
              ? { ...c, value: c.value.replace(/填报日期：.*$/u, "填报日期：2022年11月7日") }
              : c,
          ),
        );
        return { ...plan, rows };
      });
      await writeWorkbookFile(path.join(batch1, `${TWICE}（第二次报送）.xlsx`), { sheets });
    }
  }
  io.stdout(
    `${w.loopReturns(rel(batch1), rel(batch2), { xls: XLS, broken: BROKEN, twice: TWICE, late: LATE })}\n`,
  );

  // 4. Collect the first batch, then everything once the late returns are in.
  const collect = async (folders: string[], target: string, step: 1 | 2) => {
    const names = (
      await Promise.all(folders.map(async (d) => (await readdir(d)).sort().map((f) => path.join(d, f))))
    ).flat();
    const shown = new Map<string, string>();
    const returns = await readReturns(names, { ...io, stderr: () => undefined, progress: false }, shown);
    const result = collectReturns(NOTHING_COLLECTED, returns, { today: io.today });
    await writeWorkbookFile(target, planMergedWorkbook(result), { inputs: names });
    io.stdout(`${w.loopCollect(step, rel(target))}\n`);
    for (const e of result.added)
      if (e.outcome.kind !== "merged") io.stdout(`      ${entryLine(e, io, shown)}\n`);
    const merged = result.added.filter((e) => e.outcome.kind === "merged");
    const withErrors = merged.filter((e) => e.errors > 0).length;
    const sep = io.lang === "en" ? "; " : "；";
    io.stdout(`      ${w.loopMerged(merged.length, withErrors)}${sep}${figuresLine(result, io)}\n`);
    return result;
  };
  await collect([batch1], out("6-合并台账（第一批）.xlsx"), 1);
  const mergedFile = out("7-合并台账.xlsx");
  await collect([batch1, batch2], mergedFile, 2);

  // 5. The notice from the merged ledger; its figures must equal the notice made from the units' own files.
  const { loaded } = await loadWorkbooks([mergedFile], io);
  const run = validateRun(loaded, { today: io.today, asOf: "2022-10-31" });
  const noticeFile = out("8-通报（第2期）.xlsx");
  const written = await writeNotice(run, {
    out: noticeFile,
    period: 2,
    history: [...options.history],
    withLedger: false,
    inputs: [mergedFile],
    today: io.today,
  });
  if (!written.ok) throw new Error(w.loopRefused);
  const notice = written.notice;
  const direct = validateRun((await loadWorkbooks(await files(p2), { ...io, progress: false })).loaded, {
    today: io.today,
    asOf: "2022-10-31",
  });
  const planned = planNoticeWorkbook(direct, { period: 2, history: [...options.history], today: io.today });
  if (!planned.ok) throw new Error(w.loopRefused);
  const directNotice = planned.notice;
  const same = JSON.stringify(figures(notice)) === JSON.stringify(figures(directNotice));
  io.stdout(
    [
      w.loopNotice(rel(noticeFile)),
      ...noticeLines(notice, io).map((l) => `      ${l}`),
      `      ${w.loopSame(same)}`,
      "",
    ].join("\n") + "\n",
  );
  return notice;
}

function figures(notice: NoticeData) {
  return {
    totals: notice.totals,
    units: notice.units.map((u) => [u.unit, u.assigned, u.completed, u.overdue, u.rank, u.errors]),
    red: notice.redList.map((e) => e.unit),
    black: notice.blackList.map((e) => e.unit),
    notSubmitted: notice.notSubmitted.map((e) => e.unit),
  };
}
