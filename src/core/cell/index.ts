export * from "./parse-cell";
