export * from "./table";
export * from "./settings";
export * from "./roster";
export * from "./edit";
