export * from "./reason";
export * from "./classify";
export * from "./tasks";
export * from "./compute";
export * from "./document";
export * from "./prose";
export * from "./tables";
export * from "./plan-notice";
