/**
 * Real-client checks: LibreOffice, run headless with a private profile per call so parallel tests
 * (and a desktop LibreOffice) never share or lock a user installation.
 */
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, delimiter, extname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { inflateSync } from "node:zlib";

const TIMEOUT_MS = 120_000;

/**
 * CSV filter options: field separator `,` (44), text delimiter `"` (34), UTF-8 (76), from line 1,
 * default column formats, language default, quote all text cells off, (import-only token) true,
 * save cell contents as shown on — so `0.5` in a `0.0%` cell comes out as `50.0%` —, export
 * formulas off, remove space off, and sheet `-1` = every sheet to its own file named
 * `<base>-<SheetName>.csv` (LibreOffice ≥ 7.2; checked on Debian 12's 7.4).
 */
const CSV_ALL_SHEETS = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1";

// No image export: Debian's LibreOffice 7.4 refuses calc_png_Export headless ("verify input
// parameters"); what was drawn is read from the PDF's content streams instead (`readPdf`).
const FILTERS = {
  pdf: "pdf:calc_pdf_Export",
  csv: CSV_ALL_SHEETS,
  // Old-format workbooks (BIFF8) as offices still mail them, and a round trip back to .xlsx.
  xls: "xls:MS Excel 97",
  xlsx: "xlsx:Calc MS Excel 2007 XML",
  "writer-pdf": "pdf:writer_pdf_Export",
} as const;
export type LibreOfficeFormat = keyof typeof FILTERS;

let available: string | null | undefined;

/** The soffice binary on PATH, or null. */
function sofficePath(): string | null {
  if (available !== undefined) return available;
  available = null;
  for (const dir of (process.env["PATH"] ?? "").split(delimiter)) {
    for (const name of ["soffice", "libreoffice"]) {
      const candidate = join(dir, name);
      if (dir !== "" && existsSync(candidate)) {
        available = candidate;
        return available;
      }
    }
  }
  return available;
}

/** True when LibreOffice is installed; tests use it to skip only when it is missing. */
export function libreOfficeAvailable(): boolean {
  return sofficePath() !== null;
}

export interface ConversionResult {
  /** Produced files, full paths, sorted. */
  readonly paths: string[];
  readonly stderr: string;
  readonly stdout: string;
}

/**
 * Converts `file` into `outDir` (which should be empty or private to the caller). For `csv`, one file
 * per sheet: `<base>-<SheetName>.csv`. Times out after 120 s.
 */
export async function convertWithLibreOffice(
  file: string,
  format: LibreOfficeFormat,
  outDir: string,
): Promise<ConversionResult> {
  const soffice = sofficePath();
  if (soffice === null) throw new Error("LibreOffice (soffice) is not installed");
  const profile = mkdtempSync(join(tmpdir(), "taizhang-lo-profile-"));
  const base = basename(file, extname(file));
  const ext = format === "writer-pdf" ? "pdf" : format;
  try {
    const { stdout, stderr } = await run(soffice, [
      `-env:UserInstallation=${pathToFileURL(profile).href}`,
      "--headless",
      "--norestore",
      "--nolockcheck",
      "--convert-to",
      FILTERS[format],
      "--outdir",
      outDir,
      file,
    ]);
    const paths = readdirSync(outDir)
      .filter(
        (name) => name.endsWith(`.${ext}`) && (name === `${base}.${ext}` || name.startsWith(`${base}-`)),
      )
      .map((name) => join(outDir, name))
      .sort();
    if (paths.length === 0) {
      throw new Error(`LibreOffice produced no ${ext} for ${file}: ${stderr.trim() || stdout.trim()}`);
    }
    return { paths, stderr, stdout };
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

function run(command: string, args: string[]): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolvePromise, reject) => {
    execFile(
      command,
      args,
      { timeout: TIMEOUT_MS, killSignal: "SIGKILL", maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error) {
          reject(new Error(`soffice failed (${error.message}): ${String(stderr).trim()}`));
          return;
        }
        resolvePromise({ stdout: String(stdout), stderr: String(stderr) });
      },
    );
  });
}

/** Path of the CSV LibreOffice wrote for `sheet` when converting `file` with every sheet exported. */
export function csvPathForSheet(result: ConversionResult, file: string, sheet: string): string | undefined {
  const base = basename(file, extname(file));
  return result.paths.find((p) => basename(p) === `${base}-${sheet}.csv`);
}

export interface PdfSummary {
  /** Number of page objects (`/Type /Page`). */
  readonly pages: number;
  /** Each page's MediaBox `[x0, y0, x1, y1]` in points, in file order. */
  readonly mediaBoxes: number[][];
  /** Each page's inflated content stream(s) as latin1 text, in file order of the page objects. */
  readonly pageContents: string[];
}

/** A minimal look into a PDF LibreOffice wrote (no poppler needed): pages, sizes, drawing operators. */
export function readPdf(path: string): PdfSummary {
  const bytes = readFileSync(path);
  const text = bytes.toString("latin1");
  const objects = new Map<string, { dict: string; stream?: Buffer }>();
  for (const m of text.matchAll(/(\d+) 0 obj\b/g)) {
    const start = (m.index ?? 0) + m[0].length;
    const endobj = text.indexOf("endobj", start);
    const body = text.slice(start, endobj < 0 ? undefined : endobj);
    const streamAt = /stream\r?\n/.exec(body);
    if (streamAt === null) {
      objects.set(m[1] ?? "", { dict: body });
      continue;
    }
    const dataStart = start + streamAt.index + streamAt[0].length;
    const dataEnd = text.indexOf("endstream", dataStart);
    objects.set(m[1] ?? "", {
      dict: body.slice(0, streamAt.index),
      stream: bytes.subarray(dataStart, dataEnd < 0 ? dataStart : dataEnd),
    });
  }
  const pageObjects = [...objects.values()].filter((o) => /\/Type\s*\/Page(?![s\w])/.test(o.dict));
  const inflate = (id: string): string => {
    const o = objects.get(id);
    if (o?.stream === undefined) return "";
    return /FlateDecode/.test(o.dict)
      ? inflateSync(o.stream).toString("latin1")
      : o.stream.toString("latin1");
  };
  return {
    pages: pageObjects.length,
    mediaBoxes: pageObjects.map((o) =>
      (/\/MediaBox\s*\[([^\]]*)\]/.exec(o.dict)?.[1] ?? "").trim().split(/\s+/).map(Number),
    ),
    pageContents: pageObjects.map((o) => {
      const refs = /\/Contents\s*(\[[^\]]*\]|\d+ 0 R)/.exec(o.dict)?.[1] ?? "";
      return [...refs.matchAll(/(\d+) 0 R/g)].map((r) => inflate(r[1] ?? "")).join("\n");
    }),
  };
}

function rgbComponents(rgb: string): [number, number, number] {
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(rgb.slice(i, i + 2), 16) / 255);
  return [r ?? 0, g ?? 0, b ?? 0];
}

const near = (a: number, b: number): boolean => Math.abs(a - b) < 0.003;

/** Whether a page's drawing sets the fill colour `rgb` (`RRGGBB`) anywhere. */
export function pdfUsesFill(content: string, rgb: string): boolean {
  const [r, g, b] = rgbComponents(rgb);
  return [...content.matchAll(/([\d.]+) ([\d.]+) ([\d.]+) rg/g)].some(
    (m) => near(Number(m[1]), r) && near(Number(m[2]), g) && near(Number(m[3]), b),
  );
}

/**
 * Data bars LibreOffice drew in `rgb` (`RRGGBB`) on one page: each is a clip rectangle
 * (`x y w h re W* n`) whose first fill is the bar colour (the gradient then fades from it).
 */
export function pdfBars(
  content: string,
  rgb: string,
): Array<{ x: number; y: number; width: number; height: number }> {
  const [r, g, b] = rgbComponents(rgb);
  const bars: Array<{ x: number; y: number; width: number; height: number }> = [];
  const re = /q\s+([-\d.]+) ([-\d.]+) ([-\d.]+) ([-\d.]+) re\s+W\*? n\s+([\d.]+) ([\d.]+) ([\d.]+) rg/g;
  for (const m of content.matchAll(re)) {
    const [x, y, width, height, cr, cg, cb] = m.slice(1).map(Number) as [
      number,
      number,
      number,
      number,
      number,
      number,
      number,
    ];
    if (near(cr, r) && near(cg, g) && near(cb, b)) bars.push({ x, y, width, height });
  }
  return bars;
}
