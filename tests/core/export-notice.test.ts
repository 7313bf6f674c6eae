/** 导出通报's choice of notice (SPEC §11): the latest 综合通报 written, else the next one. */
import {
  type CellValue,
  HISTORY_HEADERS,
  type SheetGrid,
  type WorkbookGrid,
  exportedNotice,
} from "../../src/core";

const grid = (name: string, values: CellValue[][]): SheetGrid => ({
  name,
  values,
  numberFormats: [],
  merges: [],
});
const workbook = (...sheets: SheetGrid[]): WorkbookGrid => ({ sheets, date1904: false });
const HEAD = [...HISTORY_HEADERS];

test("the latest 综合通报 in 通报记录, whatever 设置 and the 专项通报 say", () => {
  const history = grid("通报记录", [
    HEAD,
    [1, "2022-09-30", "青山区", "县市区", 10, 5, 0.5, 1, "是", "", ""],
    [3, "2022-10-31", "青山区", "县市区", 10, 8, 0.8, 1, "是", "", ""],
    [2, "2022-10-15", "青山区", "县市区", 10, 6, 0.6, 1, "是", "", ""],
    [7, "2022-11-20", "青山区", "县市区", 4, 2, 0.5, 1, "", "", "组织建设"],
  ]);
  const settings = grid("设置", [
    ["项目", "值"],
    ["通报期数", "第4期"],
    ["统计截止日期", "2022/11/30"],
  ]);
  expect(exportedNotice(workbook(history, settings), "2022-12-01")).toEqual({
    period: 3,
    asOf: "2022-10-31",
  });
});

test("no 综合通报 written yet: the next notice, as the notice form would choose it", () => {
  const special = grid("通报记录", [
    HEAD,
    [7, "2022-11-20", "青山区", "县市区", 4, 2, 0.5, 1, "", "", "组织建设"],
  ]);
  expect(exportedNotice(workbook(special), "2022-12-01")).toEqual({ period: 1, asOf: "2022-12-01" });
  const settings = grid("设置", [
    ["项目", "值"],
    ["通报期数", "第4期"],
    ["统计截止日期", "2022/11/30"],
  ]);
  expect(exportedNotice(workbook(settings), "2022-12-01")).toEqual({ period: 4, asOf: "2022-11-30" });
});
