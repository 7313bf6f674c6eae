/**
 * The choices a run makes before validating, once for every front end: the as-of date (统计截止日期)
 * a person typed, checked in one place (CLI `--as-of`, the pane's field), and where the run's as-of
 * date comes from (SPEC §4: `--as-of`, else `设置`, else today).
 */
import { type IsoDate, isoToDay } from "../date";
import type { Settings } from "../settings";

/** A typed as-of date: `YYYY-MM-DD` and a real calendar date, else `null`. */
export function parseAsOf(text: string): IsoDate | null {
  const t = text.trim();
  return isoToDay(t) === null ? null : t;
}

/** A typed period (期数): a positive whole number written in digits, else `null`. */
export function parsePeriod(text: string): number | null {
  const t = text.trim();
  return /^\d+$/.test(t) && Number(t) >= 1 ? Number(t) : null;
}

/** Where a run's as-of date came from. */
export type AsOfSource = "requested" | "settings" | "today";

/**
 * The run's as-of date: the requested one, else the first of `settings` that names a
 * 统计截止日期, else `today`.
 */
export function chooseAsOf(
  requested: IsoDate | undefined,
  settings: ReadonlyArray<Settings | null>,
  today: IsoDate,
): { readonly asOf: IsoDate; readonly source: AsOfSource } {
  if (requested !== undefined) return { asOf: requested, source: "requested" };
  const named = settings.find((s) => s?.asOf)?.asOf;
  return named ? { asOf: named, source: "settings" } : { asOf: today, source: "today" };
}
