export * from "./feedback";
export * from "./unit-feedback";
