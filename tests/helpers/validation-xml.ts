/**
 * Reading data validations, sheet protection and cell locking back out of worksheet XML (ours or
 * LibreOffice's), normalised so both compare: booleans `1`/`true` → true, absent → undefined.
 */
import { unescapeXml } from "./xlsx-inspect";

export interface ValidationXml {
  readonly sqref: string;
  readonly type: string;
  readonly operator: string | undefined;
  readonly formula1: string | undefined;
  readonly formula2: string | undefined;
  readonly allowBlank: boolean;
  readonly showInputMessage: boolean;
  readonly showErrorMessage: boolean;
  readonly promptTitle: string | undefined;
  readonly prompt: string | undefined;
  readonly errorTitle: string | undefined;
  readonly error: string | undefined;
  readonly errorStyle: string;
}

function attributes(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of tag.matchAll(/([\w:]+)="([^"]*)"/g))
    out.set(m[1] ?? "", unescapeXml((m[2] ?? "").replace(/&#10;/g, "\n").replace(/&#xA;/gi, "\n")));
  return out;
}

const truthy = (v: string | undefined) => v === "1" || v === "true";

/** Every `<dataValidation>` of a worksheet, sorted by sqref. */
export function validations(sheetXml: string): ValidationXml[] {
  const out: ValidationXml[] = [];
  for (const m of sheetXml.matchAll(/<dataValidation\b([^>]*?)(?:\/>|>([\s\S]*?)<\/dataValidation>)/g)) {
    const a = attributes(m[1] ?? "");
    const body = m[2] ?? "";
    const formula = (n: number) => {
      const f = new RegExp(`<formula${n}>([\\s\\S]*?)</formula${n}>`).exec(body)?.[1];
      return f === undefined ? undefined : unescapeXml(f);
    };
    out.push({
      sqref: a.get("sqref") ?? "",
      type: a.get("type") ?? "none",
      operator: a.get("operator"),
      formula1: formula(1),
      formula2: formula(2),
      allowBlank: truthy(a.get("allowBlank")),
      showInputMessage: truthy(a.get("showInputMessage")),
      showErrorMessage: truthy(a.get("showErrorMessage")),
      promptTitle: a.get("promptTitle"),
      prompt: a.get("prompt"),
      errorTitle: a.get("errorTitle"),
      error: a.get("error"),
      errorStyle: a.get("errorStyle") ?? "stop",
    });
  }
  return out.sort((x, y) => x.sqref.localeCompare(y.sqref));
}

/** The `<sheetProtection>` attributes, or undefined when the sheet is not protected. */
export function protection(sheetXml: string): Map<string, string> | undefined {
  const m = /<sheetProtection\b([^>]*)\/?>/.exec(sheetXml);
  return m === null ? undefined : attributes(m[1] ?? "");
}

/** Whether cell `ref` is locked, from its `s` index into styles.xml's cellXfs. */
export function cellLocked(sheetXml: string, stylesXml: string, ref: string): boolean {
  const cell = new RegExp(`<c r="${ref}"(?=[\\s/>])[^>]*>`).exec(sheetXml)?.[0];
  const s = Number(/\ss="(\d+)"/.exec(cell ?? "")?.[1] ?? 0);
  const xfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(stylesXml)?.[1] ?? "";
  const xf = [...xfs.matchAll(/<xf\b[^>]*?(?:\/>|>[\s\S]*?<\/xf>)/g)][s]?.[0] ?? "";
  const locked = /<protection\b[^>]*\slocked="([^"]*)"/.exec(xf)?.[1];
  return !(locked === "0" || locked === "false");
}
