export * from "./validate-workbook";
