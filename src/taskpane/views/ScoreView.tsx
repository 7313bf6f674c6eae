import {
  Badge,
  Button,
  Caption1,
  Divider,
  Field,
  Input,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
} from "@fluentui/react-components";
import { useCallback, useEffect, useRef, useState } from "react";
import { decideSheetWrites } from "../../core/plan";
import { HostError, hostNoteMessage, hostProblemZh } from "../../host";
import type { Issue } from "../../core/issue";
import type { ScorePane } from "../score-engine";
import type { Language, Translate } from "../i18n";
import { useHost } from "../host";
import {
  BusyBar,
  CellLink,
  FeedbackBars,
  type Feedback,
  describeError,
  useConfirm,
  useOperation,
} from "./common";

const useStyles = makeStyles({
  actions: { display: "flex", flexWrap: "wrap", gap: "8px", alignItems: "center" },
  section: { display: "flex", flexDirection: "column", gap: "4px", marginTop: "8px" },
  weights: {
    display: "grid",
    gridTemplateColumns: "1fr auto 80px",
    columnGap: "8px",
    rowGap: "4px",
    alignItems: "center",
  },
  rules: { display: "grid", gridTemplateColumns: "auto 1fr", columnGap: "8px", rowGap: "2px" },
  number: { textAlign: "right" },
});

const loadEngine = () => import(/* webpackChunkName: "score-engine" */ "../score-engine");
type ScoreEngine = Awaited<ReturnType<typeof loadEngine>>;

/**
 * 考核评分 (SPEC §8, §11): the evaluation sheets found and their weights (editable, saved to 设置),
 * the grade rules, the issues with click-to-cell, 生成考核汇总 with the notice's ownership rules, and
 * the ranked result per group.
 */
export function ScoreView({ t, language, runToken }: { t: Translate; language: Language; runToken: number }) {
  const styles = useStyles();
  const host = useHost();
  const { busy, setBusy, feedback, setFeedback, perform, readingProgress } = useOperation(t, language);
  const [dialog, ask] = useConfirm();
  const [pane, setPane] = useState<ScorePane | null>(null);
  const [engine, setEngine] = useState<ScoreEngine | null>(null);
  const [weights, setWeights] = useState<Record<string, string>>({});
  const [weightsError, setWeightsError] = useState<string | null>(null);
  const [written, setWritten] = useState(false);

  /** Reads the workbook with progress and scores it. */
  const compute = useCallback(async () => {
    const engine = await loadEngine();
    const workbook = await host.readWorkbook({
      // Generated sheets are not read: they are never scored and can be large.
      include: engine.isScoreInput,
      onProgress: readingProgress,
    });
    setBusy({ label: t("scoreComputing") });
    const prepared = engine.prepareScore(workbook, { language });
    setEngine(engine);
    setPane(prepared);
    setWeights(
      Object.fromEntries(prepared.sheets.map((s) => [s.sheet, String(Math.round(s.weight * 1e4) / 1e4)])),
    );
    setWeightsError(null);
    return { engine, workbook, prepared };
  }, [host, language, setBusy, readingProgress, t]);

  const preview = useCallback(
    () =>
      perform(t("validating"), async (): Promise<Feedback[]> => {
        setWritten(false);
        const { prepared } = await compute();
        return prepared.sheets.length === 0 ? [{ intent: "warning", text: t("scoreNoSheets") }] : [];
      }),
    [perform, t, compute],
  );

  const generate = useCallback(
    () =>
      perform(t("validating"), async (): Promise<Feedback[]> => {
        setWritten(false);
        const { prepared } = await compute();
        if (prepared.sheets.length === 0) return [{ intent: "error", text: t("scoreNoSheets") }];
        if (prepared.plan === null)
          return [{ intent: "error", title: t("scoreRefusedTitle"), text: t("scoreRefused") }];
        // Nothing is written unless the target is absent or ours; ours is replaced after asking.
        setBusy({ label: t("checkingSheets") });
        const name = prepared.summarySheet;
        const decision = decideSheetWrites([name], await host.inspectSheets([name]));
        if (decision.action === "refuse") {
          const problem = { code: "sheet-not-owned", sheet: decision.sheet } as const;
          throw new HostError(problem, hostProblemZh(problem));
        }
        if (decision.confirm.length > 0) {
          const ok = await ask({
            title: t("scoreConfirmTitle"),
            text: t("scoreConfirmText", { sheet: name }),
            confirm: t("confirmReplace"),
            cancel: t("cancel"),
          });
          if (!ok) return [{ intent: "info", text: t("cancelled") }];
        }
        const notes = await host.writeSheets([{ plan: prepared.plan, kind: "summary" }], {
          activate: name,
          replace: new Set(decision.replace),
          onSheet: (sheet) => setBusy({ label: t("writingSheet", { sheet }) }),
        });
        setWritten(true);
        return [
          { intent: "success", text: t("scoreGenerated", { sheet: name }) },
          ...notes.map((note): Feedback => ({ intent: "warning", text: hostNoteMessage(note, language) })),
        ];
      }),
    [perform, t, compute, host, ask, setBusy, language],
  );

  const saveWeights = useCallback(
    () =>
      perform(t("saving"), async (): Promise<Feedback[]> => {
        if (!pane) return [];
        const engine = await loadEngine();
        const checked = engine.checkWeights(
          pane.sheets.map((s) => ({ sheet: s.sheet, text: weights[s.sheet] ?? "" })),
        );
        if (!checked.ok) {
          const text =
            checked.sheet !== null
              ? t("weightInvalid", { sheet: checked.sheet })
              : t("weightsSumInvalid", { sum: Math.round(checked.sum * 1e4) / 1e4 });
          setWeightsError(text);
          return [];
        }
        setWeightsError(null);
        const workbook = await host.readWorkbook({ include: engine.isSettingsSheet });
        const plan = engine.planWeightsSave(workbook, checked.weights);
        if (plan === null) return [{ intent: "error", text: t("weightsNoRoom") }];
        await host.writeCells(plan.sheet, plan.cells, { create: plan.create });
        await compute();
        return [{ intent: "success", text: t("weightsSaved") }];
      }),
    [perform, t, pane, weights, host, compute],
  );

  // First visit: a ribbon request (考核评分) scores and writes at once; otherwise a preview. Each
  // request (token) runs once.
  const handled = useRef<number | null>(null);
  useEffect(() => {
    if (handled.current === runToken) return;
    const first = handled.current === null;
    handled.current = runToken;
    if (runToken > 0) void generate();
    else if (first) void preview();
  }, [runToken, generate, preview]);

  const select = (issue: Issue) => {
    if (!issue.cell) return;
    host
      .selectCell(issue.sheet, issue.cell)
      .catch((error: unknown) =>
        setFeedback([{ intent: "error", title: t("failed"), text: describeError(error, language) }]),
      );
  };

  // The typed weights as core reads them (a trailing %, full-width digits), so the sum shown is the one checked.
  const sum =
    pane && engine
      ? pane.sheets.reduce((a, s) => a + (engine.parseTypedWeight(weights[s.sheet] ?? "") ?? NaN), 0)
      : 0;

  return (
    <>
      {dialog}
      <div className={styles.actions}>
        <Button
          appearance="primary"
          onClick={() => void generate()}
          disabled={!!busy}
          data-testid="score-generate"
        >
          {t("scoreGenerate")}
        </Button>
        <Button onClick={() => void preview()} disabled={!!busy}>
          {t("scoreRecompute")}
        </Button>
      </div>
      <BusyBar busy={busy} />
      <FeedbackBars feedback={feedback} />
      {pane && pane.sheets.length > 0 && (
        <section className={styles.section} aria-label={t("weightsTitle")} data-testid="score-sheets">
          <Subtitle2 as="h2">{t("weightsTitle")}</Subtitle2>
          <Caption1>{pane.weightsListed ? t("weightsFromSettings") : t("weightsEqual")}</Caption1>
          <div className={styles.weights}>
            {pane.sheets.map((s) => (
              <div key={s.sheet} style={{ display: "contents" }} data-sheet={s.sheet}>
                <Text>{s.sheet}</Text>
                <Caption1>{t("sheetMax", { n: s.indicators, max: s.maxTotal })}</Caption1>
                <Input
                  size="small"
                  aria-label={t("weightOf", { sheet: s.sheet })}
                  value={weights[s.sheet] ?? ""}
                  onChange={(_e, data) => setWeights((w) => ({ ...w, [s.sheet]: data.value }))}
                  contentAfter="%"
                  data-testid={`weight-${s.sheet}`}
                />
              </div>
            ))}
          </div>
          <Field validationState={weightsError ? "error" : "none"} validationMessage={weightsError}>
            <div className={styles.actions}>
              <Caption1 data-testid="weights-sum">
                {t("weightsSum", { sum: Math.round(sum * 1e4) / 1e4 })}
              </Caption1>
              <Button
                size="small"
                onClick={() => void saveWeights()}
                disabled={!!busy}
                data-testid="weights-save"
              >
                {t("weightsSave")}
              </Button>
            </div>
          </Field>
          <Subtitle2 as="h2">{t("gradeRules")}</Subtitle2>
          <div className={styles.rules} data-testid="score-rules">
            <Caption1>{t("gradeLines")}</Caption1>
            <Text>{pane.rules.lines}</Text>
            <Caption1>{t("goodQuota")}</Caption1>
            <Text>{pane.rules.quota ?? t("goodQuotaNone")}</Text>
            <Caption1>{t("bonusCap")}</Caption1>
            <Text>{pane.rules.bonusCap}</Text>
            <Caption1>{t("vetoGrade")}</Caption1>
            <Text>{pane.rules.vetoGrade}</Text>
          </div>
        </section>
      )}
      {pane && pane.issues.length > 0 && (
        <section className={styles.section} aria-label={t("scoreIssues")} data-testid="score-issues">
          <Subtitle2 as="h2">
            {t("scoreIssues")}{" "}
            <Badge appearance="tint" color="danger">
              {t("errorCount", { n: pane.errors })}
            </Badge>{" "}
            <Badge appearance="tint" color="warning">
              {t("warningCount", { n: pane.warnings })}
            </Badge>
          </Subtitle2>
          {pane.issues.map((issue, i) => (
            <CellLink
              key={`${issue.sheet}-${issue.cell ?? "-"}-${i}`}
              t={t}
              cell={issue.cell}
              code={issue.code}
              text={`${issue.sheet}：${issue.message}${issue.suggestion ? t("suggestion", { s: issue.suggestion }) : ""}`}
              onSelect={() => select(issue)}
            />
          ))}
        </section>
      )}
      {pane && pane.groups.length > 0 && pane.sheets.length > 0 && (
        <Ranked t={t} pane={pane} written={written} styles={styles} />
      )}
    </>
  );
}

function Ranked({
  t,
  pane,
  written,
  styles,
}: {
  t: Translate;
  pane: ScorePane;
  written: boolean;
  styles: ReturnType<typeof useStyles>;
}) {
  return (
    <section
      className={styles.section}
      aria-label={t("scoreResult")}
      data-testid="score-summary"
      data-written={written}
    >
      <Divider />
      <Subtitle2 as="h2">{t("scoreResult")}</Subtitle2>
      {pane.groups.map((g) => (
        <div key={g.group ?? "-"} data-group={g.group ?? ""}>
          <Caption1 as="h3">
            {g.group ?? t("allUnits")}
            {g.quota !== null ? ` · ${t("quotaLine", { quota: g.quota, good: g.good })}` : ""}
          </Caption1>
          <Table size="extra-small" aria-label={g.group ?? t("allUnits")}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t("colRank")}</TableHeaderCell>
                <TableHeaderCell>{t("colUnit")}</TableHeaderCell>
                <TableHeaderCell>{t("colComposite")}</TableHeaderCell>
                <TableHeaderCell>{t("colGrade")}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {g.units.map((u) => (
                <TableRow key={u.unit} data-unit={u.unit} data-rank={u.rank} data-grade={u.grade}>
                  <TableCell>
                    {u.rank}
                    {u.tied ? ` ${t("tied")}` : ""}
                  </TableCell>
                  <TableCell>
                    {u.unit}
                    {u.remark && (
                      <>
                        <br />
                        <Caption1>{u.remark}</Caption1>
                      </>
                    )}
                  </TableCell>
                  <TableCell className={styles.number}>{u.composite}</TableCell>
                  <TableCell>
                    {u.limited ? (
                      <Badge appearance="outline" color="warning">
                        {u.grade}
                      </Badge>
                    ) : (
                      u.grade
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      ))}
    </section>
  );
}
