/** The engine's public surface. Pure TypeScript: no Office.js, ExcelJS, React or Node imports. */
export * from "./grid";
export * from "./issue";
export * from "./date";
export * from "./text";
export * from "./cell";
export * from "./plan";
export * from "./settings";
export * from "./ledger";
export * from "./workbook";
export * from "./message";
export * from "./metric";
export * from "./ranking";
export * from "./history";
export * from "./notice";
export * from "./report";
export * from "./feedback";
export * from "./scoring";
