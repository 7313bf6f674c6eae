/**
 * 生成退回件 (issue #14): after 校验 or 收集, one annotated workbook per unit — its rows, the
 * problem cells filled and commented, `退回修改说明` first — each handed to the user through the
 * host port (`saveFile`: WPS's save dialog, else the browser's download). The open workbook is only
 * read, so the marks 校验 may have made in it stay as they are (and 清除标注 still removes them).
 */
import { Button, Caption1, Subtitle2, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import type { SaveOutcome } from "../../host";
import type { ReturnWorkbook } from "../return-feedback";
import type { Language, Translate } from "../i18n";
import { useHost } from "../host";
import { BusyBar, type Feedback, FeedbackBars, describeError, useOperation } from "./common";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: "6px", marginTop: "8px" },
  actions: { display: "flex", flexWrap: "wrap", gap: "8px" },
  file: { display: "flex", alignItems: "center", gap: "6px", flexWrap: "wrap" },
  name: { fontWeight: tokens.fontWeightSemibold, overflowWrap: "anywhere" },
  status: { color: tokens.colorNeutralForeground3 },
});

export function ReturnFeedback({ t, language }: { t: Translate; language: Language }) {
  const styles = useStyles();
  const host = useHost();
  const { busy, setBusy, feedback, setFeedback, perform, readingProgress } = useOperation(t, language);
  const [made, setMade] = useState<readonly ReturnWorkbook[] | null>(null);
  const [status, setStatus] = useState<ReadonlyMap<string, string>>(new Map());

  const generate = () =>
    perform(t("returnGenerating"), async (): Promise<Feedback[]> => {
      setMade(null);
      setStatus(new Map());
      const [engine, returns] = await Promise.all([
        import(/* webpackChunkName: "engine" */ "../engine"),
        import(/* webpackChunkName: "return-feedback" */ "../return-feedback"),
      ]);
      // Read now rather than reuse 校验's grid: 收集 or the user may have changed the workbook since.
      const workbook = await host.readWorkbook({
        onProgress: readingProgress,
      });
      setBusy({ label: t("returnGenerating") });
      const list = returns.buildReturnWorkbooks(workbook, engine.localToday());
      setMade(list);
      if (list.length === 0) return [{ intent: "info", text: t("returnNone") }];
      const marked = list.reduce((n, w) => n + w.marked, 0);
      return [{ intent: "success", text: t("returnMade", { n: list.length, marked }) }];
    });

  const describe = (file: string, outcome: SaveOutcome): string => {
    switch (outcome.via) {
      case "dialog":
        return t("returnSavedTo", { path: outcome.path });
      case "download":
        return t("returnDownloaded", { file });
      case "cancelled":
        return t("returnCancelled", { file });
    }
  };

  // Saving runs from the click itself (a browser allows a download only then), one file at a time.
  const save = async (files: readonly ReturnWorkbook[]) => {
    for (const w of files) {
      try {
        const outcome = await host.saveFile({ name: w.fileName, bytes: w.bytes });
        setStatus((prev) => new Map(prev).set(w.fileName, describe(w.fileName, outcome)));
        if (outcome.via === "cancelled") break;
      } catch (error) {
        setFeedback([{ intent: "error", title: t("failed"), text: describeError(error, language) }]);
        break;
      }
    }
  };

  return (
    <section className={styles.section} aria-label={t("returnTitle")} data-testid="return-feedback">
      <Subtitle2 as="h2">{t("returnTitle")}</Subtitle2>
      <Caption1>{t("returnHint")}</Caption1>
      <div className={styles.actions}>
        <Button onClick={() => void generate()} disabled={!!busy} data-testid="return-generate">
          {t("returnGenerate")}
        </Button>
        {made && made.length > 1 && (
          <Button onClick={() => void save(made)} disabled={!!busy} data-testid="return-save-all">
            {t("returnSaveAll")}
          </Button>
        )}
      </div>
      <BusyBar busy={busy} />
      <FeedbackBars feedback={feedback} />
      {made && made.length > 0 && (
        <div className={styles.section} data-testid="return-files">
          {made.map((w) => (
            <div key={w.fileName} className={styles.file} data-file={w.fileName}>
              <Button size="small" onClick={() => void save([w])} disabled={!!busy}>
                {t("returnSave")}
              </Button>
              <Text className={styles.name}>{w.fileName}</Text>
              <Caption1>{t("returnCounts", { errors: w.errors, warnings: w.warnings })}</Caption1>
              {status.has(w.fileName) && (
                <Caption1 className={styles.status} data-testid="return-status">
                  {status.get(w.fileName)}
                </Caption1>
              )}
            </div>
          ))}
        </div>
      )}
    </section>
  );
}
