/**
 * WPS's display language, for the pane's words: `Application.LanguageSettings.LanguageID(2)`
 * (msoLanguageIDUI, declared in `et-jsapi-declare` lib.kso.d.ts as `LanguageID(Id: MsoAppLanguageID): number`)
 * is the LCID of WPS's user interface. Returned as a language tag; undefined when WPS does not say.
 */
import type { EtApplication } from "./et";

const MSO_LANGUAGE_ID_UI = 2;
const TAGS: Readonly<Record<number, string>> = {
  2052: "zh-CN",
  1028: "zh-TW",
  3076: "zh-HK",
  4100: "zh-SG",
  5124: "zh-MO",
  1033: "en-US",
  2057: "en-GB",
};

export function wpsDisplayLanguage(app: EtApplication): string | undefined {
  try {
    const lcid = Number(app.LanguageSettings.LanguageID(MSO_LANGUAGE_ID_UI));
    return TAGS[lcid] ?? (Number.isFinite(lcid) ? `lcid-${lcid}` : undefined);
  } catch {
    return undefined;
  }
}
