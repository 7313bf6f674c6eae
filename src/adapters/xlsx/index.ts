export * from "./read";
export * from "./write";
export * from "./patch";
export * from "./xls/read-xls";
