export * from "./columns";
export * from "./status";
export * from "./validate";
