/**
 * `--json` output written as it is made. `JSON.stringify(document, null, 2)` builds the whole
 * document as one string: with 500,000 issues that is a 167 MB string (twice that in memory once
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
 * Writes `value` exactly as `JSON.stringify(value, null, 2) + "\n"` would, in pieces of about a
 * megabyte. Arrays (and `LazyArray`s) and plain objects are walked; everything else is
 * `JSON.stringify`'s.
 *
 * @example writeJson({ a: [1, 2] }, (t) => process.stdout.write(t)) // prints '{\n  "a": [\n    1,\n    2\n  ]\n}\n'
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
  writeValue(value, "", emit);
  write(pending + "\n");
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/**
 * Elements are made and stringified this many at a time: `JSON.stringify` (native) writes a block of
 * small objects several times faster than walking them here, and a block stays far below the sizes
 * the chunking is for.
 */
const BLOCK = 256;

function writeElements(count: number, at: (i: number) => unknown, indent: string, emit: (t: string) => void) {
  if (count === 0) {
    emit("[]");
    return;
  }
  const inner = indent + "  ";
  const newline = "\n" + indent;
  emit("[");
  const block: unknown[] = [];
  for (let from = 0; from < count; from += BLOCK) {
    block.length = 0;
    for (let i = from; i < count && i < from + BLOCK; i++) block.push(at(i));
    // As JSON.stringify(value, null, 2) itself would write these elements at this depth: its text
    // of the block without the brackets, every line indented further (a JSON text has no raw line
    // break inside a string, so every "\n" is layout). What has no JSON form is null, as there.
    const text = JSON.stringify(block, null, 2);
    emit((from === 0 ? "\n" + inner : ",\n" + inner) + text.slice(4, -2).replace(/\n/g, newline));
  }
  emit("\n" + indent + "]");
}

/** `"key": `'s quoted key, made once per key name (an array of 40,000 objects repeats a few names). */
const keyTexts = new Map<string, string>();
function keyText(key: string): string {
  let text = keyTexts.get(key);
  if (text === undefined) {
    text = JSON.stringify(key);
    if (keyTexts.size < 4096) keyTexts.set(key, text);
  }
  return text;
}

function writeValue(value: unknown, indent: string, emit: (t: string) => void): void {
  // Most values are leaves: their JSON text has no line break to indent (a string's are escaped).
  const type = typeof value;
  if (type === "string" || type === "boolean" || value === null) {
    emit(JSON.stringify(value));
    return;
  }
  if (type === "number") {
    emit(Number.isFinite(value) ? String(value) : "null");
    return;
  }
  if (value instanceof LazyArray) {
    const lazy = value as LazyArray<unknown, unknown>;
    writeElements(lazy.items.length, (i) => lazy.map(lazy.items[i]), indent, emit);
  } else if (Array.isArray(value)) {
    writeElements(value.length, (i) => value[i] as unknown, indent, emit);
  } else if (isPlainObject(value) && typeof value["toJSON"] !== "function") {
    const inner = indent + "  ";
    let first = true;
    for (const key of Object.keys(value)) {
      const member = value[key];
      if (member === undefined || typeof member === "function" || typeof member === "symbol") continue;
      emit((first ? "{\n" : ",\n") + inner + keyText(key) + ": ");
      first = false;
      writeValue(member, inner, emit);
    }
    emit(first ? "{}" : "\n" + indent + "}");
  } else {
    // A leaf, or an object with its own toJSON: JSON.stringify's text, indented where it stands
    // (a JSON text has no raw line break inside a string, so every "\n" is layout).
    const text = JSON.stringify(value, null, 2) as string | undefined;
    emit(text === undefined ? "null" : text.replace(/\n/g, "\n" + indent));
  }
}
