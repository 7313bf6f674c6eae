/**
 * The WPS add-in's ribbon page (index.html, which WPS loads hidden when it starts): the callbacks
 * `ribbon.xml` names, as globals. What the buttons do is in pane.ts.
 */
import type { WpsAddonRoot } from "../adapters/wps";
import { BUTTONS, paneUrl, showPane } from "./pane";

const app = () => (window as unknown as { Application: WpsAddonRoot }).Application;

function OnAddinLoad(ribbonUI: unknown): boolean {
  app().ribbonUI = ribbonUI;
  return true;
}

function OnAction(control: { Id: string }): boolean {
  if (!(control.Id in BUTTONS)) return false;
  const page = BUTTONS[control.Id] ?? null;
  const base = document.location.href;
  showPane(app(), page === null ? null : paneUrl(page, base), base);
  return true;
}

/** Button images, relative to the add-in folder (as the samples' `GetImage` returns them). */
function GetImage(_control: { Id: string }): string {
  return "assets/icon-32.png";
}

Object.assign(window, { OnAddinLoad, OnAction, GetImage });
