/**
 * Page-by-page checks of a printed document (SPEC §7 "print-ready"), on the text `pdftotext -layout`
 * (poppler) gives back: no page continues a table without its header row, and no heading is the
 * last line of a page. Lines are compared without white space, since the layout spreads CJK text.
 */
import { execFileSync } from "node:child_process";

/** Each page's non-empty lines, without white space. Page numbers (`— 3 —`) are left out. */
export function pdfPageLines(pdf: string): string[][] {
  const text = execFileSync("pdftotext", ["-layout", pdf, "-"], {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  return text
    .split("\f")
    .map((page) =>
      page
        .split("\n")
        .map((l) => l.replace(/\s+/gu, ""))
        .filter((l) => l !== "" && !/^—\d+—$/u.test(l)),
    )
    .filter((page) => page.length > 0);
}

/** True when pdftotext (poppler-utils) is installed. */
export function pdftotextAvailable(): boolean {
  try {
    execFileSync("pdftotext", ["-v"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

/** A table as printed: its header cells and, per data row, the first cells that identify it. */
export interface PrintedTable {
  readonly header: readonly string[];
  readonly rows: ReadonlyArray<readonly string[]>;
}

const squash = (s: string) => s.replace(/\s+/gu, "");

/**
 * Pages on which a table's data row appears with no header line of that table above it on the same
 * page — a table continued without its header. Returns `page N: row` descriptions.
 */
export function rowsWithoutHeader(pages: readonly string[][], tables: readonly PrintedTable[]): string[] {
  const found: string[] = [];
  pages.forEach((lines, p) => {
    for (const table of tables) {
      // The first header and the start of the second (a long header may wrap inside its cell).
      const [h0, h1] = [squash(table.header[0] ?? ""), squash(table.header[1] ?? "").slice(0, 2)];
      const keys = table.rows.map((r) => squash(r.join("")));
      lines.forEach((line, i) => {
        const isRow = keys.some((k) => k !== "" && line.startsWith(k));
        if (!isRow) return;
        const headerAbove = lines.slice(0, i).some((l) => l.includes(h0) && l.includes(h1));
        if (!headerAbove) found.push(`page ${p + 1}: ${line}`);
      });
    }
  });
  return found;
}

/** Pages whose last line is one of `headings`. */
export function headingsAtPageFoot(pages: readonly string[][], headings: readonly string[]): string[] {
  const keys = new Set(headings.map(squash));
  return pages.flatMap((lines, p) => {
    const last = lines[lines.length - 1] ?? "";
    return keys.has(last) ? [`page ${p + 1}: ${last}`] : [];
  });
}
