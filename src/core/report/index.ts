export * from "./report";
export * from "./merged-ledger";
