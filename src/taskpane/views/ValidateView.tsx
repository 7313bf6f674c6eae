import {
  Badge,
  Button,
  Caption1,
  Divider,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Spinner,
  Subtitle2,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useCallback, useEffect, useRef, useState } from "react";
import type { ReadNote } from "../../adapters/office";
import type { PaneIssue, PaneValidation } from "../engine";
import type { Language, Translate } from "../i18n";
import { clearCellHighlights, goToCell, highlightCells, readOpenWorkbook } from "../workbook";

/** Issues listed at most; the rest are counted (a pane with 10,000 buttons helps nobody). */
const MAX_LISTED = 500;

const useStyles = makeStyles({
  actions: { display: "flex", flexWrap: "wrap", gap: "8px" },
  sheet: { display: "flex", flexDirection: "column", gap: "2px", marginTop: "8px" },
  sheetHead: { display: "flex", alignItems: "center", gap: "6px" },
  issue: {
    justifyContent: "flex-start",
    textAlign: "left",
    fontWeight: tokens.fontWeightRegular,
    minWidth: 0,
    height: "auto",
    paddingTop: "4px",
    paddingBottom: "4px",
  },
  cell: { fontFamily: tokens.fontFamilyMonospace, marginRight: "6px", color: tokens.colorBrandForeground1 },
  busy: { display: "flex", flexDirection: "column", gap: "4px" },
});

type Feedback = { intent: "error" | "success" | "info" | "warning"; title?: string; text: string };
type Busy = { label: string; value?: number };

export function ValidateView({
  t,
  language,
  runToken,
}: {
  t: Translate;
  language: Language;
  runToken: number;
}) {
  const styles = useStyles();
  const [busy, setBusy] = useState<Busy | null>(null);
  const [result, setResult] = useState<PaneValidation | null>(null);
  const [notes, setNotes] = useState<readonly ReadNote[]>([]);
  const [feedback, setFeedback] = useState<Feedback[]>([]);
  const busyRef = useRef(false);

  /** Runs one operation: one at a time, progress shown, every failure reported as a MessageBar. */
  const perform = useCallback(
    async (label: string, work: () => Promise<Feedback[] | void>) => {
      if (busyRef.current) return;
      busyRef.current = true;
      setBusy({ label });
      setFeedback([]);
      try {
        setFeedback((await work()) ?? []);
      } catch (error) {
        setFeedback([
          {
            intent: "error",
            title: t("failed"),
            text: error instanceof Error ? error.message : String(error),
          },
        ]);
      } finally {
        busyRef.current = false;
        setBusy(null);
      }
    },
    [t],
  );

  const validate = useCallback(
    () =>
      perform(t("validating"), async () => {
        setResult(null);
        const [engine, workbook] = await Promise.all([
          import(/* webpackChunkName: "engine" */ "../engine"),
          readOpenWorkbook((p) =>
            setBusy({
              label: t("validatingRows", { sheet: p.sheet, done: p.rowsRead, total: p.totalRows }),
              value: p.totalRows ? p.rowsRead / p.totalRows : 0,
            }),
          ),
        ]);
        setBusy({ label: t("checking") });
        const validation = engine.validateForPane(workbook, { today: engine.todayIso(), language });
        setNotes(workbook.notes.filter((n) => n.code !== "date-system-assumed"));
        setResult(validation);
      }),
    [perform, t, language],
  );

  useEffect(() => {
    if (runToken > 0) void validate();
  }, [runToken, validate]);

  const highlight = () =>
    perform(t("highlighting"), async () => {
      if (!result) return;
      const targets = result.issues
        .filter((i) => i.cell)
        .map((i) => ({ sheet: i.sheet, cell: i.cell, severity: i.severity }));
      const done = await highlightCells(targets);
      const out: Feedback[] = [{ intent: "success", text: t("highlighted", { n: done.highlighted }) }];
      if (done.missingSheets.length)
        out.push({ intent: "warning", text: t("missingSheets", { names: done.missingSheets.join("、") }) });
      return out;
    });

  const clear = () =>
    perform(t("clearing"), async () => {
      const done = await clearCellHighlights();
      const out: Feedback[] = [
        {
          intent: done.restored ? "success" : "info",
          text: done.restored ? t("cleared", { n: done.restored }) : t("nothingToClear"),
        },
      ];
      if (done.missingSheets.length)
        out.push({ intent: "warning", text: t("missingSheets", { names: done.missingSheets.join("、") }) });
      return out;
    });

  const select = (issue: PaneIssue) => {
    if (!issue.cell) return;
    // Selecting is quick and must not block the list; only a failure is reported.
    goToCell(issue.sheet, issue.cell).catch((error: unknown) =>
      setFeedback([
        { intent: "error", title: t("failed"), text: error instanceof Error ? error.message : String(error) },
      ]),
    );
  };

  const hasCells = !!result?.issues.some((i) => i.cell);

  return (
    <>
      <div className={styles.actions}>
        <Button appearance="primary" onClick={() => void validate()} disabled={!!busy}>
          {t("validate")}
        </Button>
        <Button onClick={() => void highlight()} disabled={!!busy || !hasCells}>
          {t("highlight")}
        </Button>
        <Button onClick={() => void clear()} disabled={!!busy}>
          {t("clearHighlights")}
        </Button>
      </div>
      {busy && (
        <div className={styles.busy} role="status" aria-live="polite">
          {busy.value === undefined ? (
            <Spinner size="tiny" label={busy.label} labelPosition="after" />
          ) : (
            <Caption1>{busy.label}</Caption1>
          )}
          {busy.value !== undefined && <ProgressBar value={busy.value} />}
        </div>
      )}
      {feedback.map((f, i) => (
        <MessageBar key={i} intent={f.intent} layout="multiline">
          <MessageBarBody>
            {f.title && <MessageBarTitle>{f.title}</MessageBarTitle>}
            {f.text}
          </MessageBarBody>
        </MessageBar>
      ))}
      {notes.map((n, i) => (
        <MessageBar key={`n${i}`} intent="warning" layout="multiline">
          <MessageBarBody>{n.message}</MessageBarBody>
        </MessageBar>
      ))}
      {result && <Result t={t} result={result} onSelect={select} styles={styles} />}
    </>
  );
}

function Result({
  t,
  result,
  onSelect,
  styles,
}: {
  t: Translate;
  result: PaneValidation;
  onSelect: (issue: PaneIssue) => void;
  styles: ReturnType<typeof useStyles>;
}) {
  const errors = result.issues.filter((i) => i.severity === "error").length;
  const warnings = result.issues.length - errors;
  const rows = result.sheets.reduce((n, s) => n + s.rows, 0);
  // Group by sheet (in the order issues arrive, which is the workbook's), then errors before warnings.
  const groups = new Map<string, PaneIssue[]>();
  for (const issue of result.issues) {
    const list = groups.get(issue.sheet) ?? [];
    list.push(issue);
    groups.set(issue.sheet, list);
  }
  let listed = 0;
  return (
    <section aria-label={t("summaryTitle")} data-testid="validation-result">
      <Divider />
      <Subtitle2 as="h2">{t("summaryTitle")}</Subtitle2>
      <Text as="p" data-testid="validation-summary">
        {t("summary", { sheets: result.sheets.length, rows, errors, warnings })}
      </Text>
      {result.sheets.length === 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{t("noLedger")}</MessageBarBody>
        </MessageBar>
      )}
      {result.issues.length === 0 && result.sheets.length > 0 && (
        <MessageBar intent="success">
          <MessageBarBody>{t("noIssues")}</MessageBarBody>
        </MessageBar>
      )}
      {[...groups].map(([sheet, issues]) => {
        const summary = result.sheets.find((s) => s.sheet === sheet);
        return (
          <div key={sheet} className={styles.sheet} data-sheet={sheet}>
            <div className={styles.sheetHead}>
              <Subtitle2 as="h3">{sheet}</Subtitle2>
              {summary && (
                <Caption1>{t("sheetLine", { header: summary.headerRow, rows: summary.rows })}</Caption1>
              )}
            </div>
            {(["error", "warning"] as const).map((severity) => {
              const list = issues.filter((i) => i.severity === severity);
              if (!list.length) return null;
              return (
                <div key={severity}>
                  <Badge appearance="tint" color={severity === "error" ? "danger" : "warning"}>
                    {t(severity === "error" ? "errorCount" : "warningCount", { n: list.length })}
                  </Badge>
                  {list.map((issue, i) => {
                    if (listed >= MAX_LISTED) return null;
                    listed++;
                    return (
                      <Button
                        key={`${issue.cell ?? "-"}-${issue.code}-${i}`}
                        appearance="subtle"
                        className={styles.issue}
                        onClick={() => onSelect(issue)}
                        disabled={!issue.cell}
                        title={issue.cell ? t("goToCell", { cell: issue.cell }) : undefined}
                        data-issue-code={issue.code}
                        data-cell={issue.cell ?? ""}
                      >
                        {issue.cell && <span className={styles.cell}>{issue.cell}</span>}
                        {issue.message}
                      </Button>
                    );
                  })}
                </div>
              );
            })}
          </div>
        );
      })}
      {result.issues.length > MAX_LISTED && (
        <Caption1>{t("moreIssues", { n: result.issues.length - MAX_LISTED })}</Caption1>
      )}
    </section>
  );
}
