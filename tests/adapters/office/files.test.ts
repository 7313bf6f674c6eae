// The host port's file operations over Office.js, against the fake Excel: saveFile is the browser's
// download (Office.js has no save dialog); openWorkbook is Excel.createWorkbook where ExcelApi 1.8 has it.
import { createOfficeHost } from "../../../src/adapters/office";
import { type HostFile, hostProblemOf } from "../../../src/host";
import { renderWorkbookBytes } from "../../../src/adapters/xlsx/write/browser";
import { readWorkbook } from "../../../src/adapters/xlsx";
import { createFakeExcel } from "../../fake-excel";

const workbookFile = (): HostFile => ({
  name: "通报（第2期）.xlsx",
  bytes: renderWorkbookBytes({
    sheets: [
      { name: "通报（第2期）", rows: [[{ value: "青山区" }]], styles: {}, merges: [], columnWidths: [] },
    ],
  }),
});

describe("Office host files", () => {
  test("saveFile hands the bytes to the download, unchanged", async () => {
    const offered: HostFile[] = [];
    const host = createOfficeHost({ excel: createFakeExcel([]) as any, download: (f) => offered.push(f) });
    const file = workbookFile();
    expect(await host.saveFile(file)).toEqual({ via: "download" });
    expect(offered).toEqual([file]);
  });

  test("openWorkbook sends the package as base64 to Excel.createWorkbook; Excel gets the same workbook", async () => {
    const excel = createFakeExcel([]);
    const host = createOfficeHost({ excel: excel as any, supports: () => true });
    const file = workbookFile();
    expect(await host.openWorkbook(file)).toEqual({ opened: true });
    expect(excel.created).toHaveLength(1);
    const back = readWorkbook(new Uint8Array(Buffer.from(excel.created[0]!, "base64")));
    expect(back.sheets.map((s) => [s.name, s.values[0]?.[0]])).toEqual([["通报（第2期）", "青山区"]]);
  });

  test("without ExcelApi 1.8 or without createWorkbook, openWorkbook says it cannot (the pane downloads)", async () => {
    const below = createFakeExcel([]);
    expect(
      await createOfficeHost({ excel: below as any, supports: (m) => m < 8 }).openWorkbook(workbookFile()),
    ).toEqual({ opened: false });
    expect(below.created).toEqual([]);
    const missing = createFakeExcel([], { createWorkbook: false });
    expect(await createOfficeHost({ excel: missing as any }).openWorkbook(workbookFile())).toEqual({
      opened: false,
    });
  });

  test("a workbook over the request limit is a host problem naming the payload, not a silent loss", async () => {
    const excel = createFakeExcel([], { payloadLimit: 1000 });
    const error = await createOfficeHost({ excel: excel as any })
      .openWorkbook(workbookFile())
      .catch((e: unknown) => e);
    expect(hostProblemOf(error)).toMatchObject({ code: "host-call-failed", reason: "payload-too-large" });
  });
});
