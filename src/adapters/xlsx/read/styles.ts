/**
 * Number formats from `xl/styles.xml`: a cell's `s` attribute indexes `<cellXfs>`, whose `numFmtId`
 * is either a custom code from `<numFmts>` or one of Excel's built-in formats below.
 */
import { elementContent, forEachElement, rootPrefix } from "./xml";

/**
 * Excel's built-in number formats (ECMA-376 Part 1, 18.8.30). Ids 14 and 22 are written as Excel
 * shows them in a Chinese locale (the users of this tool), which is also unambiguous about the year.
 * Ids 27–36 and 50–58 are locale-specific; in Chinese (zh-CN) Excel they are dates and times, so a
 * file saved there refers to them for `2022年3月1日`-style cells.
 */
export const BUILTIN_NUMBER_FORMATS: Readonly<Record<number, string>> = {
  0: "General",
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  5: '"¥"#,##0;"¥"\\-#,##0',
  6: '"¥"#,##0;[Red]"¥"\\-#,##0',
  7: '"¥"#,##0.00;"¥"\\-#,##0.00',
  8: '"¥"#,##0.00;[Red]"¥"\\-#,##0.00',
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  12: "# ?/?",
  13: "# ??/??",
  14: "yyyy/m/d",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: "yyyy/m/d h:mm",
  27: 'yyyy"年"m"月"',
  28: 'm"月"d"日"',
  29: 'm"月"d"日"',
  30: "m-d-yy",
  31: 'yyyy"年"m"月"d"日"',
  32: 'h"时"mm"分"',
  33: 'h"时"mm"分"ss"秒"',
  34: '上午/下午h"时"mm"分"',
  35: '上午/下午h"时"mm"分"ss"秒"',
  36: 'yyyy"年"m"月"',
  37: "#,##0 ;(#,##0)",
  38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00;(#,##0.00)",
  40: "#,##0.00;[Red](#,##0.00)",
  41: '_(* #,##0_);_(* \\(#,##0\\);_(* "-"_);_(@_)',
  42: '_("¥"* #,##0_);_("¥"* \\(#,##0\\);_("¥"* "-"_);_(@_)',
  43: '_(* #,##0.00_);_(* \\(#,##0.00\\);_(* "-"??_);_(@_)',
  44: '_("¥"* #,##0.00_);_("¥"* \\(#,##0.00\\);_("¥"* "-"??_);_(@_)',
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mm:ss.0",
  48: "##0.0E+0",
  49: "@",
  50: 'yyyy"年"m"月"',
  51: 'm"月"d"日"',
  52: 'yyyy"年"m"月"',
  53: 'm"月"d"日"',
  54: 'm"月"d"日"',
  55: '上午/下午h"时"mm"分"',
  56: '上午/下午h"时"mm"分"ss"秒"',
  57: 'yyyy"年"m"月"',
  58: 'm"月"d"日"',
};

/**
 * The number format code of every cell style (`cellXfs` index → code), `undefined` for `General`
 * and for ids that are neither custom nor built in.
 */
export function parseCellFormats(xml: string, part: string): Array<string | undefined> {
  const prefix = rootPrefix(xml, "styleSheet", part);
  const custom = new Map<number, string>();
  const numFmts = elementContent(xml, prefix + "numFmts", 0, part);
  if (numFmts) {
    forEachElement(xml, prefix + "numFmt", numFmts.start, numFmts.end, part, (tag) => {
      const id = Number(tag.attributes["numFmtId"]);
      const code = tag.attributes["formatCode"];
      if (Number.isInteger(id) && code !== undefined) custom.set(id, code);
    });
  }
  const formats: Array<string | undefined> = [];
  const cellXfs = elementContent(xml, prefix + "cellXfs", 0, part);
  if (!cellXfs) return formats;
  forEachElement(xml, prefix + "xf", cellXfs.start, cellXfs.end, part, (tag) => {
    const id = Number(tag.attributes["numFmtId"] ?? 0);
    const code = custom.get(id) ?? BUILTIN_NUMBER_FORMATS[id];
    formats.push(code === undefined || code === "General" ? undefined : code);
  });
  return formats;
}
