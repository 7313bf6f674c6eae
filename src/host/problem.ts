/**
 * What a spreadsheet host reports, as data: notes (something it could not do and worked around) and
 * problems (an operation that failed). Words are made at the edge, per language (`./message.ts`).
 */

/** Something a host did differently from what was asked, and said so (nothing failed). */
export type HostNote =
  /** The host offers no date-system property: the 1900 system is assumed. */
  | { readonly code: "date-system-assumed" }
  /** Merged cells cannot be read on this host (Excel before ExcelApi 1.13): read as unmerged. */
  | { readonly code: "merges-unavailable"; readonly requirement: string }
  /** A sheet has more merged areas than the host returns: read as unmerged. */
  | { readonly code: "merges-too-many"; readonly sheet: string; readonly limit: number }
  /** Some rows were larger than measured and were re-read in smaller chunks. */
  | { readonly code: "chunk-split" }
  /** Page setup could not be written (Excel before ExcelApi 1.9). */
  | { readonly code: "print-setup-unavailable"; readonly requirement: string }
  /** Data validation (drop-down lists, input rules) could not be set (Excel before ExcelApi 1.8). */
  | { readonly code: "validation-unavailable"; readonly requirement: string }
  /** WPS: the notice's data bars or charts were not drawn (see docs/DECISIONS.md, WPS). */
  | { readonly code: "visuals-skipped"; readonly visual: "data-bars" | "charts" };

export type HostNoteCode = HostNote["code"];

/** An operation the pane asked of the host, named so a problem can say which one could not run. */
export type HostFeature = "highlight" | "clear-highlights" | "print-setup" | "read-merges";

/** Why a host operation failed. */
export type HostProblem =
  /** A sheet with the target name exists and was not created by 台账助手 (SPEC §12). */
  | { readonly code: "sheet-not-owned"; readonly sheet: string }
  /** A defined name the plan needs exists and was not created by 台账助手. */
  | { readonly code: "name-taken"; readonly name: string }
  /** The user declined to replace a sheet the product generated earlier. */
  | { readonly code: "replace-cancelled"; readonly sheet: string }
  /** A feature needs a newer API than this host offers. */
  | { readonly code: "unsupported-api"; readonly feature: HostFeature; readonly requirement: string }
  | { readonly code: "sheet-not-found"; readonly sheet: string }
  | { readonly code: "sheet-hidden"; readonly sheet: string }
  /** A sheet to be created exists already (someone added it meanwhile). */
  | { readonly code: "sheet-exists"; readonly sheet: string }
  /** WPS has no workbook open (`Application.ActiveWorkbook` is null). */
  | { readonly code: "no-workbook" }
  /** A WPS call failed; `detail` is WPS's text (not translated). */
  | { readonly code: "wps-call-failed"; readonly detail: string }
  /** The host stayed in cell-editing mode through every retry. */
  | { readonly code: "cell-edit-mode" }
  /** Too many cells to highlight in one go. */
  | { readonly code: "too-many-highlights"; readonly count: number; readonly limit: number }
  /**
   * Any other failure of a host call; `hostCode` is the host's own error code (e.g. Office's
   * `ItemNotFound`), `reason` what it means for the user, `detail` the host's text (not translated).
   */
  | {
      readonly code: "host-call-failed";
      readonly hostCode: string;
      readonly reason: "payload-too-large" | "item-not-found" | "access-denied" | "other";
      readonly detail: string;
    };

export type HostProblemCode = HostProblem["code"];

/**
 * The error every host adapter throws for a `HostProblem`. `message` is the Chinese text (for logs
 * and the CLI); the pane renders `problem` in its own language.
 */
export class HostError extends Error {
  constructor(
    readonly problem: HostProblem,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
  get code(): HostProblemCode {
    return this.problem.code;
  }
}

/** The problem carried by `error`, if it is a host error. */
export function hostProblemOf(error: unknown): HostProblem | null {
  return error instanceof HostError ? error.problem : null;
}
