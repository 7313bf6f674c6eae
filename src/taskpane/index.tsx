import { createRoot } from "react-dom/client";
import { App } from "./App";
import { HostContext, detectHost } from "./host";
import { languageFrom } from "./i18n";

function start() {
  const container = document.getElementById("root");
  if (!container) return;
  const language = languageFrom(typeof Office !== "undefined" ? Office.context?.displayLanguage : undefined);
  document.documentElement.lang = language === "zh" ? "zh-CN" : "en";
  // The host is detected once, at start; every view reaches the workbook through it.
  createRoot(container).render(
    <HostContext.Provider value={detectHost()}>
      <App language={language} search={window.location.search} />
    </HostContext.Provider>,
  );
}

if (typeof Office !== "undefined") {
  void Office.onReady(() => start());
} else {
  // Opened outside Office (e.g. straight in a browser): show the pane so the failure is visible.
  start();
}
