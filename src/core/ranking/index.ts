export * from "./rank";
export * from "./assign";
