export * from "./plan";
export * from "./ownership";
