// The WPS shell without a browser: ribbon.xml's tab and buttons, the ribbon page's callbacks over
// the fake ET application, and the deployment switch (`--env base=URL`) and publish files.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { BUTTONS, PANE_ID_KEY, paneUrl, showPane } from "../../src/wps/pane";
import { requestFromUrl } from "../../src/taskpane/request";
import { type FakeTaskPane, createFakeEt } from "../fake-et";

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the CommonJS helper webpack.config.js uses
const deploy = require("../../scripts/deploy.js") as {
  DEV_BASE: string;
  FOLDER: string;
  deploymentBase(value: unknown): string | undefined;
  rebaseManifest(content: string, base: string | undefined): string;
  publishXml(): string;
  jspluginsXml(base: string): string;
};

const ROOT = join(__dirname, "..", "..");
const ribbonXml = readFileSync(join(ROOT, "src/wps/ribbon.xml"), "utf8");

describe("ribbon.xml", () => {
  test("one tab 台账助手 with the Excel add-in's four buttons, each wired to OnAction and GetImage", () => {
    expect(ribbonXml).toMatch(
      /<customUI xmlns="http:\/\/schemas.microsoft.com\/office\/2006\/01\/customui" onLoad="OnAddinLoad">/,
    );
    const tabs = [...ribbonXml.matchAll(/<tab id="(\w+)" label="([^"]+)"/g)].map((m) => m[2]);
    expect(tabs).toEqual(["台账助手"]);
    const buttons = [...ribbonXml.matchAll(/<button id="(\w+)" label="([^"]+)"([^>]*)\/>/g)];
    expect(buttons.map((b) => b[2])).toEqual(["校验台账", "生成通报", "考核评分", "打开面板"]);
    for (const b of buttons) {
      expect(b[3]).toContain('onAction="OnAction"');
      expect(b[3]).toContain('getImage="GetImage"');
      expect(Object.keys(BUTTONS)).toContain(b[1]);
    }
    // The same views as the Excel ribbon (manifest.xml's ShowTaskpane URLs).
    expect(BUTTONS.btnValidate && requestFromUrl(new URL(BUTTONS.btnValidate, "file:///x/").search)).toEqual({
      view: "validate",
      run: true,
    });
    expect(requestFromUrl(new URL(BUTTONS.btnNotice!, "file:///x/").search)).toEqual({
      view: "notice",
      run: true,
    });
    expect(requestFromUrl(new URL(BUTTONS.btnScore!, "file:///x/").search)).toEqual({
      view: "score",
      run: true,
    });
    expect(BUTTONS.btnOpen).toBeNull();
  });
});

describe("the ribbon page", () => {
  const base = "file:///home/u/.local/share/Kingsoft/wps/jsaddons/taizhang_0.1.0/index.html";

  test("the first click creates the task pane at the button's view; later clicks navigate the same pane", () => {
    const et = createFakeEt([{ name: "S", rows: [] }]);
    const app = et.Application as any;
    const first = showPane(app, paneUrl(BUTTONS.btnValidate!, base), base) as FakeTaskPane;
    expect(et.Application.taskPanes).toHaveLength(1);
    expect(first.Visible).toBe(true);
    expect(first.url).toMatch(
      /^file:\/\/\/home\/u\/.*\/taizhang_0\.1\.0\/taskpane\.html\?view=validate&run=1&click=\d+$/,
    );
    expect(app.PluginStorage.getItem(PANE_ID_KEY)).toBe(first.ID);

    const created = first.url;
    first.Visible = false; // the user closed it
    const again = showPane(app, paneUrl(BUTTONS.btnValidate!, base), base) as FakeTaskPane;
    expect(again).toBe(first);
    expect(et.Application.taskPanes).toHaveLength(1);
    expect(again.Visible).toBe(true);
    // The same button again gives a new URL each time, so the view runs again.
    showPane(app, paneUrl(BUTTONS.btnValidate!, base), base);
    expect(again.navigations).toHaveLength(2);
    expect(new Set([created, ...again.navigations]).size).toBe(3);

    showPane(app, null, base); // 打开面板: shown as it is, not navigated
    expect(again.navigations).toHaveLength(2);
  });

  test("打开面板 first creates the pane at the plain task pane page", () => {
    const et = createFakeEt([{ name: "S", rows: [] }]);
    const pane = showPane(et.Application as any, null, base) as FakeTaskPane;
    expect(pane.url).toBe("file:///home/u/.local/share/Kingsoft/wps/jsaddons/taizhang_0.1.0/taskpane.html");
  });
});

describe("deployment switch and publish files", () => {
  test("--env base must be an https address; it replaces every localhost address in manifest.xml", () => {
    expect(deploy.deploymentBase(undefined)).toBeUndefined();
    expect(deploy.deploymentBase("https://oa.example.gov.cn/taizhang/")).toBe(
      "https://oa.example.gov.cn/taizhang",
    );
    expect(() => deploy.deploymentBase("http://oa.example.gov.cn/taizhang")).toThrow(/https/);
    expect(() => deploy.deploymentBase("oa.example.gov.cn")).toThrow(/not a URL/);
    const manifest = readFileSync(join(ROOT, "manifest.xml"), "utf8");
    const moved = deploy.rebaseManifest(manifest, "https://oa.example.gov.cn/taizhang");
    expect(moved).not.toContain("localhost");
    expect(moved.match(/https:\/\/oa\.example\.gov\.cn\/taizhang\//g)?.length).toBe(
      manifest.match(/https:\/\/localhost:3000\//g)?.length,
    );
    expect(moved).toContain(
      '<SourceLocation DefaultValue="https://oa.example.gov.cn/taizhang/taskpane.html" />',
    );
    expect(deploy.rebaseManifest(manifest, undefined)).toBe(manifest);
  });

  test("publish.xml registers the folder beside it, as Kingsoft's wpsjs writes it; jsplugins.xml points at the base", () => {
    expect(deploy.FOLDER).toBe(
      `taizhang_${JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).version}`,
    );
    expect(deploy.publishXml()).toContain(
      `<jsplugin name="taizhang" type="et" url="${deploy.FOLDER}" version="0.1.0" enable="enable_dev" install="null" customDomain=""/>`,
    );
    expect(deploy.jspluginsXml("https://oa.example.gov.cn/a&b")).toContain(
      `<jspluginonline name="taizhang" type="et" url="https://oa.example.gov.cn/a&amp;b/wps/${deploy.FOLDER}/"/>`,
    );
  });
});
