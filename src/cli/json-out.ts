/**
 * `--json` output written as it is made. `JSON.stringify(document, null, 2)` built the whole
 * document as one string: with 500,000 issues that was a 167 MB string (twice that in memory once
 * any CJK is in it) on top of a localised copy of every issue, which took `validate --json` on a
 * 100,000-row ledger past 1.3 GB. Here each array element is made and written in turn, and only
 * a megabyte of text waits for the pipe.
 */

/**
 * An array whose elements are made only when written: `items` mapped one at a time. To anything
 * else (`JSON.stringify`, a test) it is the mapped array.
 */
export class LazyArray<T, U> {
  constructor(
    readonly items: readonly T[],
    readonly map: (item: T) => U,
  ) {}

  toJSON(): U[] {
    return this.items.map((item) => this.map(item));
  }
}

export function lazyArray<T, U>(items: readonly T[], map: (item: T) => U): LazyArray<T, U> {
  return new LazyArray(items, map);
}

const CHUNK = 1 << 20;

/**
 * Writes `value` as JSON, the same value as `JSON.stringify(value)`, laid out for both readers of
 * `--json`: a program parses it, a person greps it. The top level's members are one to a line, and
 * each element of an array among them (an issue, a unit, an overdue task) is one compact line of its
 * own, so `grep 青山区` prints whole records. Deeper structure is compact. It is written in pieces of
 * about a megabyte, each element made (a `LazyArray`'s) and stringified in turn.
 *
 * Compact elements shrink what `JSON.stringify(value, null, 2)` wrote (13 → 10 MB for `notice
 * --json` on a 100,000-row ledger) and take half the time (docs/PERFORMANCE.md, round 5).
 *
 * @example writeJson({ a: [1, { b: 2 }], c: { d: 3 } }, (t) => process.stdout.write(t))
 * // prints '{\n  "a": [\n    1,\n    {"b":2}\n  ],\n  "c": {"d":3}\n}\n'
 */
export function writeJson(value: unknown, write: (text: string) => void): void {
  let pending = "";
  const emit = (text: string) => {
    pending += text;
    if (pending.length >= CHUNK) {
      write(pending);
      pending = "";
    }
  };
  if (isPlainObject(value) && typeof value["toJSON"] !== "function") {
    let first = true;
    for (const key of Object.keys(value)) {
      const member = value[key];
      if (member === undefined || typeof member === "function" || typeof member === "symbol") continue;
      emit((first ? "{\n  " : ",\n  ") + JSON.stringify(key) + ": ");
      first = false;
      if (!writeElements(member, "  ", emit)) emit(compact(member));
    }
    emit(first ? "{}" : "\n}");
  } else if (!writeElements(value, "", emit)) emit(compact(value));
  write(pending + "\n");
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/** A value's compact JSON text; `null` for what has none (as inside an array). */
function compact(value: unknown): string {
  return (JSON.stringify(value) as string | undefined) ?? "null";
}

/**
 * An array (or `LazyArray`) written one compact element a line, at `indent`; false, writing
 * nothing, for any other value.
 */
function writeElements(value: unknown, indent: string, emit: (t: string) => void): boolean {
  let count: number;
  let at: (i: number) => unknown;
  if (value instanceof LazyArray) {
    const lazy = value as LazyArray<unknown, unknown>;
    count = lazy.items.length;
    at = (i) => lazy.map(lazy.items[i]);
  } else if (Array.isArray(value)) {
    count = value.length;
    at = (i) => value[i] as unknown;
  } else return false;
  if (count === 0) {
    emit("[]");
    return true;
  }
  const inner = indent + "  ";
  emit("[\n" + inner + compact(at(0)));
  for (let i = 1; i < count; i++) emit(",\n" + inner + compact(at(i)));
  emit("\n" + indent + "]");
  return true;
}
