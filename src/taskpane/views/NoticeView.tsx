import {
  Badge,
  Button,
  Caption1,
  Divider,
  Field,
  Input,
  Select,
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
import { type ReactNode, useCallback, useEffect, useRef, useState } from "react";
import { decideSheetWrites } from "../../core/plan";
import { HostError, hostNoteMessage, hostProblemZh } from "../../host";
import type { Issue } from "../../core/issue";
import type { NoticeDefaults, NoticeSummary, NoticeWord } from "../engine";
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
  form: { display: "flex", flexWrap: "wrap", gap: "8px", alignItems: "flex-end" },
  field: { minWidth: "0", flexGrow: 1, flexBasis: "140px" },
  // Fluent's Input has an intrinsic minimum width wider than half a 350 px pane.
  input: { minWidth: "0", width: "100%" },
  wide: { minWidth: "140px", flexGrow: 1, flexBasis: "100%" },
  section: { display: "flex", flexDirection: "column", gap: "4px", marginTop: "8px" },
  heading: { margin: "8px 0 4px" },
  lists: { display: "grid", gridTemplateColumns: "auto minmax(0, 1fr)", columnGap: "8px", rowGap: "4px" },
  listText: { overflowWrap: "anywhere" },
  rate: { textAlign: "right" },
  table: { tableLayout: "auto", width: "100%" },
  actions: { display: "flex", flexWrap: "wrap", gap: "8px", marginTop: "8px" },
});

/** The 类别 field's value for the 综合通报 (a 专项通报 has its category's name). */
const GENERAL = "";

/** How a run of 生成通报 started: the pane's button, or a ribbon click (one confirmation first). */
type Start = "button" | "ribbon";

export function NoticeView({
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
  const [dialog, ask] = useConfirm();
  const [asOf, setAsOf] = useState("");
  const [period, setPeriod] = useState("");
  const [category, setCategory] = useState(GENERAL);
  const [defaults, setDefaults] = useState<NoticeDefaults | null>(null);
  const [setupIssues, setSetupIssues] = useState<readonly Issue[]>([]);
  const [summary, setSummary] = useState<NoticeSummary | null>(null);
  const [word, setWord] = useState<NoticeWord | null>(null);
  // The latest typed values, for operations started before a re-render.
  const form = useRef({ asOf, period, category });
  form.current = { asOf, period, category };

  /** Fills the fields the user has not typed into with the defaults (设置, then history). */
  const applyDefaults = useCallback((d: NoticeDefaults, force = false) => {
    setDefaults(d);
    if (force || !form.current.asOf) setAsOf(d.asOf);
    if (force || !form.current.period) setPeriod(String(d.period));
  }, []);

  const categoriesOf = (value: string): string[] => (value === GENERAL ? [] : [value]);

  const loadDefaults = useCallback(
    (forcePeriod = false) =>
      perform(t("loadingDefaults"), async () => {
        const engine = await import(/* webpackChunkName: "engine" */ "../engine");
        const workbook = await host.readWorkbook({ include: engine.isNoticeSetupSheet });
        const d = engine.noticeDefaults(workbook, engine.localToday(), categoriesOf(form.current.category));
        applyDefaults(d);
        // Each kind of notice has its own periods: a new 类别 brings its own next period.
        if (forcePeriod) setPeriod(String(d.period));
      }),
    [perform, t, applyDefaults, host],
  );

  /**
   * Reads the workbook, plans the notice, and writes it once the user has agreed to whatever needs
   * agreeing to: replacing an earlier notice, listing most of the roster as 未报送 and, after a
   * ribbon click, the date and period themselves — all in one dialog.
   */
  const generateWork = useCallback(
    async (start: Start): Promise<Feedback[]> => {
      setSummary(null);
      setWord(null);
      setSetupIssues([]);
      const engine = await import(/* webpackChunkName: "engine" */ "../engine");
      // The typed values are checked by core, as the CLI checks --as-of and --period.
      const typedAsOf = form.current.asOf.trim();
      const typedPeriod = form.current.period.trim();
      const asOf = typedAsOf ? engine.parseAsOf(typedAsOf) : null;
      const period = typedPeriod ? engine.parsePeriod(typedPeriod) : null;
      if (typedAsOf && asOf === null) return [{ intent: "error", text: t("invalidAsOf") }];
      if (typedPeriod && period === null) return [{ intent: "error", text: t("invalidPeriod") }];
      const categories = categoriesOf(form.current.category);

      const workbook = await host.readWorkbook({
        onProgress: readingProgress,
      });
      const today = engine.localToday();
      const d = engine.noticeDefaults(workbook, today, categories);
      applyDefaults(d);
      setBusy({ label: t("computing") });
      const prepared = engine.prepareNotice(workbook, {
        today,
        asOf: asOf ?? d.asOf,
        period: period ?? d.period,
        language,
        categories,
      });
      if (!prepared.ok) {
        if (prepared.reason === "setup") {
          setSetupIssues(prepared.setupIssues);
          return [{ intent: "error", title: t("setupRefusedTitle"), text: t("setupRefused") }];
        }
        // Nothing to report on: say so, write nothing (an empty 通报 would look official).
        const text = prepared.reason === "no-ledger" ? t("noticeNoLedger") : t("noticeNoRows");
        return [{ intent: "error", title: t("setupRefusedTitle"), text }];
      }

      // Nothing is written unless every target is absent or ours (SPEC §12): core decides.
      setBusy({ label: t("checkingSheets") });
      const names = prepared.sheets.map((s) => s.plan.name);
      const decision = decideSheetWrites(names, await host.inspectSheets(names));
      if (decision.action === "refuse") {
        const problem = { code: "sheet-not-owned", sheet: decision.sheet } as const;
        throw new HostError(problem, hostProblemZh(problem));
      }
      const noticeSheet = prepared.summary.noticeSheet;
      const { coverage } = prepared;
      const lines: string[] = [];
      if (start === "ribbon")
        lines.push(
          t("ribbonText", {
            sheet: noticeSheet,
            period: prepared.summary.period,
            asOf: prepared.summary.asOf,
          }),
        );
      if (prepared.mostlyMissing) {
        const shown = coverage.notSubmitted.slice(0, 5).join("、");
        lines.push(
          t("fewUnitsText", {
            total: coverage.rosterUnits,
            present: coverage.present,
            missing: coverage.notSubmitted.length,
            names: coverage.notSubmitted.length > 5 ? t("namesMore", { names: shown }) : shown,
          }),
        );
      }
      const replacing = decision.confirm.length > 0;
      if (replacing) lines.push(t("confirmText", { sheet: decision.confirm.join("、") }));
      if (lines.length > 0) {
        const ok = await ask({
          title:
            start === "ribbon"
              ? t("ribbonTitle")
              : prepared.mostlyMissing
                ? t("fewUnitsTitle")
                : t("confirmTitle"),
          text: lines.join("\n"),
          // The button names the weightiest thing it does: replacing a notice, else going ahead.
          confirm:
            start === "ribbon" ? t("ribbonConfirm") : replacing ? t("confirmReplace") : t("fewUnitsConfirm"),
          cancel: t("cancel"),
        });
        if (!ok) return [{ intent: "info", text: t("cancelled") }];
      }
      const notes = await host.writeSheets(prepared.sheets, {
        activate: noticeSheet,
        replace: new Set(decision.replace),
        onSheet: (sheet) => setBusy({ label: t("writingSheet", { sheet }) }),
      });
      setSummary(prepared.summary);
      setWord(prepared.word);
      return [
        { intent: "success", text: t("generated", { sheet: noticeSheet }) },
        ...notes.map((note): Feedback => ({ intent: "warning", text: hostNoteMessage(note, language) })),
      ];
    },
    [t, language, setBusy, readingProgress, applyDefaults, ask, host],
  );

  const generate = useCallback(
    (start: Start) => perform(t("validating"), () => generateWork(start)),
    [perform, t, generateWork],
  );

  /** 导出Word: the notice just generated, as a .docx (the same document model as the sheets). */
  const exportWord = useCallback(
    () =>
      perform(t("exportingWord"), async (): Promise<Feedback[]> => {
        if (!word) return [];
        const engine = await import(/* webpackChunkName: "engine" */ "../engine");
        const bytes = await engine.renderNoticeWord(word);
        const saved = await host.saveFile({ name: word.fileName, bytes });
        if (saved.via === "cancelled") return [{ intent: "info", text: t("wordCancelled") }];
        return [
          {
            intent: "success",
            text:
              saved.via === "dialog"
                ? t("wordSaved", { path: saved.path })
                : t("wordDownloaded", { file: word.fileName }),
          },
        ];
      }),
    [perform, t, host, word],
  );

  // First visit: a ribbon request reads the workbook, fills the form and asks once before writing;
  // otherwise only the defaults are read. Each request (token) runs once, however often the
  // callbacks change identity.
  const handled = useRef<number | null>(null);
  useEffect(() => {
    if (handled.current === runToken) return;
    const first = handled.current === null;
    handled.current = runToken;
    if (runToken > 0) void generate("ribbon");
    else if (first) void loadDefaults();
  }, [runToken, generate, loadDefaults]);

  const select = (issue: Issue) => {
    if (!issue.cell) return;
    host
      .selectCell(issue.sheet, issue.cell)
      .catch((error: unknown) =>
        setFeedback([{ intent: "error", title: t("failed"), text: describeError(error, language) }]),
      );
  };

  const periodHint = !defaults
    ? null
    : defaults.periodSource === "settings"
      ? t("periodFromSettings")
      : defaults.periodSource === "history"
        ? t("periodFromHistory", { periods: defaults.periods.join("、") })
        : t("periodFirst");

  return (
    <>
      {dialog}
      <div className={styles.form}>
        <Field
          className={styles.field}
          label={t("asOf")}
          hint={defaults ? t(defaults.asOfFromSettings ? "asOfFromSettings" : "asOfFromToday") : null}
        >
          <Input
            className={styles.input}
            type="date"
            value={asOf}
            onChange={(_e, data) => setAsOf(data.value)}
            data-testid="notice-asof"
          />
        </Field>
        <Field className={styles.field} label={t("noticePeriod")} hint={periodHint}>
          <Input
            className={styles.input}
            type="number"
            min={1}
            step={1}
            value={period}
            onChange={(_e, data) => setPeriod(data.value)}
            data-testid="notice-period"
          />
        </Field>
        <Field className={styles.wide} label={t("noticeCategory")}>
          <Select
            value={category}
            data-testid="notice-category"
            onChange={(_e, data) => {
              setCategory(data.value);
              form.current = { ...form.current, category: data.value };
              void loadDefaults(true);
            }}
          >
            <option value={GENERAL}>{t("categoryGeneral")}</option>
            {(defaults?.categories ?? []).map((c) => (
              <option key={c} value={c}>
                {t("categorySpecial", { category: c })}
              </option>
            ))}
          </Select>
        </Field>
        <Button appearance="primary" onClick={() => void generate("button")} disabled={!!busy}>
          {t("generate")}
        </Button>
      </div>
      <BusyBar busy={busy} />
      <FeedbackBars feedback={feedback} />
      {setupIssues.length > 0 && (
        <div className={styles.section} data-testid="setup-issues">
          {setupIssues.map((issue, i) => (
            <CellLink
              key={`${issue.sheet}-${issue.cell ?? "-"}-${i}`}
              t={t}
              cell={issue.cell}
              code={issue.code}
              text={`${issue.sheet}：${issue.message}`}
              onSelect={() => select(issue)}
            />
          ))}
        </div>
      )}
      {summary && (
        <Summary t={t} summary={summary} styles={styles}>
          {word && (
            <div className={styles.actions}>
              <Button onClick={() => void exportWord()} disabled={!!busy} data-testid="export-word">
                {t("exportWord")}
              </Button>
            </div>
          )}
        </Summary>
      )}
    </>
  );
}

function Summary({
  t,
  summary,
  styles,
  children,
}: {
  t: Translate;
  summary: NoticeSummary;
  styles: ReturnType<typeof useStyles>;
  children?: ReactNode;
}) {
  const names = (list: readonly string[], empty = t("none")) => (list.length ? list.join("、") : empty);
  const ranked = summary.groups.filter((g) => g.units.length > 0);
  const notCompared = summary.firstNotice
    ? t("firstNotice")
    : summary.previousMissing
      ? t("previousMissing")
      : null;
  return (
    <section aria-label={summary.noticeSheet} data-testid="notice-summary">
      <Divider />
      <Subtitle2 as="h2" block className={styles.heading}>
        {summary.noticeSheet}
      </Subtitle2>
      <Text as="p" data-testid="notice-totals">
        {t("noticeTotals", {
          period: summary.period,
          asOf: summary.asOf,
          assigned: summary.totals.assigned,
          completed: summary.totals.completed,
          rate: summary.totals.rate,
          overdue: summary.totals.overdue,
        })}
      </Text>
      <div className={styles.lists} data-testid="notice-lists">
        <Badge appearance="tint" color="danger">
          {t("redList")}
        </Badge>
        <Text data-testid="red-list" className={styles.listText}>
          {names(summary.redList)}
        </Text>
        <Badge appearance="filled" color="informative">
          {t("blackList")}
        </Badge>
        <Text data-testid="black-list" className={styles.listText}>
          {names(summary.blackList)}
        </Text>
        <Caption1>{t("stationed")}</Caption1>
        <Text className={styles.listText}>{notCompared ?? names(summary.stationed)}</Text>
        <Caption1>{t("stalled")}</Caption1>
        <Text className={styles.listText}>{notCompared ?? names(summary.stalled)}</Text>
        <Caption1>{t("notSubmitted")}</Caption1>
        <Text className={styles.listText} data-testid="not-submitted">
          {names(summary.notSubmitted)}
        </Text>
      </div>
      <Caption1 as="p" block>
        {t("noticeCounts", {
          overdue: summary.overdueTasks,
          dueSoon: summary.dueSoonTasks,
          errors: summary.errors,
          warnings: summary.warnings,
        })}
      </Caption1>
      {children}
      <div className={styles.section}>
        <Subtitle2 as="h3" block className={styles.heading}>
          {t("rankingTitle")}
        </Subtitle2>
        {ranked.length === 0 && <Text>{t("noRanked")}</Text>}
        {ranked.map((g) => (
          <div key={g.group} data-group={g.group}>
            <Caption1 as="h4" block className={styles.heading}>
              {g.group}
            </Caption1>
            <Table size="extra-small" aria-label={g.group} className={styles.table}>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>{t("colRank")}</TableHeaderCell>
                  <TableHeaderCell>{t("colUnit")}</TableHeaderCell>
                  <TableHeaderCell>{t("colRate")}</TableHeaderCell>
                  <TableHeaderCell>{t("colDone")}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {g.units.map((u) => (
                  <TableRow key={u.unit} data-unit={u.unit} data-rank={u.rank ?? ""}>
                    <TableCell>
                      {u.rank}
                      {u.tied ? ` ${t("tied")}` : ""}
                    </TableCell>
                    <TableCell>
                      {u.unit}{" "}
                      {u.red && (
                        <Badge size="small" appearance="tint" color="danger">
                          {t("redList")}
                        </Badge>
                      )}
                      {u.black && (
                        <Badge size="small" appearance="filled" color="informative">
                          {t("blackList")}
                        </Badge>
                      )}
                    </TableCell>
                    <TableCell className={styles.rate}>{u.rate}</TableCell>
                    <TableCell>
                      {u.completed}/{u.assigned}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        ))}
      </div>
    </section>
  );
}
