/**
 * The pane's one detection point: which spreadsheet host it runs in, and the host port for it. The
 * views never import an adapter (lint enforces it); they get the host from `HostContext`.
 * Office (Excel) today; WPS 表格 is detected here next.
 */
import { createContext, useContext } from "react";
import { createOfficeHost } from "../adapters/office";
import type { SpreadsheetHost } from "../host";

/** The host the pane was opened in. */
export function detectHost(): SpreadsheetHost {
  return createOfficeHost();
}

export const HostContext = createContext<SpreadsheetHost | null>(null);

/** The host port, for a view. */
export function useHost(): SpreadsheetHost {
  const host = useContext(HostContext);
  if (!host) throw new Error("The task pane was rendered without a host (HostContext).");
  return host;
}
