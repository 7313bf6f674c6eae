import fc from "fast-check";
import { lazyArray, writeJson } from "../../src/cli/json-out";

function written(value: unknown): string {
  const pieces: string[] = [];
  writeJson(value, (t) => pieces.push(t));
  return pieces.join("");
}

it("writes the value JSON.stringify writes, for any JSON value", () => {
  fc.assert(
    fc.property(fc.jsonValue(), (value) => {
      const text = written(value);
      expect(text.endsWith("\n")).toBe(true);
      expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value)));
      // Only layout differs: the same text once the line breaks and their indents are gone (a
      // JSON text has no raw line break inside a string).
      expect(text.replace(/\n */g, "").replace(/": /g, '":')).toBe(
        JSON.stringify(value).replace(/": /g, '":'),
      );
    }),
    { numRuns: 500 },
  );
});

it("puts each top-level member, and each element of its arrays, on a line of its own", () => {
  const doc = {
    asOf: "2022-10-31",
    issues: [
      { cell: "G12", message: "日期无法识别", params: { row: 12 } },
      { cell: "H3", message: "第3行\n为空" },
    ],
    units: [],
    summary: { errors: 2, warnings: 0 },
  };
  expect(written(doc)).toBe(
    [
      "{",
      '  "asOf": "2022-10-31",',
      '  "issues": [',
      '    {"cell":"G12","message":"日期无法识别","params":{"row":12}},',
      '    {"cell":"H3","message":"第3行\\n为空"}',
      "  ],",
      '  "units": [],',
      '  "summary": {"errors":2,"warnings":0}',
      "}",
      "",
    ].join("\n"),
  );
  expect(written([1, [2, 3]])).toBe("[\n  1,\n  [2,3]\n]\n");
  expect(written({})).toBe("{}\n");
  expect(written("文本")).toBe('"文本"\n');
});

it("writes what JSON.stringify writes around undefined, functions, toJSON and empty containers", () => {
  const value = {
    a: undefined,
    b: () => 1,
    c: [undefined, () => 1, {}, []],
    d: new Date(Date.UTC(2022, 9, 31)),
    e: { toJSON: () => ({ x: [1, { y: "第12行\n为空" }] }) },
    f: null,
    g: [NaN, Infinity, -Infinity, -0, 1e21, 5e-7, true, "\u2028"],
    '引号"': "值",
  };
  expect(JSON.parse(written(value))).toEqual(JSON.parse(JSON.stringify(value)));
});

it("makes a lazy array's elements as it writes them, and prints them as the mapped array", () => {
  const made: number[] = [];
  const lazy = lazyArray([1, 2, 3], (n) => {
    made.push(n);
    return { n, twice: [n, n] };
  });
  const pieces: string[] = [];
  writeJson({ issues: lazy, summary: { errors: 3 } }, (t) => pieces.push(t));
  expect(made).toEqual([1, 2, 3]);
  expect(JSON.parse(pieces.join(""))).toEqual({
    issues: [1, 2, 3].map((n) => ({ n, twice: [n, n] })),
    summary: { errors: 3 },
  });
  // To JSON.stringify (and object spread) it is the mapped array.
  expect(JSON.parse(JSON.stringify(lazy))).toEqual([1, 2, 3].map((n) => ({ n, twice: [n, n] })));
});

it("hands a long document over in pieces, none of them the whole", () => {
  const pieces: string[] = [];
  writeJson(
    {
      issues: lazyArray(
        Array.from({ length: 30_000 }, (_, i) => i),
        (i) => ({ cell: `A${i}`, message: "日期无法识别" }),
      ),
    },
    (t) => pieces.push(t),
  );
  expect(pieces.length).toBeGreaterThan(1);
  expect(JSON.parse(pieces.join("")).issues).toHaveLength(30_000);
});
