export * from "./validate-workbook";
export * from "./run-options";
