// The host port over the fake ET: what the pane gets from createWpsHost.
import { createWpsHost } from "../../../src/adapters/wps";
import { HostError, hostProblemOf } from "../../../src/host";
import type { SheetPlan } from "../../../src/core/plan";
import { createFakeEt } from "../../fake-et";

const noYield = () => Promise.resolve();
const plan = (name: string, extra: Partial<SheetPlan> = {}): SheetPlan => ({
  name,
  rows: [[{ value: "=不是公式" }, { value: 1 }]],
  styles: {},
  merges: [],
  columnWidths: [],
  ...extra,
});

describe("createWpsHost", () => {
  test("reads with the date system, lists sheets with ownership, writes and says what it left out", async () => {
    const et = createFakeEt([{ name: "台账", rows: [["a"]] }], { date1904: true });
    const host = createWpsHost(et.Application as any, { yieldNow: noYield });
    expect(host.name).toBe("wps");
    expect(host.capabilities.dateSystem).toBe(true);
    const read = await host.readWorkbook();
    expect([read.date1904, read.notes, read.sheets.map((s) => s.name)]).toEqual([true, [], ["台账"]]);
    const notes = await host.writeSheets(
      [
        {
          plan: plan("通报", {
            bars: [{ range: { top: 0, left: 1, bottom: 0, right: 1 }, color: "5B9BD5" }],
          }),
          kind: "notice",
        },
        { plan: plan("通报记录", { visibility: "hidden" }), kind: "history" },
      ],
      { replace: new Set(), activate: "通报" },
    );
    expect(notes).toEqual([{ code: "visuals-skipped", visual: "data-bars" }]);
    expect(await host.listSheets()).toEqual([
      { name: "台账", visible: true, status: "foreign" },
      { name: "通报", visible: true, status: "notice" },
      { name: "通报记录", visible: false, status: "history" },
    ]);
    expect(et.model.selection).toEqual({ sheet: "通报", address: "A1" });
    expect(et.model.sheet("通报")!.getValue(0, 0)).toBe("=不是公式");
    // Replacing ours only when the pane names it.
    await expect(
      host.writeSheets([{ plan: plan("通报"), kind: "notice" }], { replace: new Set() }),
    ).rejects.toMatchObject({
      problem: { code: "replace-cancelled", sheet: "通报" },
    });
    await host.writeSheets([{ plan: plan("通报"), kind: "notice" }], { replace: new Set(["通报"]) });
    await expect(
      host.writeSheets([{ plan: plan("台账"), kind: "notice" }], { replace: new Set(["台账"]) }),
    ).rejects.toMatchObject({
      problem: { code: "sheet-not-owned", sheet: "台账" },
    });
  });

  test("failures reach the pane as host problems: no workbook, a WPS error", async () => {
    const none = createWpsHost(createFakeEt([], { noWorkbook: true }).Application as any);
    const error = await none.readWorkbook().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HostError);
    expect(hostProblemOf(error)).toEqual({ code: "no-workbook" });
    const et = createFakeEt([{ name: "S", rows: [] }]);
    const host = createWpsHost(et.Application as any, { yieldNow: noYield });
    // "Sheet/1" is not a valid sheet name: WPS's own error, carried as its text.
    const failed = await host
      .writeCells("S/1", [{ cell: "A1", value: 1 }], { create: true })
      .catch((e: unknown) => e);
    expect(hostProblemOf(failed)).toEqual({ code: "wps-call-failed", detail: "工作表名称无效：S/1" });
  });
});
