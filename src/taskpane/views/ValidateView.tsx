import {
  Badge,
  Button,
  Caption1,
  Divider,
  MessageBar,
  MessageBarBody,
  Subtitle2,
  Text,
  makeStyles,
} from "@fluentui/react-components";
import { useCallback, useEffect, useRef, useState } from "react";
import { type HostNote, hostNoteMessage } from "../../host";
import { type Issue, countIssues } from "../../core/issue";
import type { PaneValidation } from "../engine";
import type { Language, Translate } from "../i18n";
import { useHost } from "../host";
import { ReturnFeedback } from "./ReturnFeedback";
import { BusyBar, CellLink, type Feedback, FeedbackBars, describeError, useOperation } from "./common";

/** Issues listed at most; the rest are counted (a pane with 10,000 buttons helps nobody). */
const MAX_LISTED = 500;

const useStyles = makeStyles({
  actions: { display: "flex", flexWrap: "wrap", gap: "8px" },
  sheet: { display: "flex", flexDirection: "column", gap: "2px", marginTop: "8px" },
  sheetHead: { display: "flex", flexWrap: "wrap", alignItems: "baseline", columnGap: "6px" },
  heading: { margin: "8px 0 4px" },
  // The badge on its own line above the issues it counts (not beside the first one).
  severity: { display: "flex", flexDirection: "column", alignItems: "flex-start", gap: "2px" },
});

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
  const host = useHost();
  const { busy, setBusy, feedback, setFeedback, perform, readingProgress } = useOperation(t, language);
  const [result, setResult] = useState<PaneValidation | null>(null);
  const [notes, setNotes] = useState<readonly HostNote[]>([]);

  const validate = useCallback(
    () =>
      perform(t("validating"), async () => {
        setResult(null);
        const [engine, workbook] = await Promise.all([
          import(/* webpackChunkName: "engine" */ "../engine"),
          host.readWorkbook({
            onProgress: readingProgress,
          }),
        ]);
        setBusy({ label: t("checking") });
        const validation = engine.validateForPane(workbook, { today: engine.localToday(), language });
        setNotes(workbook.notes.filter((n) => n.code !== "date-system-assumed"));
        setResult(validation);
      }),
    [perform, t, language, host, setBusy, readingProgress],
  );

  // A ribbon request runs once per token, however often `validate` changes identity.
  const handled = useRef(0);
  useEffect(() => {
    if (runToken > 0 && handled.current !== runToken) {
      handled.current = runToken;
      void validate();
    }
  }, [runToken, validate]);

  const highlight = () =>
    perform(t("highlighting"), async () => {
      if (!result) return;
      const targets = result.issues
        .filter((i) => i.cell)
        .map((i) => ({ sheet: i.sheet, cell: i.cell, severity: i.severity }));
      const done = await host.highlight(targets);
      const out: Feedback[] = [{ intent: "success", text: t("highlighted", { n: done.highlighted }) }];
      if (done.missingSheets.length)
        out.push({ intent: "warning", text: t("missingSheets", { names: done.missingSheets.join("、") }) });
      return out;
    });

  const clear = () =>
    perform(t("clearing"), async () => {
      const done = await host.clearHighlights();
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

  const select = (issue: Issue) => {
    if (!issue.cell) return;
    // Selecting is quick and must not block the list; only a failure is reported.
    host
      .selectCell(issue.sheet, issue.cell)
      .catch((error: unknown) =>
        setFeedback([{ intent: "error", title: t("failed"), text: describeError(error, language) }]),
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
      <BusyBar busy={busy} />
      <FeedbackBars feedback={feedback} />
      {notes.map((n, i) => (
        <MessageBar key={`n${i}`} intent="warning" layout="multiline">
          <MessageBarBody>{hostNoteMessage(n, language)}</MessageBarBody>
        </MessageBar>
      ))}
      {/* 生成退回件 once 校验 has found something to send back (#14); above the list, which can be long. */}
      {result && result.issues.length > 0 && <ReturnFeedback t={t} language={language} />}
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
  onSelect: (issue: Issue) => void;
  styles: ReturnType<typeof useStyles>;
}) {
  const { errors, warnings } = countIssues(result.issues);
  const rows = result.sheets.reduce((n, s) => n + s.rows, 0);
  // Group by sheet (in the order issues arrive, which is the workbook's), then errors before warnings.
  const groups = new Map<string, Issue[]>();
  for (const issue of result.issues) {
    const list = groups.get(issue.sheet) ?? [];
    list.push(issue);
    groups.set(issue.sheet, list);
  }
  let listed = 0;
  return (
    <section aria-label={t("summaryTitle")} data-testid="validation-result">
      <Divider />
      <Subtitle2 as="h2" block className={styles.heading}>
        {t("summaryTitle")}
      </Subtitle2>
      <Text as="p" block data-testid="validation-summary">
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
                <div key={severity} className={styles.severity}>
                  <Badge appearance="tint" color={severity === "error" ? "danger" : "warning"}>
                    {t(severity === "error" ? "errorCount" : "warningCount", { n: list.length })}
                  </Badge>
                  {list.map((issue, i) => {
                    if (listed >= MAX_LISTED) return null;
                    listed++;
                    return (
                      <CellLink
                        key={`${issue.cell ?? "-"}-${issue.code}-${i}`}
                        t={t}
                        cell={issue.cell}
                        code={issue.code}
                        text={issue.message}
                        onSelect={() => onSelect(issue)}
                      />
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
