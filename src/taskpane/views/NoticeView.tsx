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
import type { NoticeDefaults, NoticeSummary } from "../engine";
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
  field: { minWidth: "140px", flexGrow: 1 },
  section: { display: "flex", flexDirection: "column", gap: "4px", marginTop: "8px" },
  lists: { display: "grid", gridTemplateColumns: "auto 1fr", columnGap: "8px", rowGap: "2px" },
  rate: { textAlign: "right" },
});

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
  const { busy, setBusy, feedback, setFeedback, perform } = useOperation(t, language);
  const [dialog, ask] = useConfirm();
  const [asOf, setAsOf] = useState("");
  const [period, setPeriod] = useState("");
  const [defaults, setDefaults] = useState<NoticeDefaults | null>(null);
  const [setupIssues, setSetupIssues] = useState<readonly Issue[]>([]);
  const [summary, setSummary] = useState<NoticeSummary | null>(null);
  // The latest typed values, for operations started before a re-render.
  const form = useRef({ asOf, period });
  form.current = { asOf, period };

  /** Fills the fields the user has not typed into with the defaults (设置, then history). */
  const applyDefaults = useCallback((d: NoticeDefaults) => {
    setDefaults(d);
    if (!form.current.asOf) setAsOf(d.asOf);
    if (!form.current.period) setPeriod(String(d.period));
  }, []);

  const loadDefaults = useCallback(
    () =>
      perform(t("loadingDefaults"), async () => {
        const engine = await import(/* webpackChunkName: "engine" */ "../engine");
        const workbook = await host.readWorkbook({ include: engine.isNoticeSetupSheet });
        applyDefaults(engine.noticeDefaults(workbook, engine.localToday()));
      }),
    [perform, t, applyDefaults, host],
  );

  const generate = useCallback(
    () =>
      perform(t("validating"), async (): Promise<Feedback[]> => {
        setSummary(null);
        setSetupIssues([]);
        const engine = await import(/* webpackChunkName: "engine" */ "../engine");
        // The typed values are checked by core, as the CLI checks --as-of and --period.
        const typedAsOf = form.current.asOf.trim();
        const typedPeriod = form.current.period.trim();
        const asOf = typedAsOf ? engine.parseAsOf(typedAsOf) : null;
        const period = typedPeriod ? engine.parsePeriod(typedPeriod) : null;
        if (typedAsOf && asOf === null) return [{ intent: "error", text: t("invalidAsOf") }];
        if (typedPeriod && period === null) return [{ intent: "error", text: t("invalidPeriod") }];

        const workbook = await host.readWorkbook({
          onProgress: (p) =>
            setBusy({
              label: t("validatingRows", { sheet: p.sheet, done: p.rowsRead, total: p.totalRows }),
              value: p.totalRows ? p.rowsRead / p.totalRows : 0,
            }),
        });
        const today = engine.localToday();
        const d = engine.noticeDefaults(workbook, today);
        applyDefaults(d);
        setBusy({ label: t("computing") });
        const prepared = engine.prepareNotice(workbook, {
          today,
          asOf: asOf ?? d.asOf,
          period: period ?? d.period,
          language,
        });
        if (!prepared.ok) {
          setSetupIssues(prepared.setupIssues);
          return [{ intent: "error", title: t("setupRefusedTitle"), text: t("setupRefused") }];
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
        if (decision.confirm.length > 0) {
          const ok = await ask({
            title: t("confirmTitle"),
            text: t("confirmText", { sheet: decision.confirm.join("、") }),
            confirm: t("confirmReplace"),
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
        return [
          { intent: "success", text: t("generated", { sheet: noticeSheet }) },
          ...notes.map((note): Feedback => ({ intent: "warning", text: hostNoteMessage(note, language) })),
        ];
      }),
    [perform, t, language, setBusy, applyDefaults, ask, host],
  );

  // First visit: a ribbon request runs at once; otherwise only the defaults are read. Each request
  // (token) runs once, however often the callbacks change identity.
  const handled = useRef<number | null>(null);
  useEffect(() => {
    if (handled.current === runToken) return;
    const first = handled.current === null;
    handled.current = runToken;
    if (runToken > 0) void generate();
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
            type="date"
            value={asOf}
            onChange={(_e, data) => setAsOf(data.value)}
            data-testid="notice-asof"
          />
        </Field>
        <Field className={styles.field} label={t("noticePeriod")} hint={periodHint}>
          <Input
            type="number"
            min={1}
            step={1}
            value={period}
            onChange={(_e, data) => setPeriod(data.value)}
            data-testid="notice-period"
          />
        </Field>
        <Button appearance="primary" onClick={() => void generate()} disabled={!!busy}>
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
      {summary && <Summary t={t} summary={summary} styles={styles} />}
    </>
  );
}

function Summary({
  t,
  summary,
  styles,
}: {
  t: Translate;
  summary: NoticeSummary;
  styles: ReturnType<typeof useStyles>;
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
      <Subtitle2 as="h2">{summary.noticeSheet}</Subtitle2>
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
        <Text data-testid="red-list">{names(summary.redList)}</Text>
        <Badge appearance="filled" color="informative">
          {t("blackList")}
        </Badge>
        <Text data-testid="black-list">{names(summary.blackList)}</Text>
        <Caption1>{t("stationed")}</Caption1>
        <Text>{notCompared ?? names(summary.stationed)}</Text>
        <Caption1>{t("stalled")}</Caption1>
        <Text>{notCompared ?? names(summary.stalled)}</Text>
        <Caption1>{t("notSubmitted")}</Caption1>
        <Text>{names(summary.notSubmitted)}</Text>
      </div>
      <Caption1 as="p">
        {t("noticeCounts", {
          overdue: summary.overdueTasks,
          dueSoon: summary.dueSoonTasks,
          errors: summary.errors,
          warnings: summary.warnings,
        })}
      </Caption1>
      <div className={styles.section}>
        <Subtitle2 as="h3">{t("rankingTitle")}</Subtitle2>
        {ranked.length === 0 && <Text>{t("noRanked")}</Text>}
        {ranked.map((g) => (
          <div key={g.group} data-group={g.group}>
            <Caption1 as="h4">{g.group}</Caption1>
            <Table size="extra-small" aria-label={g.group}>
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
