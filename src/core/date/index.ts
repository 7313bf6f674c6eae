export * from "./date";
