export * from "./notice-workbook";
