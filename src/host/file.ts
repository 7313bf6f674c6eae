/**
 * Handing a file the pane made to the user through the page's own browser: a download. Every host's
 * pane is a browser page (Office's webview, WPS's Chromium), so this is the common fallback the
 * host adapters use where their host offers nothing better (see `SpreadsheetHost.saveFile`).
 */
import type { HostFile } from "./port";

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/** Offers `file` as a download (an object URL clicked through a transient link). */
export function browserDownload(file: HostFile, doc: Document = document): void {
  // 导出Word hands over a .docx; everything else the pane makes is an .xlsx.
  const type = /\.docx$/iu.test(file.name) ? DOCX_TYPE : XLSX_TYPE;
  const url = URL.createObjectURL(new Blob([file.bytes as BlobPart], { type }));
  const link = doc.createElement("a");
  link.href = url;
  link.download = file.name;
  link.style.display = "none";
  doc.body.appendChild(link);
  link.click();
  link.remove();
  // The download has its own copy once started; a minute is ample for a slow disk.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Base64 of `bytes`, in chunks (one `fromCharCode` over a large array would overflow the stack). */
export function bytesToBase64(bytes: Uint8Array): string {
  return btoa(bytesToBinaryString(bytes));
}

/** One character per byte (U+0000–U+00FF), the form `btoa` and WPS's `writeAsBinaryString` take. */
export function bytesToBinaryString(bytes: Uint8Array): string {
  const parts: string[] = [];
  for (let i = 0; i < bytes.length; i += 0x8000) {
    parts.push(String.fromCharCode.apply(null, Array.from(bytes.subarray(i, i + 0x8000))));
  }
  return parts.join("");
}
