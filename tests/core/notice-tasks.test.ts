/**
 * The overdue and due-soon lists' order (SPEC §7 附件1, 附件2): by unit in the notice's order, then
 * deadline, then row — whatever order the rows come in.
 */
import { isoToDay, listTasks } from "../../src/core";
import { ledgerRow } from "./notice-plan-fixture";

const asOf = isoToDay("2022-10-31")!;
const UNITS = [
  { unit: "江南区", group: "县市区" as const },
  { unit: "青山区", group: "县市区" as const },
];

test("by unit (notice order), then deadline, then row; days counted from the as-of date", () => {
  const rows = [
    ledgerRow("青山区", "Q-1", "推进中", 10, "2022-10-20"),
    ledgerRow("江南区", "J-1", "未启动", 0, "2022-10-30"),
    ledgerRow("江南区", "J-2", "推进中", 10, "2022-09-01"),
    ledgerRow("青山区", "Q-2", "推进中", 10, "2022-10-01"),
    ledgerRow("江南区", "J-3", "推进中", 10, "2022-09-01"),
    ledgerRow("江南区", "J-4", "推进中", 10, "2022-11-10"),
    ledgerRow("江南区", "J-5", "推进中", 10, "2022-10-31"),
    ledgerRow("青山区", "Q-3", "已完成", 100, "2022-09-01", { done: "2022-09-01" }),
  ];
  // Rows numbered out of order: the row breaks a tie of unit and deadline, not the input order.
  const shuffled = [rows[4]!, ...rows.slice(0, 4), ...rows.slice(5)];
  const { overdue, dueSoon } = listTasks(shuffled, UNITS, asOf, 15);
  expect(overdue.map((t) => [t.taskId, t.deadline, t.days])).toEqual([
    ["J-2", "2022-09-01", 60],
    ["J-3", "2022-09-01", 60],
    ["J-1", "2022-10-30", 1],
    ["Q-2", "2022-10-01", 30],
    ["Q-1", "2022-10-20", 11],
  ]);
  expect(dueSoon.map((t) => [t.taskId, t.days])).toEqual([
    ["J-5", 0],
    ["J-4", 10],
  ]);
});

test("the deadline orders before the row however far apart the rows are (Excel's last row included)", () => {
  const at = (row: number, id: string, deadline: string) => ({
    ...ledgerRow("江南区", id, "推进中", 10, deadline),
    row,
  });
  const rows = [
    at(1_048_576, "last-early", "2022-09-01"),
    at(2, "first-late", "2022-09-02"),
    at(1_048_575, "near-early", "2022-09-01"),
    at(1, "first-later", "2022-10-01"),
  ];
  const { overdue } = listTasks(rows, UNITS, asOf, 15);
  expect(overdue.map((t) => [t.taskId, t.deadline])).toEqual([
    ["near-early", "2022-09-01"],
    ["last-early", "2022-09-01"],
    ["first-late", "2022-09-02"],
    ["first-later", "2022-10-01"],
  ]);
});
