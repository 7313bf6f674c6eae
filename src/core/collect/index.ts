export * from "./collect";
export * from "./copy-cell";
export * from "./ledger-table";
export * from "./plan-collect";
export * from "./split";
