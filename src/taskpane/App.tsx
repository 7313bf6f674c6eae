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
import { type ReactNode, useMemo, useState } from "react";
import { type Language, type MessageKey, translator } from "./i18n";
import { type PaneView, requestFromUrl } from "./request";
import { CollectView, LoopIntro } from "./views/CollectView";
import { NoticeView } from "./views/NoticeView";
import { ScoreView } from "./views/ScoreView";
import { SettingsView } from "./views/SettingsView";
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
  // Five tabs do not fit in one row of a 320–350 px pane in English: they wrap instead of overflowing.
  tabs: { flexWrap: "wrap", padding: "0 4px" },
});

const TABS: { view: PaneView; label: MessageKey }[] = [
  { view: "validate", label: "tabValidate" },
  { view: "notice", label: "tabNotice" },
  { view: "score", label: "tabScore" },
  { view: "collect", label: "tabCollect" },
  { view: "settings", label: "tabSettings" },
];

export function App({ language, search = "" }: { language: Language; search?: string }) {
  const styles = useStyles();
  const t = useMemo(() => translator(language), [language]);
  // A ribbon button opens the pane at `taskpane.html?view=…&run=1`: show that view and run it once.
  const [request] = useState(() => requestFromUrl(search));
  const [view, setView] = useState<PaneView>(request?.view ?? "validate");
  // Views are mounted on first visit and then kept, so switching tabs keeps their results.
  const [visited, setVisited] = useState<ReadonlySet<PaneView>>(() => new Set([view]));
  const runFor = (v: PaneView) => (request?.run && request.view === v ? 1 : 0);

  const show = (v: PaneView) => {
    setView(v);
    setVisited((prev) => (prev.has(v) ? prev : new Set([...prev, v])));
  };

  const panel = (v: PaneView, content: ReactNode) =>
    visited.has(v) && (
      // `hidden` alone would lose to the class's `display: flex`, so the hidden panel gets no class.
      <div role="tabpanel" hidden={view !== v} data-view={v} className={view === v ? styles.body : undefined}>
        {content}
      </div>
    );

  return (
    <FluentProvider theme={webLightTheme} className={styles.root}>
      <Text as="h1" size={500} weight="semibold" className={styles.header}>
        {t("appTitle")}
      </Text>
      <LoopIntro t={t} onCollect={() => show("collect")} offer={!visited.has("collect")} />
      <TabList
        selectedValue={view}
        onTabSelect={(_e, data: SelectTabData) => show(data.value as PaneView)}
        size="small"
        className={styles.tabs}
      >
        {TABS.map((tab) => (
          <Tab key={tab.view} value={tab.view}>
            {t(tab.label)}
          </Tab>
        ))}
      </TabList>
      <main>
        {panel("validate", <ValidateView t={t} language={language} runToken={runFor("validate")} />)}
        {panel("notice", <NoticeView t={t} language={language} runToken={runFor("notice")} />)}
        {panel("score", <ScoreView t={t} language={language} runToken={runFor("score")} />)}
        {panel("collect", <CollectView t={t} language={language} />)}
        {panel("settings", <SettingsView t={t} language={language} />)}
      </main>
    </FluentProvider>
  );
}
