/**
 * The document model of what the product publishes (SPEC §7): paragraphs, headings and tables with
 * the text people read. The notice sheets and the Word notice are two renderings of one model, so
 * their text is the same; the validation report (附件3) is a table of the same kind.
 */

/** A table cell: the text people read, and for figures the number a sheet stores. */
export interface DocCell {
  readonly text: string;
  /** A number the sheet writes instead of the text (formatted by `format`). */
  readonly number?: number;
  /** `rate`: `number` is a fraction shown as `0.0%`; `date`: `text` is `YYYY-MM-DD`, written as a date. */
  readonly format?: "rate" | "date";
  /** Red or black list fill. */
  readonly tone?: "red" | "black";
  /** Error or warning fill (validation report). */
  readonly severity?: "error" | "warning";
  /** A place in the same workbook the cell links to (sheets only). */
  readonly link?: { readonly sheet: string; readonly cell: string };
}

export interface DocTable {
  readonly headers: readonly string[];
  /** Column widths in Excel units (the sheet's columns; Word scales them to the text width). */
  readonly widths: readonly number[];
  readonly rows: ReadonlyArray<readonly DocCell[]>;
  readonly tone: "plain" | "red" | "black";
  /** Column (0-based) of 完成率, drawn with a bar in the sheet. */
  readonly barColumn?: number;
  /** Title of the bar chart of `barColumn` by the names in column 1 (the add-in draws it). */
  readonly chart?: string;
  /** Columns whose text is left-aligned and wraps (names, tasks, reasons); others are centred. */
  readonly textColumns: readonly number[];
}

export type DocBlock =
  | { readonly kind: "heading"; readonly level: 1 | 2; readonly text: string }
  /** A body paragraph; `lead` is a 二级标题 run at its start (`（一）未报送台账。`). */
  | { readonly kind: "paragraph"; readonly text: string; readonly lead?: string }
  | { readonly kind: "table"; readonly table: DocTable };

/** An attachment: `附件1`, its title, an optional intro, and its table (or one line when empty). */
export interface DocAttachment {
  readonly label: string;
  readonly title: string;
  /** Lines above the table (the report's summary). */
  readonly intro: readonly DocBlock[];
  readonly table: DocTable;
  /** The one line an empty attachment shows (`本期无逾期任务。`). */
  readonly empty: string;
}
