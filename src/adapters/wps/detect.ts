/**
 * Is this page running inside WPS? WPS injects `window.Application` (the ET application, with the
 * add-in root's `CreateTaskPane`/`PluginStorage`) into its add-in pages; Office.js defines `Office`.
 * A page with an ET-shaped `Application` and no `Office.context` is in WPS.
 */
export function isWpsHost(global: unknown = globalThis): boolean {
  const g = global as { Application?: unknown; Office?: { context?: unknown } };
  if (g.Office?.context) return false;
  const app = g.Application as
    { Worksheets?: unknown; ActiveWorkbook?: unknown; Range?: unknown } | undefined;
  if (typeof app !== "object" || app === null) return false;
  // Reading ActiveWorkbook is a host call; the shape check is on what the object exposes.
  return "ActiveWorkbook" in app && ("PluginStorage" in app || "CreateTaskPane" in app);
}
