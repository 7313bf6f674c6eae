/**
 * A ribbon command's request to the task pane. The function file (commands.html) and the pane are
 * separate pages of the same origin, so the request travels through localStorage: the command
 * stores it and opens the pane; the pane picks it up when it starts or when the `storage` event fires.
 */

export type PaneView = "validate" | "notice" | "score" | "collect" | "settings";

export interface PaneRequest {
  readonly view: PaneView;
  /** Run the view's main action once the pane shows it. */
  readonly run: boolean;
  /** Milliseconds since the epoch; stale requests (older than a minute) are dropped. */
  readonly at: number;
}

export const REQUEST_KEY = "taizhang.request";
const MAX_AGE_MS = 60_000;
const VIEWS: readonly PaneView[] = ["validate", "notice", "score", "collect", "settings"];

export function storeRequest(storage: Storage, view: PaneView, run: boolean, now = Date.now()): void {
  const request: PaneRequest = { view, run, at: now };
  storage.setItem(REQUEST_KEY, JSON.stringify(request));
}

/** Takes (reads and removes) a fresh request, if any. */
export function takeRequest(storage: Storage, now = Date.now()): PaneRequest | null {
  const raw = storage.getItem(REQUEST_KEY);
  if (!raw) return null;
  storage.removeItem(REQUEST_KEY);
  try {
    const parsed = JSON.parse(raw) as Partial<PaneRequest>;
    if (!parsed.view || !VIEWS.includes(parsed.view) || typeof parsed.at !== "number") return null;
    if (now - parsed.at > MAX_AGE_MS) return null;
    return { view: parsed.view, run: parsed.run === true, at: parsed.at };
  } catch {
    return null; // a corrupt entry is simply ignored: it was only a hint which view to open
  }
}

/** `?view=validate&run=1` in the pane's URL, as a request (for links and manual testing). */
export function requestFromUrl(search: string, now = Date.now()): PaneRequest | null {
  const params = new URLSearchParams(search);
  const view = params.get("view") as PaneView | null;
  if (!view || !VIEWS.includes(view)) return null;
  return { view, run: params.get("run") === "1", at: now };
}
