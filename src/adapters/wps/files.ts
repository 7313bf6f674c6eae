/**
 * Files the pane made (退回件, the exported notice) handed to the user on WPS, through WPS's own
 * file API rather than a browser download (WPS's pane is a Chromium page inside WPS; Kingsoft's
 * add-in API gives it a file system instead): the save dialog `Application.GetSaveAsFilename`
 * ([decl] `lib.et.d.ts`), then `wps.FileSystem.writeAsBinaryString` ([decl] `index.d.ts`); and a new
 * workbook window by writing to `wps.Env.GetTempPath()` and `Application.Workbooks.Open`.
 * Where the add-in root lacks these, `null`/`{opened:false}` sends the caller to its fallback.
 */
import { type HostFile, type OpenOutcome, type SaveOutcome, bytesToBinaryString } from "../../host";
import type { EtApplication } from "./et";
import { EtCallError } from "./errors";

/** The part of WPS's add-in root (`window.wps`, [decl] `WPS.AddonRoot`) used for files. */
export interface WpsFiles {
  readonly FileSystem?: {
    writeAsBinaryString(path: string, data: string): boolean;
    Exists(path: string): boolean;
  };
  readonly Env?: { GetTempPath(): string };
}

/** The filter of the save dialog (VBA's `"description,*.ext"` form). */
const XLSX_FILTER = "Excel 工作簿 (*.xlsx),*.xlsx";
const DOCX_FILTER = "Word 文档 (*.docx),*.docx";

function writeBytes(files: WpsFiles, path: string, file: HostFile): void {
  const fs = files.FileSystem!;
  if (!fs.writeAsBinaryString(path, bytesToBinaryString(file.bytes)) || !fs.Exists(path)) {
    throw new EtCallError(`无法写入文件：${path}`);
  }
}

/**
 * Asks where to save `file` and writes it there; `null` when WPS offers no file system here (the
 * caller downloads instead).
 */
export function saveWithDialog(
  app: EtApplication,
  files: WpsFiles | undefined,
  file: HostFile,
): SaveOutcome | null {
  if (!files?.FileSystem || typeof app.GetSaveAsFilename !== "function") return null;
  const chosen: unknown = app.GetSaveAsFilename(
    file.name,
    file.name.toLowerCase().endsWith(".docx") ? DOCX_FILTER : XLSX_FILTER,
  );
  // The dialog returns False when cancelled ([vba] Application.GetSaveAsFilename).
  if (typeof chosen !== "string" || chosen === "") return { via: "cancelled" };
  writeBytes(files, chosen, file);
  return { via: "dialog", path: chosen };
}

/** Writes `file` to WPS's temp folder and opens it as a new workbook window. */
export function openFromTemp(app: EtApplication, files: WpsFiles | undefined, file: HostFile): OpenOutcome {
  const temp = files?.Env?.GetTempPath();
  if (!files?.FileSystem || !temp || typeof app.Workbooks?.Open !== "function") return { opened: false };
  const separator = temp.includes("\\") ? "\\" : "/";
  // A fresh name each time: an earlier export of the same period may still be open.
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  const path = `${temp.replace(/[\\/]+$/, "")}${separator}${stamp}-${file.name}`;
  writeBytes(files, path, file);
  app.Workbooks.Open(path);
  return { opened: true };
}
