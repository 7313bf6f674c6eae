import { createRoot } from "react-dom/client";
import { App } from "./App";
import { HostContext, detectHost, hostDisplayLanguage } from "./host";
import { languageFrom } from "./i18n";

function start() {
  const container = document.getElementById("root");
  if (!container) return;
  const language = languageFrom(hostDisplayLanguage());
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
  // In WPS (which gives the page `window.Application`, no Office.js), or outside any host (e.g.
  // straight in a browser, where the failure then shows in the pane).
  start();
}
