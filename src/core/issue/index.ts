export * from "./issue";
