/** The host port: what the task pane needs from a spreadsheet host, and its words. */
export * from "./port";
export * from "./problem";
export * from "./message";
export * from "./file";
