/**
 * Keeping the pane responsive on a synchronous API. Every ET call blocks the page until WPS
 * answers, so long work is cut into slices: after a bounded number of calls the adapter yields to
 * the event loop (the pane repaints its progress bar, clicks are handled), and `ScreenUpdating`
 * is off while it writes so that WPS does not repaint the sheet after every call.
 */
import type { EtApplication } from "./et";

export type Yield = () => Promise<void>;

/** One turn of the event loop: a timer, so that rendering and input get their turn too. */
export const yieldToEventLoop: Yield = () => new Promise((resolve) => setTimeout(resolve, 0));

/** Calls between yields when the work is many small calls (formats, merges, fills). */
export const CALLS_PER_SLICE = 200;

export class Pacer {
  private calls = 0;
  constructor(
    private readonly yieldNow: Yield = yieldToEventLoop,
    private readonly callsPerSlice = CALLS_PER_SLICE,
  ) {}

  /** Records `n` calls made; yields once a slice's worth has been made. */
  async spent(n = 1): Promise<void> {
    this.calls += n;
    if (this.calls >= this.callsPerSlice) await this.pause();
  }

  /** Yields now (after a heavy call such as a block read or write). */
  async pause(): Promise<void> {
    this.calls = 0;
    await this.yieldNow();
  }
}

/** Runs `work` with WPS's screen updating off, restoring the user's setting afterwards. */
export async function withScreenUpdatingOff<T>(app: EtApplication, work: () => Promise<T>): Promise<T> {
  const previous = app.ScreenUpdating;
  app.ScreenUpdating = false;
  try {
    return await work();
  } finally {
    app.ScreenUpdating = previous;
  }
}

/** Runs `work` with WPS's confirmation dialogs off (deleting a sheet would otherwise ask the user). */
export async function withAlertsOff<T>(app: EtApplication, work: () => Promise<T>): Promise<T> {
  const previous = app.DisplayAlerts;
  app.DisplayAlerts = false;
  try {
    return await work();
  } finally {
    app.DisplayAlerts = previous;
  }
}
