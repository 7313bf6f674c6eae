/**
 * A new worksheet part rendered from a `SheetPlan` (the `退回修改说明` sheet): text as inline
 * strings (so the shared-string table stays untouched), styles appended to the package's style
 * sheet, merges, widths, heights, frozen header, links to cells, print setup.
 */
import { a1, columnName } from "../../../core/grid";
import type { CellRange } from "../../../core/grid";
import { type SheetPlan, expandBody } from "../../../core/plan";
import type { StylesEditor } from "./styles";
import { escapeXml, xstring } from "./xml-edit";

function rangeRef(r: CellRange): string {
  return `${a1(r.top, r.left)}:${a1(r.bottom, r.right)}`;
}

/** `'Sheet name'!A1`: quoted, with `'` doubled, as a hyperlink location or defined name wants it. */
export function sheetReference(sheet: string, ref: string): string {
  return `'${sheet.replace(/'/g, "''")}'!${ref}`;
}

/**
 * The worksheet XML of `plan`, with its styles added to `styles`. `mainNs` and `relNs` are the
 * package's SpreadsheetML and relationship namespaces.
 */
export function renderPlanSheet(
  sheetPlan: SheetPlan,
  styles: StylesEditor,
  mainNs: string,
  relNs: string,
): string {
  const plan = expandBody(sheetPlan);
  const xf = new Map<string, number>();
  const styleIndex = (key: string | undefined): number => {
    if (key === undefined) return 0;
    let id = xf.get(key);
    if (id === undefined) {
      const style = plan.styles[key];
      id = style ? styles.planXf(style) : 0;
      xf.set(key, id);
    }
    return id;
  };

  let maxColumn = Math.max(0, plan.columnWidths.length - 1);
  const rows: string[] = [];
  const links: string[] = [];
  plan.rows.forEach((cells, r) => {
    const height = plan.rowHeights?.[r];
    const parts: string[] = [];
    cells.forEach((cell, c) => {
      if (cell === null || cell === undefined) return;
      maxColumn = Math.max(maxColumn, c);
      const ref = a1(r, c);
      const s = styleIndex(cell.style);
      const sAttr = s ? ` s="${s}"` : "";
      const v = cell.value;
      if (v === null) parts.push(`<c r="${ref}"${sAttr}/>`);
      else if (typeof v === "number") parts.push(`<c r="${ref}"${sAttr}><v>${v}</v></c>`);
      else if (typeof v === "boolean") parts.push(`<c r="${ref}"${sAttr} t="b"><v>${v ? 1 : 0}</v></c>`);
      else {
        // A string is text, never a formula; `{ formula }` values are not used on this sheet.
        const text = typeof v === "string" ? v : String(v.result ?? "");
        parts.push(
          `<c r="${ref}"${sAttr} t="inlineStr"><is><t xml:space="preserve">${xstring(text)}</t></is></c>`,
        );
      }
      if (cell.link) {
        links.push(
          `<hyperlink ref="${ref}" location="${escapeXml(sheetReference(cell.link.sheet, cell.link.cell))}" display="${escapeXml(cell.link.cell)}"/>`,
        );
      }
    });
    if (parts.length === 0 && height === undefined) return;
    const ht = height === undefined ? "" : ` ht="${height}" customHeight="1"`;
    rows.push(`<row r="${r + 1}"${ht}>${parts.join("")}</row>`);
  });

  const lastRow = Math.max(1, plan.rows.length);
  const freeze = plan.freeze;
  const pane =
    freeze && (freeze.rows > 0 || freeze.columns > 0)
      ? `<pane${freeze.columns ? ` xSplit="${freeze.columns}"` : ""}${freeze.rows ? ` ySplit="${freeze.rows}"` : ""} topLeftCell="${a1(freeze.rows, freeze.columns)}" activePane="${freeze.rows && freeze.columns ? "bottomRight" : freeze.rows ? "bottomLeft" : "topRight"}" state="frozen"/>`
      : "";
  const fit = plan.print?.fitToWidth ? '<pageSetUpPr fitToPage="1"/>' : "";
  const tab = plan.tabColor ? `<tabColor rgb="FF${plan.tabColor}"/>` : "";
  const sheetPr = tab || fit ? `<sheetPr>${tab}${fit}</sheetPr>` : "";
  const cols = plan.columnWidths
    .map((w, c) => `<col min="${c + 1}" max="${c + 1}" width="${w}" customWidth="1"/>`)
    .join("");
  const merges = plan.merges.length
    ? `<mergeCells count="${plan.merges.length}">${plan.merges.map((m) => `<mergeCell ref="${rangeRef(m)}"/>`).join("")}</mergeCells>`
    : "";
  const margins = plan.print?.margins ?? { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6 };
  const pageSetup = plan.print
    ? `<pageSetup paperSize="9" orientation="${plan.print.orientation}"${plan.print.fitToWidth ? ' fitToWidth="1" fitToHeight="0"' : ""}/>`
    : "";
  const printOptions = plan.print?.centerHorizontally ? '<printOptions horizontalCentered="1"/>' : "";
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<worksheet xmlns="${mainNs}" xmlns:r="${relNs}">` +
    sheetPr +
    `<dimension ref="A1:${columnName(maxColumn)}${lastRow}"/>` +
    `<sheetViews><sheetView workbookViewId="0">${pane}</sheetView></sheetViews>` +
    '<sheetFormatPr defaultRowHeight="15"/>' +
    (cols ? `<cols>${cols}</cols>` : "") +
    `<sheetData>${rows.join("")}</sheetData>` +
    merges +
    (links.length ? `<hyperlinks>${links.join("")}</hyperlinks>` : "") +
    printOptions +
    `<pageMargins left="${margins.left}" right="${margins.right}" top="${margins.top}" bottom="${margins.bottom}" header="0.3" footer="0.3"/>` +
    pageSetup +
    "</worksheet>"
  );
}
