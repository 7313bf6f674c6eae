export * from "./compute";
export * from "./summary";
export * from "./plan-notice";
export * from "./plan-history";
export * from "./notice-workbook";
