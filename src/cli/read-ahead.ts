/**
 * `bin/taizhang.js`'s first step, before the CLI's modules load: the ledger the command line will
 * read first is read ahead (`adapters/xlsx/node/read-ahead`). Loads neither the CLI nor the core.
 */
import { readAhead } from "../adapters/xlsx/node/read-ahead";
import { firstLedger } from "./argv";

export function readAheadFor(argv: readonly string[]): void {
  const file = firstLedger(argv);
  if (file !== undefined) readAhead(file);
}
