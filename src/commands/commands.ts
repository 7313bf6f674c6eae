/**
 * The ribbon's function file (commands.html). Each ExecuteFunction button records which view the
 * task pane should open and run, then opens the pane (`Office.addin.showAsTaskpane`, SharedRuntime
 * 1.1). Where that API is missing the request stays stored and the pane runs it the next time it
 * opens (打开面板). `event.completed()` is always called, or Office shows the button as busy forever.
 */
import { type PaneView, storeRequest } from "../taskpane/request";

type CommandEvent = { completed: () => void };

async function openPane(view: PaneView, event: CommandEvent): Promise<void> {
  try {
    storeRequest(window.localStorage, view, true);
    const addin = (Office as unknown as { addin?: { showAsTaskpane?: () => Promise<void> } }).addin;
    if (addin?.showAsTaskpane && Office.context.requirements.isSetSupported("SharedRuntime", "1.1")) {
      await addin.showAsTaskpane();
    }
  } catch {
    // Opening the pane failed (e.g. no shared runtime): the stored request still waits for 打开面板.
  } finally {
    event.completed();
  }
}

export function validateLedger(event: CommandEvent) {
  return openPane("validate", event);
}

export function generateNotice(event: CommandEvent) {
  return openPane("notice", event);
}

export function scoreAssessment(event: CommandEvent) {
  return openPane("score", event);
}

void Office.onReady(() => {
  Office.actions.associate("validateLedger", validateLedger);
  Office.actions.associate("generateNotice", generateNotice);
  Office.actions.associate("scoreAssessment", scoreAssessment);
});
