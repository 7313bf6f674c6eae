export * from "./document";
export * from "./paginate";
export * from "./sheet";
