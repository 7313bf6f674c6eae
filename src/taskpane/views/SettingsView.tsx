import {
  Button,
  Caption1,
  Divider,
  Field,
  Input,
  Link,
  MessageBar,
  MessageBarBody,
  Subtitle2,
  Text,
  makeStyles,
} from "@fluentui/react-components";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { Issue } from "../../core/issue";
import type { PaneSetup, SettingKey } from "../engine";
import type { Language, Translate } from "../i18n";
import { useHost } from "../host";
import { BusyBar, CellLink, FeedbackBars, describeError, useOperation } from "./common";

type Engine = typeof import("../engine");

const useStyles = makeStyles({
  actions: { display: "flex", flexWrap: "wrap", gap: "8px" },
  form: { display: "flex", flexDirection: "column", gap: "6px" },
  section: { display: "flex", flexDirection: "column", gap: "4px", marginTop: "8px" },
  group: { display: "flex", flexDirection: "column", gap: "2px" },
});

export function SettingsView({ t, language }: { t: Translate; language: Language }) {
  const styles = useStyles();
  const host = useHost();
  const { busy, feedback, setFeedback, perform } = useOperation(t, language);
  const [engine, setEngine] = useState<Engine | null>(null);
  const [setup, setSetup] = useState<PaneSetup | null>(null);
  const [texts, setTexts] = useState<Partial<Record<SettingKey, string>>>({});

  const readSetup = useCallback(async (): Promise<[Engine, PaneSetup]> => {
    const e = await import(/* webpackChunkName: "engine" */ "../engine");
    const workbook = await host.readWorkbook({ include: e.isSetupSheet });
    const read = e.readSetupForPane(workbook, language);
    setEngine(e);
    setSetup(read);
    setTexts(Object.fromEntries(read.entries.map((entry) => [entry.key, entry.text])));
    return [e, read];
  }, [language, host]);

  const load = useCallback(
    () =>
      perform(t("reading"), async () => {
        await readSetup();
      }),
    [perform, t, readSetup],
  );

  const loaded = useRef(false);
  useEffect(() => {
    if (loaded.current) return;
    loaded.current = true;
    void load();
  }, [load]);

  /** Every field checked with the core's own parser as it is typed. */
  const errors = useMemo(() => {
    const out: Partial<Record<SettingKey, string>> = {};
    if (!engine || !setup) return out;
    for (const { key } of setup.entries) {
      const message = engine.checkSetting(key, texts[key] ?? "", language);
      if (message) out[key] = message;
    }
    return out;
  }, [engine, setup, texts, language]);

  const save = () =>
    perform(t("saving"), async () => {
      if (!engine || !setup) return;
      if (Object.keys(errors).length > 0) return [{ intent: "error", text: t("fixFirst") }];
      const changes = setup.entries
        .filter((entry) => (texts[entry.key] ?? "").trim() !== entry.text.trim())
        .map((entry) => ({ key: entry.key, text: texts[entry.key] ?? "" }));
      if (changes.length === 0) return [{ intent: "info", text: t("nothingChanged") }];
      // Plan against the sheet as it is now (the user may have edited it since the form was filled).
      const current = await host.readWorkbook({ include: engine.isSetupSheet });
      const write = engine.planSettingsSave(current, changes);
      await host.writeCells(write.sheet, write.cells, { create: write.create });
      await readSetup();
      return [{ intent: "success", text: t("saved", { n: changes.length }) }];
    });

  const select = (sheet: string, cell: string | null) => {
    if (!cell) return;
    host
      .selectCell(sheet, cell)
      .catch((error: unknown) =>
        setFeedback([{ intent: "error", title: t("failed"), text: describeError(error, language) }]),
      );
  };

  const issueList = (title: string, issues: readonly Issue[], testId: string) =>
    issues.length > 0 && (
      <div className={styles.group} data-testid={testId}>
        <Caption1>{title}</Caption1>
        {issues.map((issue, i) => (
          <CellLink
            key={`${issue.cell ?? "-"}-${i}`}
            t={t}
            cell={issue.cell}
            code={issue.code}
            text={issue.message}
            onSelect={() => select(issue.sheet, issue.cell)}
          />
        ))}
      </div>
    );

  return (
    <>
      <div className={styles.actions}>
        <Button appearance="primary" onClick={() => void save()} disabled={!!busy || !setup}>
          {t("save")}
        </Button>
        <Button onClick={() => void load()} disabled={!!busy}>
          {t("reload")}
        </Button>
      </div>
      <BusyBar busy={busy} />
      <FeedbackBars feedback={feedback} />
      {setup && (
        <>
          <section className={styles.section} aria-label={t("settingsTitle")}>
            <Subtitle2 as="h2">{t("settingsTitle")}</Subtitle2>
            {!setup.hasSettingsSheet && (
              <MessageBar intent="info" layout="multiline">
                <MessageBarBody>{t("noSettingsSheet")}</MessageBarBody>
              </MessageBar>
            )}
            {issueList(t("settingsIssues"), setup.settingsIssues, "settings-issues")}
            <div className={styles.form}>
              {setup.entries.map((entry) => {
                const error = errors[entry.key];
                const hint = (
                  <>
                    {entry.defaultText ? t("defaultValue", { value: entry.defaultText }) : t("noDefault")}
                    {entry.cell && (
                      <>
                        {" · "}
                        <Link as="button" onClick={() => select(setup.settingsSheet, entry.cell)}>
                          {t("inCell", { cell: entry.cell })}
                        </Link>
                      </>
                    )}
                  </>
                );
                return (
                  <Field
                    key={entry.key}
                    label={entry.key}
                    hint={error ? null : hint}
                    validationState={error ? "error" : "none"}
                    validationMessage={error ?? null}
                    data-setting={entry.key}
                  >
                    <Input
                      value={texts[entry.key] ?? ""}
                      placeholder={entry.defaultText}
                      onChange={(_e, data) => setTexts((prev) => ({ ...prev, [entry.key]: data.value }))}
                      data-testid={`setting-${entry.key}`}
                    />
                  </Field>
                );
              })}
            </div>
            {setup.weights && (
              <div className={styles.group}>
                <Caption1>{t("weightsTitle")}</Caption1>
                {setup.weights.map((w) => (
                  <Text key={w.sheet}>
                    {w.sheet}：{w.weight}%
                  </Text>
                ))}
              </div>
            )}
          </section>
          <Divider />
          <section className={styles.section} aria-label={t("rosterTitle")} data-testid="roster">
            <Subtitle2 as="h2">{t("rosterTitle")}</Subtitle2>
            {!setup.hasRoster && (
              <MessageBar intent="warning" layout="multiline">
                <MessageBarBody>{t("noRoster")}</MessageBarBody>
              </MessageBar>
            )}
            {issueList(t("rosterIssues"), setup.rosterIssues, "roster-issues")}
            {setup.roster.map((g) => (
              <div key={g.group} className={styles.group} data-group={g.group}>
                <Caption1>
                  {g.group}（{t("rosterCount", { n: g.units.length })}）
                </Caption1>
                <Text>
                  {g.units.map((u) => (u.aliases ? `${u.name}（${u.aliases}）` : u.name)).join("、")}
                </Text>
              </div>
            ))}
            {setup.unranked.length > 0 && (
              <Caption1>{t("unranked", { names: setup.unranked.join("、") })}</Caption1>
            )}
          </section>
        </>
      )}
    </>
  );
}
