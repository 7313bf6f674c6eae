export * from "./feedback";
