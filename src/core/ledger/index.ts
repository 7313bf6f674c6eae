export * from "./columns";
export * from "./status";
export * from "./validate";
export * from "./header";
export * from "./data-area";
export * from "./row";
export * from "./row-rules";
export * from "./filing";
