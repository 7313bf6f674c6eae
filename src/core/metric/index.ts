export * from "./metrics";
export * from "./issue-owner";
