export * from "./report";
export * from "./merged-ledger";
export * from "./problem-name";
