/**
 * Row heights of wrapped text (issue #9 made measuring them cheaper: a bound that skips measuring
 * text that surely fits, and a loop over code units): the merged ledger's heights must be exactly
 * what measuring every character gives.
 */
import fc from "fast-check";
import { type LedgerRow, buildMergedLedgerPlan } from "../../src/core";
import { check } from "../property/arbitraries";

/** The measure as first written: code points, 2 units for a wide one. */
function referenceLines(text: string, width: number): number {
  const wide = (code: number) =>
    code >= 0x2e80 ||
    (code >= 0x2010 && code <= 0x2027) ||
    (code >= 0x2190 && code <= 0x21ff) ||
    (code >= 0x2460 && code <= 0x24ff);
  const usable = Math.max(1, width - 1);
  let lines = 0;
  for (const line of text.split("\n")) {
    let w = 0;
    for (const ch of line) w += wide(ch.codePointAt(0)!) ? 2 : 1;
    lines += Math.max(1, Math.ceil((w * 1.1) / usable));
  }
  return lines;
}

const text = fc.string({
  unit: fc.constantFrom("a", "1", " ", "推", "进", "，", "—", "→", "①", "😀", "\n", "\ud800", "Ａ"),
  maxLength: 70,
});

function row(task: string, evidence: string, note: string): LedgerRow & { file: string } {
  return {
    sheet: "台账",
    row: 3,
    taskId: "RW-1",
    category: "其他",
    task,
    unit: "青山区",
    owner: "张三",
    deadline: null,
    status: "推进中",
    progress: 50,
    doneDate: null,
    evidence,
    note,
    duplicate: false,
    errors: 0,
    file: "青山区.xlsx",
  };
}

describe("wrapped text in the merged ledger", () => {
  it("sets each row's height from its longest wrapped cell, as measuring every character does", () => {
    check(
      fc.property(fc.array(fc.tuple(text, text, text), { minLength: 1, maxLength: 20 }), (texts) => {
        const plan = buildMergedLedgerPlan(texts.map(([a, b, c]) => row(a, b, c)));
        texts.forEach(([task, evidence, note], i) => {
          // 重点任务 40 units wide, 佐证材料 24, 备注 16; 来源文件 (20) holds a short name.
          const lines = Math.max(
            referenceLines(task, 40),
            referenceLines(evidence, 24),
            referenceLines(note, 16),
            1,
          );
          const expected = lines > 1 ? Math.ceil(lines * 11 * 1.45 + 5) : undefined;
          expect(plan.rowHeights?.[i + 1]).toBe(expected);
        });
      }),
      200,
    );
  });
});
