/**
 * Property-based tests of the cell parsers (SPEC §3): whatever a cell holds, they answer — never
 * throw — and what they accept obeys the SPEC (a date in 2000–2099, a percent in 0–100, text
 * trimmed and non-empty). The count is modest in `npm test`; `npm run fuzz` runs many more.
 */
import fc from "fast-check";
import {
  STATUS_VOCABULARY,
  dayToIso,
  isEmptyValue,
  isFormulaError,
  makeVocabulary,
  parseDate,
  parseEnum,
  parsePercent,
  parseText,
  rawValue,
  reportedValue,
} from "../../src/core";
import { cellValue, check, numberFormat } from "./arbitraries";

const units = makeVocabulary(["青山区", "江南区", "江城高新区"], [["高新区", "江城高新区"]], {
  suggestByContainment: true,
});

describe("cell parsers never throw and keep their promises", () => {
  it("parseDate: ok means a real day in 2000–2099", () => {
    check(
      fc.property(cellValue, fc.boolean(), (value, date1904) => {
        const r = parseDate(value, date1904);
        if (r.kind === "ok") {
          const iso = dayToIso(r.value);
          expect(Number(iso.slice(0, 4))).toBeGreaterThanOrEqual(2000);
          expect(Number(iso.slice(0, 4))).toBeLessThanOrEqual(2099);
          expect(Number.isInteger(r.value)).toBe(true);
        } else if (r.kind === "bad") {
          expect(["invalid-date", "formula-error"]).toContain(r.code);
        } else {
          expect(isEmptyValue(value)).toBe(true);
        }
      }),
      500,
    );
  });

  it("parsePercent: ok means 0–100 points", () => {
    check(
      fc.property(cellValue, numberFormat, (value, format) => {
        const r = parsePercent(value, format);
        if (r.kind === "ok") {
          expect(r.value).toBeGreaterThanOrEqual(0);
          expect(r.value).toBeLessThanOrEqual(100);
        } else if (r.kind === "bad") {
          expect(["invalid-number", "out-of-range", "formula-error"]).toContain(r.code);
        }
      }),
      500,
    );
  });

  it("parseText and parseEnum: ok means trimmed, non-empty text; errors are formula errors", () => {
    check(
      fc.property(cellValue, (value) => {
        const t = parseText(value);
        if (t.kind === "ok") {
          expect(t.value).not.toBe("");
          expect(t.value).toBe(t.value.trim());
        }
        if (t.kind === "bad") expect(isFormulaError(value)).toBe(true);
        const s = parseEnum(value, STATUS_VOCABULARY, "invalid-enum");
        if (s.kind === "ok") expect(STATUS_VOCABULARY.canonical).toContain(s.value);
        const u = parseEnum(value, units, "unknown-unit");
        if (u.kind === "bad" && u.code === "unknown-unit" && u.suggestion)
          expect(units.canonical).toContain(u.suggestion);
      }),
      500,
    );
  });

  it("rawValue and reportedValue always give a JSON-safe value", () => {
    check(
      fc.property(cellValue, numberFormat, fc.boolean(), (value, format, date1904) => {
        for (const v of [rawValue(value), reportedValue(value, format, date1904)]) {
          expect(["string", "number", "boolean", "object"]).toContain(typeof v);
          expect(() => JSON.stringify(v)).not.toThrow();
        }
      }),
      500,
    );
  });
});
