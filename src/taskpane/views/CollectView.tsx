/**
 * 收集/导出 (SPEC §11): insert the standard template, collect returned files into `合并台账`
 * (picked or dropped, parsed in the browser), and export the notice as a workbook of its own.
 * The workbook is reached only through the host port; the heavy parts load on first use.
 */
import { Button, Caption1, Divider, Subtitle2, Text, makeStyles, tokens } from "@fluentui/react-components";
import { type DragEvent, useCallback, useEffect, useRef, useState } from "react";
import { decideSheetWrites } from "../../core/plan";
import type { CollectLine } from "../loop";
import { HostError, type SaveOutcome, hostNoteMessage, hostProblemZh } from "../../host";
import type { Language, Translate } from "../i18n";
import { useHost } from "../host";
import { BusyBar, FeedbackBars, type Feedback, useConfirm, useOperation } from "./common";
import { ReturnFeedback } from "./ReturnFeedback";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: "6px", marginTop: "4px" },
  drop: {
    border: `1px dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: "12px",
    display: "flex",
    flexDirection: "column",
    alignItems: "center",
    gap: "6px",
  },
  dropActive: {
    backgroundColor: tokens.colorBrandBackground2,
    border: `1px dashed ${tokens.colorBrandStroke1}`,
  },
  hidden: { display: "none" },
  entries: { display: "flex", flexDirection: "column", gap: "6px" },
  entry: {
    display: "flex",
    flexDirection: "column",
    paddingLeft: "8px",
    borderLeft: `3px solid ${tokens.colorNeutralStroke2}`,
  },
  wrap: { overflowWrap: "anywhere" },
  lost: { color: tokens.colorPaletteRedForeground1 },
});

export function CollectView({ t, language }: { t: Translate; language: Language }) {
  const styles = useStyles();
  const host = useHost();
  const { busy, setBusy, feedback, perform, readingProgress } = useOperation(t, language);
  const [dialog, ask] = useConfirm();
  const [entries, setEntries] = useState<readonly CollectLine[] | null>(null);
  const [dragging, setDragging] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  const refuseForeign = (sheet: string): never => {
    const problem = { code: "sheet-not-owned", sheet } as const;
    throw new HostError(problem, hostProblemZh(problem));
  };

  const collect = useCallback(
    (files: readonly File[]) =>
      perform(t("collectComputing"), async (): Promise<Feedback[]> => {
        if (files.length === 0) return [{ intent: "info", text: t("collectNoFiles") }];
        setEntries(null);
        const [engine, loop] = await Promise.all([
          import(/* webpackChunkName: "engine" */ "../engine"),
          import(/* webpackChunkName: "loop" */ "../loop"),
        ]);
        const returns = [];
        for (const [i, file] of files.entries()) {
          setBusy({
            label: t("collectReading", { file: file.name, done: i + 1, total: files.length }),
            value: i / files.length,
          });
          returns.push(await loop.readReturnedFile(file.name, new Uint8Array(await file.arrayBuffer())));
        }
        setBusy({ label: t("collectReadingWorkbook") });
        const open = await host.readWorkbook({ include: loop.isCollectSheet });
        setBusy({ label: t("collectComputing") });
        const { result, sheets } = loop.planCollect(open, returns, engine.localToday());
        const names = sheets.map((s) => s.plan.name);
        // 合并台账 and 收集情况 are rewritten whole (core's COLLECT_REWRITTEN): nobody needs asking.
        const decision = decideSheetWrites(names, await host.inspectSheets(names), loop.COLLECT_REWRITTEN);
        if (decision.action === "refuse") refuseForeign(decision.sheet);
        const notes = await host.writeSheets(sheets, {
          replace: new Set(decision.action === "write" ? decision.replace : []),
          activate: names[0]!,
          onSheet: (sheet) => setBusy({ label: t("writingSheet", { sheet }) }),
        });
        setEntries(loop.collectLines(result.added, language));
        const f = result.figures;
        return [
          {
            intent: "success",
            text: t("collected", {
              files: files.length,
              rowsOut: f.rowsOut,
              rowsBefore: f.rowsBefore,
              rowsIn: f.rowsIn,
              rowsReported: f.rowsReported,
            }),
          },
          ...notes.map((note): Feedback => ({ intent: "warning", text: hostNoteMessage(note, language) })),
        ];
      }),
    [perform, t, language, setBusy, host],
  );

  const insertTemplate = useCallback(
    () =>
      perform(t("templateInserting"), async (): Promise<Feedback[]> => {
        const loop = await import(/* webpackChunkName: "loop" */ "../loop");
        const list = await host.listSheets();
        const foreign = new Set(list.filter((s) => s.status === "foreign").map((s) => s.name));
        const open = await host.readWorkbook({ include: loop.isCollectSheet });
        const sheets = loop.planTemplateInsert(open, foreign);
        const names = sheets.map((s) => s.plan.name);
        const decision = decideSheetWrites(names, await host.inspectSheets(names), loop.TEMPLATE_REWRITTEN);
        if (decision.action === "refuse") refuseForeign(decision.sheet);
        const ledger = names[names.length - 1]!;
        const confirm = decision.action === "write" ? decision.confirm : [];
        if (confirm.length > 0) {
          const ok = await ask({
            title: t("templateConfirmTitle"),
            text: t("templateConfirmText", { sheet: confirm.join("、") }),
            confirm: t("confirmReplace"),
            cancel: t("cancel"),
          });
          if (!ok) return [{ intent: "info", text: t("cancelled") }];
        }
        const notes = await host.writeSheets(sheets, {
          replace: new Set(decision.action === "write" ? decision.replace : []),
          activate: ledger,
        });
        return [
          { intent: "success", text: t("templateInserted", { sheet: ledger }) },
          ...notes.map((note): Feedback => ({ intent: "warning", text: hostNoteMessage(note, language) })),
        ];
      }),
    [perform, t, language, host, ask],
  );

  const exportNotice = useCallback(
    () =>
      perform(t("exportPreparing"), async (): Promise<Feedback[]> => {
        const [engine, loop] = await Promise.all([
          import(/* webpackChunkName: "engine" */ "../engine"),
          import(/* webpackChunkName: "loop" */ "../loop"),
        ]);
        const open = await host.readWorkbook({
          onProgress: readingProgress,
        });
        const day = engine.localToday();
        // The latest 综合通报 written, else the next one (core chooses, as for the notice form).
        const { period, asOf } = engine.exportedNotice(open, day);
        // The workbook goes out by email: links into its ledgers would point nowhere, so cells are text.
        const prepared = engine.prepareNotice(open, { today: day, asOf, period, language, links: false });
        if (!prepared.ok) {
          // The same refusals as 生成通报: setup errors, or nothing to report on.
          const text =
            prepared.reason === "setup"
              ? t("setupRefused")
              : prepared.reason === "no-ledger"
                ? t("noticeNoLedger")
                : t("noticeNoRows");
          return [{ intent: "error", title: t("setupRefusedTitle"), text }];
        }
        setBusy({ label: t("exportPreparing") });
        const file = {
          name: `${prepared.summary.noticeSheet}.xlsx`,
          bytes: await loop.renderWorkbookInBrowser(prepared.sheets.map((s) => s.plan)),
        };
        const opened = await host.openWorkbook(file);
        if (opened.opened) return [{ intent: "success", text: t("exportOpened", { period }) }];
        return [exportSaved(await host.saveFile(file), file.name, period)];
      }),
    [perform, t, language, setBusy, readingProgress, host],
  );

  const exportSaved = (outcome: SaveOutcome, file: string, period: number): Feedback => {
    switch (outcome.via) {
      case "download":
        return { intent: "success", text: t("exportDownloaded", { file }) };
      case "dialog":
        return { intent: "success", text: t("exportSavedTo", { period, path: outcome.path }) };
      case "cancelled":
        return { intent: "info", text: t("exportCancelled") };
    }
  };

  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    void collect([...event.dataTransfer.files]);
  };

  return (
    <>
      {dialog}
      <div className={styles.section}>
        <Subtitle2>{t("collectTitle")}</Subtitle2>
        <Caption1>{t("collectHint")}</Caption1>
        <div
          className={dragging ? `${styles.drop} ${styles.dropActive}` : styles.drop}
          data-testid="collect-drop"
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
        >
          <Text>{t("collectDrop")}</Text>
          <Button appearance="primary" disabled={busy !== null} onClick={() => input.current?.click()}>
            {t("collectPick")}
          </Button>
          <input
            ref={input}
            className={styles.hidden}
            type="file"
            multiple
            accept=".xlsx,.xlsm,.xls,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.ms-excel"
            data-testid="collect-input"
            onChange={(e) => {
              const files = [...(e.target.files ?? [])];
              e.target.value = "";
              void collect(files);
            }}
          />
        </div>
      </div>
      <BusyBar busy={busy} />
      <FeedbackBars feedback={feedback} />
      {entries && (
        <div className={styles.section}>
          <Subtitle2>{t("collectTable")}</Subtitle2>
          {/* One entry per file, stacked: a six-column table does not fit a 350 px pane. */}
          <div className={styles.entries} data-testid="collect-table">
            {entries.map((e, i) => (
              <div
                key={i}
                className={styles.entry}
                data-outcome={e.kind}
                data-file={e.file}
                data-unit={e.unit ?? ""}
                data-rows={e.rows}
              >
                <Text weight="semibold" className={styles.wrap}>
                  {e.file} · {e.unit ?? t("unitUnknown")}
                </Text>
                <Caption1>
                  {t("collectLine", { rows: e.rows, errors: e.errors, warnings: e.warnings })}
                </Caption1>
                <Caption1 className={e.kind === "merged" ? undefined : styles.lost} data-field="result">
                  {e.text}
                </Caption1>
              </div>
            ))}
          </div>
          {/* 生成退回件 for what was just collected (#14). */}
          <ReturnFeedback t={t} language={language} />
        </div>
      )}
      <Divider />
      <div className={styles.section}>
        <Subtitle2>{t("templateTitle")}</Subtitle2>
        <Caption1>{t("templateHint")}</Caption1>
        <div>
          <Button
            disabled={busy !== null}
            onClick={() => void insertTemplate()}
            data-testid="template-insert"
          >
            {t("templateInsert")}
          </Button>
        </div>
      </div>
      <Divider />
      <div className={styles.section}>
        <Subtitle2>{t("exportTitle")}</Subtitle2>
        <Caption1>{t("exportHint")}</Caption1>
        <div>
          <Button disabled={busy !== null} onClick={() => void exportNotice()} data-testid="export-notice">
            {t("exportButton")}
          </Button>
        </div>
      </div>
    </>
  );
}

/**
 * The first screen's two lines on the loop, and 收集 offered when the workbook holds no ledger yet
 * (checked once, in the background, through the host port).
 */
export function LoopIntro({
  t,
  onCollect,
  offer,
}: {
  t: Translate;
  onCollect: () => void;
  /** False once the user has opened 收集/导出 (the offer is only a way there). */
  offer: boolean;
}) {
  const host = useHost();
  const [empty, setEmpty] = useState(false);
  const checked = useRef(false);
  useEffect(() => {
    if (checked.current) return;
    checked.current = true;
    void (async () => {
      try {
        const [sheets, loop] = await Promise.all([
          host.listSheets(),
          import(/* webpackChunkName: "loop" */ "../loop"),
        ]);
        // A 合并台账 (named as core matches names): the loop has begun, nothing to offer.
        if (sheets.some((s) => loop.isMergedSheet(s.name))) return;
        const mine = new Set(sheets.filter((s) => s.status !== "foreign").map((s) => s.name));
        const open = await host.readWorkbook({ include: (name) => !mine.has(name) });
        setEmpty(!loop.hasLedger(open));
      } catch {
        // The offer is a convenience: a host that cannot answer simply shows no button.
      }
    })();
  }, [host]);
  return (
    <div
      data-testid="loop-intro"
      style={{ display: "flex", flexDirection: "column", gap: "2px", padding: "0 12px" }}
    >
      <Caption1>{t("loopIntro1")}</Caption1>
      <Caption1>{t("loopIntro2")}</Caption1>
      {empty && offer && (
        <div style={{ display: "flex", gap: "8px", alignItems: "center", marginTop: "4px" }}>
          <Text size={200}>{t("loopNoLedger")}</Text>
          <Button size="small" appearance="primary" onClick={onCollect} data-testid="loop-go-collect">
            {t("loopGoCollect")}
          </Button>
        </div>
      )}
    </div>
  );
}
