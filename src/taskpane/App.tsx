import {
  FluentProvider,
  Tab,
  TabList,
  Text,
  makeStyles,
  tokens,
  webLightTheme,
  type SelectTabData,
} from "@fluentui/react-components";
import { useCallback, useEffect, useMemo, useState } from "react";
import { type Language, type MessageKey, translator } from "./i18n";
import { type PaneRequest, type PaneView, requestFromUrl, takeRequest } from "./request";
import { PlaceholderView } from "./views/PlaceholderView";
import { ValidateView } from "./views/ValidateView";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    minHeight: "100vh",
    backgroundColor: tokens.colorNeutralBackground1,
  },
  header: { padding: "12px 12px 0", color: tokens.colorBrandForeground1 },
  body: { padding: "8px 12px 16px", display: "flex", flexDirection: "column", gap: "8px" },
});

const TABS: { view: PaneView; label: MessageKey }[] = [
  { view: "validate", label: "tabValidate" },
  { view: "notice", label: "tabNotice" },
  { view: "score", label: "tabScore" },
  { view: "collect", label: "tabCollect" },
  { view: "settings", label: "tabSettings" },
];

export function App({ language }: { language: Language }) {
  const styles = useStyles();
  const t = useMemo(() => translator(language), [language]);
  const [view, setView] = useState<PaneView>("validate");
  /** A ribbon command's "run now" for the view it opened; the counter makes repeated clicks count. */
  const [runToken, setRunToken] = useState<{ view: PaneView; n: number } | null>(null);

  const apply = useCallback((request: PaneRequest | null) => {
    if (!request) return;
    setView(request.view);
    if (request.run) setRunToken((prev) => ({ view: request.view, n: (prev?.n ?? 0) + 1 }));
  }, []);

  useEffect(() => {
    apply(takeRequest(window.localStorage) ?? requestFromUrl(window.location.search));
    const onStorage = () => apply(takeRequest(window.localStorage));
    window.addEventListener("storage", onStorage);
    return () => window.removeEventListener("storage", onStorage);
  }, [apply]);

  const runFor = (v: PaneView) => (runToken?.view === v ? runToken.n : 0);

  return (
    <FluentProvider theme={webLightTheme} className={styles.root}>
      <Text as="h1" size={500} weight="semibold" className={styles.header}>
        {t("appTitle")}
      </Text>
      <TabList
        selectedValue={view}
        onTabSelect={(_e, data: SelectTabData) => setView(data.value as PaneView)}
        size="small"
      >
        {TABS.map((tab) => (
          <Tab key={tab.view} value={tab.view}>
            {t(tab.label)}
          </Tab>
        ))}
      </TabList>
      <main className={styles.body}>
        {view === "validate" && <ValidateView t={t} language={language} runToken={runFor("validate")} />}
        {view === "notice" && <PlaceholderView t={t} text="placeholderNotice" />}
        {view === "score" && <PlaceholderView t={t} text="placeholderScore" />}
        {view === "collect" && <PlaceholderView t={t} text="placeholderCollect" />}
        {view === "settings" && <PlaceholderView t={t} text="placeholderSettings" />}
      </main>
    </FluentProvider>
  );
}
