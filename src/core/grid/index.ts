export * from "./grid";
export * from "./ranges";
