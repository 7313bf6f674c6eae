// Static checks of manifest.xml (no network): ids, resource references, icons, functions, locales.
import { readFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { requestFromUrl } from "../src/taskpane/request";

interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
}

/** A small XML parser for the manifest: elements, attributes, text; comments and the prolog skipped. */
function parseXml(xml: string): XmlElement {
  const root: XmlElement = { name: "#root", attrs: {}, children: [], text: "" };
  const stack = [root];
  const token =
    /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<\/([\w:.-]+)\s*>|<([\w:.-]+)((?:\s+[\w:.-]+\s*=\s*"[^"]*")*)\s*(\/?)>|([^<]+)/g;
  const decode = (s: string) =>
    s
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, "&");
  let m: RegExpExecArray | null;
  let consumed = 0;
  while ((m = token.exec(xml))) {
    if (m.index !== consumed) throw new Error(`unparsed XML at ${consumed}`);
    consumed = token.lastIndex;
    const top = stack[stack.length - 1]!;
    if (m[1]) {
      if (top.name !== m[1]) throw new Error(`</${m[1]}> closes <${top.name}>`);
      stack.pop();
    } else if (m[2]) {
      const attrs: Record<string, string> = {};
      for (const a of m[3]!.matchAll(/([\w:.-]+)\s*=\s*"([^"]*)"/g)) attrs[a[1]!] = decode(a[2]!);
      const el: XmlElement = { name: m[2], attrs, children: [], text: "" };
      top.children.push(el);
      if (!m[4]) stack.push(el);
    } else if (m[5]) top.text += decode(m[5]).trim();
  }
  if (consumed !== xml.length || stack.length !== 1) throw new Error("malformed XML");
  return root;
}

function all(el: XmlElement, pred: (e: XmlElement) => boolean, out: XmlElement[] = []): XmlElement[] {
  if (pred(el)) out.push(el);
  for (const c of el.children) all(c, pred, out);
  return out;
}
const named = (root: XmlElement, name: string) => all(root, (e) => e.name === name);

function pngSize(file: string): { width: number; height: number } {
  const buf = readFileSync(file);
  expect(buf.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(buf.subarray(12, 16).toString("ascii")).toBe("IHDR");
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

const root = join(__dirname, "..");
const xml = parseXml(readFileSync(join(root, "manifest.xml"), "utf8"));
const resources = named(xml, "Resources")[0]!;
const resourceIds = new Map(
  all(resources, (e) => "id" in e.attrs && "DefaultValue" in e.attrs).map((e) => [e.attrs.id!, e] as const),
);

function assetFor(url: string): string {
  const m = /^https:\/\/localhost:3000\/(assets\/[\w.-]+\.png)$/.exec(url);
  expect(m).not.toBeNull();
  return join(root, m![1]!);
}

describe("manifest.xml", () => {
  test("is a task pane add-in for Excel workbooks, Chinese by default, ExcelApi 1.7 minimum", () => {
    const app = named(xml, "OfficeApp")[0]!;
    expect(app.attrs["xsi:type"]).toBe("TaskPaneApp");
    expect(named(xml, "DefaultLocale")[0]!.text).toBe("zh-CN");
    expect(named(named(xml, "Hosts")[0]!, "Host").map((h) => h.attrs.Name)).toEqual(["Workbook"]);
    expect(named(xml, "Set").map((s) => [s.attrs.Name, s.attrs.MinVersion])).toEqual([["ExcelApi", "1.7"]]);
    expect(named(xml, "SourceLocation")[0]!.attrs.DefaultValue).toBe("https://localhost:3000/taskpane.html");
    expect(resourceIds.get("Commands.Url")!.attrs.DefaultValue).toBe("https://localhost:3000/commands.html");
    expect(named(xml, "Id")[0]!.text).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
    );
  });

  test("ids are unique", () => {
    const ids = all(xml, (e) => "id" in e.attrs).map((e) => e.attrs.id!);
    expect(ids.length).toBeGreaterThan(10);
    expect(new Set(ids).size).toBe(ids.length);
  });

  test("every resid resolves to a resource of the right kind", () => {
    const refs = all(xml, (e) => "resid" in e.attrs);
    expect(refs.length).toBeGreaterThan(20);
    for (const ref of refs) {
      const target = resourceIds.get(ref.attrs.resid!);
      expect({ resid: ref.attrs.resid, found: !!target }).toEqual({ resid: ref.attrs.resid, found: true });
      const kind =
        ref.name === "bt:Image"
          ? "bt:Image"
          : ["FunctionFile", "SourceLocation", "LearnMoreUrl"].includes(ref.name)
            ? "bt:Url"
            : "bt:String";
      expect(target!.name).toBe(kind);
    }
  });

  test("the ribbon tab 台账助手 has the four buttons, each opening the one task pane", () => {
    const tab = named(xml, "CustomTab")[0]!;
    const label = (el: XmlElement) =>
      resourceIds.get(named(el, "Label").at(-1)!.attrs.resid!)!.attrs.DefaultValue;
    expect(
      resourceIds.get(tab.children.find((c) => c.name === "Label")!.attrs.resid!)!.attrs.DefaultValue,
    ).toBe("台账助手");
    const buttons = named(tab, "Control").map((c) => [
      resourceIds.get(named(c, "Label")[0]!.attrs.resid!)!.attrs.DefaultValue,
      named(c, "Action")[0]!.attrs["xsi:type"],
      named(c, "TaskpaneId")[0]?.text,
    ]);
    expect(buttons).toEqual([
      ["校验台账", "ShowTaskpane", "Taizhang.Taskpane"],
      ["生成通报", "ShowTaskpane", "Taizhang.Taskpane"],
      ["考核评分", "ShowTaskpane", "Taizhang.Taskpane"],
      ["打开面板", "ShowTaskpane", "Taizhang.Taskpane"],
    ]);
    expect(label(tab)).toBe("台账助手");
  });

  test("each command button's URL asks the pane for its view and a run; 打开面板 just opens it", () => {
    const tab = named(xml, "CustomTab")[0]!;
    const requests = named(tab, "Control").map((c) => {
      const url = new URL(resourceIds.get(named(c, "SourceLocation")[0]!.attrs.resid!)!.attrs.DefaultValue!);
      expect(`${url.origin}${url.pathname}`).toBe("https://localhost:3000/taskpane.html");
      return requestFromUrl(url.search);
    });
    expect(requests).toEqual([
      { view: "validate", run: true },
      { view: "notice", run: true },
      { view: "score", run: true },
      null,
    ]);
    // No button needs the function file's runtime (so no SharedRuntime requirement).
    expect(named(xml, "FunctionName")).toEqual([]);
    expect(named(xml, "Runtimes")).toEqual([]);
  });

  test("every icon URL is a PNG in assets/ of the size it is declared at", () => {
    const checked: string[] = [];
    for (const use of all(xml, (e) => e.name === "bt:Image" && "size" in e.attrs)) {
      const url = resourceIds.get(use.attrs.resid!)!.attrs.DefaultValue!;
      const size = Number(use.attrs.size);
      expect(pngSize(assetFor(url))).toEqual({ width: size, height: size });
      checked.push(`${size}`);
    }
    expect(new Set(checked)).toEqual(new Set(["16", "32", "80"]));
    expect(pngSize(assetFor(named(xml, "IconUrl")[0]!.attrs.DefaultValue!))).toEqual({
      width: 32,
      height: 32,
    });
    expect(pngSize(assetFor(named(xml, "HighResolutionIconUrl")[0]!.attrs.DefaultValue!))).toEqual({
      width: 64,
      height: 64,
    });
  });

  test("each ribbon button has its own icon, different at every size", () => {
    const tab = named(xml, "CustomTab")[0]!;
    const controls = named(tab, "Control");
    for (const size of ["16", "32", "80"]) {
      const files = controls.map((c) => {
        const image = named(c, "bt:Image").find((i) => i.attrs.size === size)!;
        return readFileSync(assetFor(resourceIds.get(image.attrs.resid!)!.attrs.DefaultValue!)).toString(
          "base64",
        );
      });
      expect(new Set(files).size).toBe(controls.length);
    }
  });

  test("SupportUrl is the help page shipped with the add-in, which explains every button", () => {
    const url = named(xml, "SupportUrl")[0]!.attrs.DefaultValue!;
    expect(url).toBe("https://localhost:3000/help.html");
    const help = readFileSync(join(root, "help.html"), "utf8");
    for (const label of [
      "校验台账",
      "生成通报",
      "考核评分",
      "打开面板",
      "红榜",
      "黑榜",
      "末位驻点",
      "标准台账",
    ])
      expect(help).toContain(label);
    expect(readFileSync(join(root, "webpack.config.js"), "utf8")).toContain('from: "help.html"');
  });

  test("the function file the form factor requires is served and associates no stale command", () => {
    expect(resourceIds.get(named(xml, "FunctionFile")[0]!.attrs.resid!)!.attrs.DefaultValue).toBe(
      "https://localhost:3000/commands.html",
    );
    const source = readFileSync(join(root, "src/commands/commands.ts"), "utf8");
    expect(source).toContain("Office.onReady");
    expect(source).not.toContain("Office.actions.associate(");
  });

  test("both locales have every string", () => {
    const strings = [
      ...all(resources, (e) => e.name === "bt:String"),
      ...named(xml, "DisplayName"),
      ...named(xml, "Description").filter((d) => "DefaultValue" in d.attrs),
    ];
    expect(strings.length).toBeGreaterThan(10);
    for (const s of strings) {
      expect(s.attrs.DefaultValue).toMatch(/[\u4e00-\u9fff]/);
      const en = s.children.find((c) => c.attrs.Locale === "en-US");
      expect({ id: s.attrs.id ?? s.name, en: (en?.attrs.Value?.length ?? 0) > 0 }).toEqual({
        id: s.attrs.id ?? s.name,
        en: true,
      });
      expect(en!.attrs.Value).toMatch(/^[\x20-\x7e]+$/);
    }
    expect(existsSync(join(root, "assets/icon-16.png"))).toBe(true);
  });
});
