// The host port's file operations over the fake ET: the save dialog and WPS's file system, a new
// window from the temp folder, and the browser download where the add-in root has no file system.
import { createWpsHost } from "../../../src/adapters/wps";
import { readWorkbook } from "../../../src/adapters/xlsx";
import { renderWorkbookBytes } from "../../../src/adapters/xlsx/write/browser";
import { type HostFile, hostProblemOf } from "../../../src/host";
import { FAKE_DOCUMENTS, FAKE_TEMP, createFakeEt, fakeFileBytes } from "../../fake-et";

const noYield = () => Promise.resolve();
const file = (): HostFile => ({
  name: "青山区-退回修改.xlsx",
  bytes: renderWorkbookBytes({
    sheets: [
      {
        name: "退回修改说明",
        rows: [[{ value: "请于2022年11月2日前修改后重新报送" }]],
        styles: {},
        merges: [],
        columnWidths: [],
      },
    ],
  }),
});
const hostOf = (et: ReturnType<typeof createFakeEt>, download?: (f: HostFile) => void) =>
  createWpsHost(et.Application as any, {
    yieldNow: noYield,
    files: et.Application as any,
    ...(download ? { download } : {}),
  });

describe("WPS host files", () => {
  test("saveFile asks where through WPS's save dialog and writes every byte there", async () => {
    const et = createFakeEt([]);
    const f = file();
    const outcome = await hostOf(et).saveFile(f);
    const path = `${FAKE_DOCUMENTS}\\青山区-退回修改.xlsx`;
    expect(outcome).toEqual({ via: "dialog", path });
    expect(et.state.dialogs).toEqual(["另存为：青山区-退回修改.xlsx（Excel 工作簿 (*.xlsx),*.xlsx）"]);
    expect(fakeFileBytes(et.state, path)).toEqual(f.bytes);
    expect(readWorkbook(fakeFileBytes(et.state, path)).sheets[0]!.values[0]![0]).toBe(
      "请于2022年11月2日前修改后重新报送",
    );
  });

  test("a cancelled dialog writes nothing and says so", async () => {
    const et = createFakeEt([], { saveAs: false });
    expect(await hostOf(et).saveFile(file())).toEqual({ via: "cancelled" });
    expect(et.state.files.size).toBe(0);
  });

  test("without WPS's file system the file is a browser download", async () => {
    const et = createFakeEt([], { fileSystem: false });
    const offered: HostFile[] = [];
    expect(await hostOf(et, (f) => offered.push(f)).saveFile(file())).toEqual({ via: "download" });
    expect(offered.map((f) => f.name)).toEqual(["青山区-退回修改.xlsx"]);
    expect(await hostOf(et).openWorkbook(file())).toEqual({ opened: false });
  });

  test("openWorkbook writes the package to the temp folder and opens it; the open workbook is untouched", async () => {
    const et = createFakeEt([{ name: "台账", rows: [["a"]] }]);
    const f = file();
    expect(await hostOf(et).openWorkbook(f)).toEqual({ opened: true });
    expect(et.state.opened).toHaveLength(1);
    const path = et.state.opened[0]!;
    expect(path.startsWith(FAKE_TEMP)).toBe(true);
    expect(path.endsWith("-青山区-退回修改.xlsx")).toBe(true);
    expect(fakeFileBytes(et.state, path)).toEqual(f.bytes);
    expect(et.model.sheets.map((s) => s.name)).toEqual(["台账"]);
  });

  test("a write WPS refuses is a host problem, not a silent loss", async () => {
    const et = createFakeEt([]);
    const bad = { name: "x.xlsx", bytes: new Uint8Array([0x50, 0x4b]) };
    // A full disk or a read-only folder: WPS's write answers false.
    Object.defineProperty(et.Application, "FileSystem", {
      get: () => ({ writeAsBinaryString: () => false, Exists: () => false }),
    });
    const error = await hostOf(et)
      .saveFile(bad)
      .catch((e: unknown) => e);
    expect(hostProblemOf(error)).toMatchObject({ code: "wps-call-failed" });
  });
});
