/**
 * The pane's one detection point: which spreadsheet host it runs in, and the host port for it. The
 * views never import an adapter (lint enforces it); they get the host from `HostContext`.
 * WPS 表格 when the page has WPS's `window.Application` and no Office.js; else Office (Excel).
 */
import { createContext, useContext } from "react";
import { createOfficeHost } from "../adapters/office";
import {
  type EtApplication,
  type WpsFiles,
  createWpsHost,
  isWpsHost,
  wpsDisplayLanguage,
} from "../adapters/wps";
import type { SpreadsheetHost } from "../host";

const wpsApplication = () => (globalThis as unknown as { Application: EtApplication }).Application;

/** The host the pane was opened in. */
export function detectHost(): SpreadsheetHost {
  if (!isWpsHost(globalThis)) return createOfficeHost();
  // WPS's add-in root (`window.wps`) carries the file system the pane saves 退回件 and exports with.
  const files = (globalThis as unknown as { wps?: WpsFiles }).wps;
  return createWpsHost(wpsApplication(), { files });
}

/** The host's display language (a tag like `zh-CN`), for the pane's words; undefined when unknown. */
export function hostDisplayLanguage(): string | undefined {
  if (typeof Office !== "undefined") return Office.context?.displayLanguage;
  return isWpsHost(globalThis) ? wpsDisplayLanguage(wpsApplication()) : undefined;
}

export const HostContext = createContext<SpreadsheetHost | null>(null);

/** The host port, for a view. */
export function useHost(): SpreadsheetHost {
  const host = useContext(HostContext);
  if (!host) throw new Error("The task pane was rendered without a host (HostContext).");
  return host;
}
