/**
 * What the WPS ribbon's buttons do (the callbacks themselves are in ribbon.ts, the ribbon page's entry). 校验台账, 生成通报 and 考核评分 open the task pane at
 * `taskpane.html?view=…&run=1`, the same request the Excel ribbon makes (src/taskpane/request.ts);
 * 打开面板 shows the pane as it is. One task pane per WPS window: its ID is kept in
 * `PluginStorage` (shared by the add-in's pages) and later clicks navigate it.
 *
 * The WPS calls are those of Kingsoft's own add-in samples (npm `wpsjs`, et/js/ribbon.js):
 * `Application.CreateTaskPane(url)`, `.ID`, `.Visible = true`, `Application.GetTaskPane(id)`,
 * `PluginStorage.setItem/getItem`, and `OnAddinLoad(ribbonUI)` returning true.
 */
import type { WpsAddonRoot, WpsTaskPane } from "../adapters/wps";

export const PANE_ID_KEY = "taizhang.taskpane";
export const PANE_TITLE = "台账助手";

/** Button id → the pane page it opens (null: just show the pane). */
export const BUTTONS: Readonly<Record<string, string | null>> = {
  btnValidate: "taskpane.html?view=validate&run=1",
  btnNotice: "taskpane.html?view=notice&run=1",
  btnScore: "taskpane.html?view=score&run=1",
  btnOpen: null,
};

let clicks = 0;

/** The pane URL for a button, resolved against the add-in folder (where index.html was loaded from). */
export function paneUrl(page: string, base: string): string {
  // A counter makes every click a new URL, so that clicking the same button again runs it again.
  const url = new URL(page, base);
  if (url.searchParams.get("run") === "1") url.searchParams.set("click", String(++clicks));
  return url.href;
}

/** Shows the add-in's task pane, at `url` when given (creating the pane the first time). */
export function showPane(app: WpsAddonRoot, url: string | null, base: string): WpsTaskPane {
  const id = app.PluginStorage.getItem(PANE_ID_KEY);
  let pane = id !== null && id !== undefined && id !== "" ? app.GetTaskPane(Number(id)) : null;
  if (!pane) {
    pane = app.CreateTaskPane(url ?? new URL("taskpane.html", base).href, PANE_TITLE);
    app.PluginStorage.setItem(PANE_ID_KEY, pane.ID);
  } else if (url) {
    pane.Navigate(url);
  }
  pane.Visible = true;
  return pane;
}
