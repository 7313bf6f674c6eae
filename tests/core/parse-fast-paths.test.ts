/**
 * The fast paths of the cell parsers (issue #9) give the same answers as the slow ones: error text
 * recognised without normalising most cells, the NFKC-stable test as a loop, and `parseEnum`'s
 * answers remembered per vocabulary.
 */
import {
  type CellValue,
  STATUS_VOCABULARY,
  enumKey,
  makeVocabulary,
  nfkcTrim,
  parseDate,
  parseEnum,
  parseText,
} from "../../src/core";

describe("formula error text (SPEC §3: also as strings)", () => {
  it.each([
    ["#N/A"],
    ["  #REF!  "],
    ["\u3000#VALUE!"],
    ["＃Ｎ／Ａ"], // full-width, NFKC → #N/A
    ["﹟DIV/0!"], // small number sign, NFKC → #DIV/0!
    ["#name?"], // compared in upper case
  ])("%j is a formula error", (text) => {
    expect(parseText(text)).toEqual({ kind: "bad", code: "formula-error" });
    expect(parseDate(text, false)).toEqual({ kind: "bad", code: "formula-error" });
  });

  it.each([["N/A"], ["#N/A 已核实"], ["x#N/A"], ["＃号楼"], ["#"]])("%j is text", (text) => {
    expect(parseText(text).kind).toBe("ok");
  });
});

describe("NFKC only where it changes something", () => {
  it.each([
    ["ASCII", "  RW-01 ", "RW-01"],
    ["CJK", "推进中", "推进中"],
    ["tab and line ends", "\t推进\r\n中\n", "推进\r\n中"],
    ["full-width letters", "ＲＷ－０１", "RW-01"],
    ["CJK with a full-width comma", "甲，乙", "甲,乙"],
    ["compatibility ideograph U+F900", "\uf900", "\u8c48"],
    ["just past the CJK block", "\ua000", "\ua000"],
    ["DEL", "a\u007fb", "a\u007fb"],
  ])("%s", (_, text, expected) => {
    expect(nfkcTrim(text)).toBe(expected);
    expect(nfkcTrim(text)).toBe(text.normalize("NFKC").trim());
  });

  it("enumKey removes every white space, after NFKC", () => {
    expect(enumKey(" 已 完\u3000成\n")).toBe("已完成");
    expect(enumKey("已完成")).toBe("已完成");
    expect(enumKey("Ａ Ｂ")).toBe("AB");
  });
});

describe("parseEnum remembers its answers", () => {
  const units = makeVocabulary(["青山区", "江南区"], [["青山", "青山区"]], { suggestByContainment: true });

  it("gives the same answer the second time, for every kind of answer", () => {
    const values: CellValue[] = ["青山区", " 青山 ", "江南", "不存在的单位", "", 12345, null];
    const first = values.map((v) => parseEnum(v, units, "unknown-unit"));
    const again = values.map((v) => parseEnum(v, units, "unknown-unit"));
    expect(again).toEqual(first);
    expect(first).toEqual([
      { kind: "ok", value: "青山区" },
      { kind: "ok", value: "青山区", warning: { code: "nonstandard-value", params: { resolved: "青山区" } } },
      { kind: "bad", code: "unknown-unit", suggestion: "江南区" },
      { kind: "bad", code: "unknown-unit", suggestion: null },
      { kind: "empty" },
      { kind: "bad", code: "unknown-unit", suggestion: null },
      { kind: "empty" },
    ]);
  });

  it("answers a repeated text with the very same object, up to 4,096 texts per vocabulary and code", () => {
    const fresh = makeVocabulary(["青山区"]);
    const a = parseEnum("青山区", fresh, "unknown-unit");
    expect(parseEnum("青山区", fresh, "unknown-unit")).toBe(a);
    expect(parseEnum("青山区", fresh, "invalid-enum")).not.toBe(a);
    expect(parseEnum("青山区", makeVocabulary(["青山区"]), "unknown-unit")).not.toBe(a);
    for (let i = 1; i < 4096; i++) parseEnum(`单位${i}`, fresh, "unknown-unit");
    // The cache is full: a new text is answered, and answered again, but not remembered.
    const late = parseEnum("江南区", fresh, "unknown-unit");
    expect(parseEnum("江南区", fresh, "unknown-unit")).toEqual(late);
    expect(parseEnum("江南区", fresh, "unknown-unit")).not.toBe(late);
    expect(parseEnum("青山区", fresh, "unknown-unit")).toBe(a);
  });

  it("keeps vocabularies and codes apart", () => {
    expect(parseEnum("完成", STATUS_VOCABULARY, "invalid-enum")).toMatchObject({
      kind: "ok",
      value: "已完成",
    });
    expect(parseEnum("完成", units, "unknown-unit")).toMatchObject({ kind: "bad", code: "unknown-unit" });
    expect(parseEnum("完成", units, "invalid-enum")).toMatchObject({ kind: "bad", code: "invalid-enum" });
  });

  it("hands out answers nobody can change", () => {
    // A vocabulary of its own, so the answer is made (and frozen) in this test, not found in the cache.
    const fresh = makeVocabulary(["青山区"], [["青山", "青山区"]]);
    const r = parseEnum(" 青山 ", fresh, "unknown-unit");
    expect(Object.isFrozen(r)).toBe(true);
    expect(r.kind === "ok" && Object.isFrozen(r.warning?.params)).toBe(true);
  });
});
