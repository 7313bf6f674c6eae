/**
 * What the pane should do when it opens, from its URL. The ribbon's buttons are `ShowTaskpane`
 * actions whose URLs are `taskpane.html?view=notice&run=1` and so on (see manifest.xml): Office
 * opens (or navigates) the one task pane to that URL, and the pane shows the view and runs its main
 * action. This needs no shared runtime, so it works on every Excel the manifest accepts.
 */

export type PaneView = "validate" | "notice" | "score" | "collect" | "settings";

export interface PaneRequest {
  readonly view: PaneView;
  /** Run the view's main action once the pane shows it. */
  readonly run: boolean;
}

export const VIEWS: readonly PaneView[] = ["validate", "notice", "score", "collect", "settings"];

/** `?view=validate&run=1` in the pane's URL, as a request; `null` without a known view. */
export function requestFromUrl(search: string): PaneRequest | null {
  const params = new URLSearchParams(search);
  const view = params.get("view") as PaneView | null;
  if (!view || !VIEWS.includes(view)) return null;
  return { view, run: params.get("run") === "1" };
}
