export * from "./types";
export * from "./layout";
export * from "./grade";
export * from "./score";
export * from "./plan-summary";
export * from "./weights-edit";
