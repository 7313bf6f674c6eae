import fc from "fast-check";
import { lazyArray, writeJson } from "../../src/cli/json-out";

function written(value: unknown): string {
  const pieces: string[] = [];
  writeJson(value, (t) => pieces.push(t));
  return pieces.join("");
}

it("writes exactly what JSON.stringify(value, null, 2) writes, for any JSON value", () => {
  fc.assert(
    fc.property(fc.jsonValue(), (value) => {
      expect(written(value)).toBe(JSON.stringify(value, null, 2) + "\n");
    }),
    { numRuns: 500 },
  );
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
  expect(written(value)).toBe(JSON.stringify(value, null, 2) + "\n");
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
  expect(pieces.join("")).toBe(
    JSON.stringify(
      { issues: [1, 2, 3].map((n) => ({ n, twice: [n, n] })), summary: { errors: 3 } },
      null,
      2,
    ) + "\n",
  );
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
