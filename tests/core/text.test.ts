/**
 * `core/text`: the NFKC fast path takes exactly the characters it documents and never one NFKC would
 * change; edit distance, enum keys and list splitting at their edges.
 */
import { editDistance, enumKey, isNfkcStable, nfkcTrim, splitList } from "../../src/core/text/text";

/** Every UTF-16 code unit that is a character on its own (lone surrogates left out). */
function* bmpCharacters(): Generator<string> {
  for (let c = 0; c <= 0xffff; c++) if (c < 0xd800 || c > 0xdfff) yield String.fromCharCode(c);
}

describe("isNfkcStable: the fast path of nfkcTrim and enumKey", () => {
  it("never takes a character NFKC would change", () => {
    const wrong: string[] = [];
    for (const ch of bmpCharacters()) {
      if (isNfkcStable(ch) && ch.normalize("NFKC") !== ch) wrong.push(ch);
    }
    expect(wrong).toEqual([]);
  });

  it("takes exactly ASCII (controls included) and U+4E00–U+9FFF, each alone and anywhere in a text", () => {
    const inSet = (c: number): boolean => c <= 0x7f || (c >= 0x4e00 && c <= 0x9fff);
    const wrong: number[] = [];
    for (const ch of bmpCharacters()) {
      const c = ch.charCodeAt(0);
      const text = `a${ch}推`;
      if (isNfkcStable(ch) !== inSet(c) || isNfkcStable(text) !== inSet(c)) wrong.push(c);
    }
    expect(wrong).toEqual([]);
  });

  it("looks at every character, the last one too", () => {
    expect(isNfkcStable("")).toBe(true);
    expect(isNfkcStable("RW-01 推进中\t\r\n")).toBe(true);
    expect(isNfkcStable("RW-01 推进中Ａ")).toBe(false);
    expect(isNfkcStable("ＡRW-01 推进中")).toBe(false);
  });

  it("nfkcTrim and enumKey give NFKC's answer whichever path they take", () => {
    for (const text of [" ＲＷ－０１ ", "RW-01", "推进中\u3000", "\uf900", "a\u00a0b"]) {
      expect(nfkcTrim(text)).toBe(text.normalize("NFKC").trim());
      expect(enumKey(text)).toBe(text.normalize("NFKC").replace(/\s/gu, ""));
    }
  });

  // enumKey's own fast path (issue #9: a task id or a unit per row): printable ASCII and
  // U+4E00–U+9FFF without white space come back as they are, with no normalising and no search for
  // white space; anything else takes the full path.
  it("enumKey returns printable ASCII and common CJK as they are, without the full path", () => {
    const test = jest.spyOn(RegExp.prototype, "test");
    try {
      for (const plain of ["RW-005145", "~!", "青山区", "A一鿿~"]) {
        test.mockClear();
        expect(enumKey(plain)).toBe(plain);
        expect(test).not.toHaveBeenCalled();
      }
      for (const [text, key] of [
        ["RW 01", "RW01"],
        ["\u007f", "\u007f"],
        ["青山区\u00a0", "青山区"],
        ["ＲＷ", "RW"],
        ["\u4dff", "\u4dff"],
        ["\ua000", "\ua000"],
        ["A\u0000", "A\u0000"],
      ]) {
        test.mockClear();
        expect(enumKey(text!)).toBe(key);
        expect(test).toHaveBeenCalled();
      }
    } finally {
      test.mockRestore();
    }
  });
});

describe("editDistance", () => {
  it.each([
    ["", "", 0],
    ["", "推进中", 3],
    ["推进中", "", 3],
    ["已完成", "已完成", 0],
    ["已完成", "已完结", 1],
    ["推进中", "推进", 1],
    ["推进", "推进中", 1],
    ["kitten", "sitting", 3],
    ["𠀀a", "a", 1], // code points, not UTF-16 units
  ])("%j → %j is %d", (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
  });
});

describe("splitList", () => {
  it("splits on every separator, runs of them included, and keeps items as typed", () => {
    expect(splitList("甲、乙,丙，丁;戊；己\n庚\r\n辛")).toEqual([
      "甲",
      "乙",
      "丙",
      "丁",
      "戊",
      "己",
      "庚",
      "辛",
    ]);
    expect(splitList("、甲,,， 乙 ；\n")).toEqual(["甲", "乙"]);
    expect(splitList("Ａ 乙")).toEqual(["Ａ 乙"]);
    expect(splitList(" 、 ")).toEqual([]);
  });
});
