export * from "./history";
export * from "./plan-history";
