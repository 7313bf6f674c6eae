export * from "./render";
export * from "./fonts";
