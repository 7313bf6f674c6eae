/**
 * A fake `Office` global: enough of Office.js for the task pane and the function file to start,
 * read the display language, check requirement sets and open the task pane.
 */
export interface FakeOfficeOptions {
  displayLanguage?: string;
  /** Highest supported ExcelApi minor version (e.g. 13 for 1.13). Default 17. */
  excelApiMinor?: number;
  sharedRuntime?: boolean;
}

export interface FakeOffice {
  onReady(
    callback?: (info: { host: string; platform: string }) => void,
  ): Promise<{ host: string; platform: string }>;
  context: {
    displayLanguage: string;
    requirements: { isSetSupported(name: string, version?: string): boolean };
  };
  actions: {
    associate(name: string, handler: (event: { completed(): void }) => unknown): void;
  };
  addin: { showAsTaskpane(): Promise<void>; hide(): Promise<void> };
  HostType: { Excel: string };
  /** Test hooks. */
  readonly associated: Map<string, (event: { completed(): void }) => unknown>;
  readonly events: string[];
}

export function createFakeOffice(options: FakeOfficeOptions = {}): FakeOffice {
  const associated = new Map<string, (event: { completed(): void }) => unknown>();
  const events: string[] = [];
  const info = { host: "Excel", platform: "OfficeOnline" };
  const minor = options.excelApiMinor ?? 17;
  return {
    onReady(callback) {
      callback?.(info);
      return Promise.resolve(info);
    },
    context: {
      displayLanguage: options.displayLanguage ?? "zh-CN",
      requirements: {
        isSetSupported(name, version = "1.1") {
          const [major, min] = version.split(".").map(Number) as [number, number?];
          if (name === "ExcelApi") return major === 1 && (min ?? 0) <= minor;
          if (name === "SharedRuntime") return options.sharedRuntime ?? true;
          return false;
        },
      },
    },
    actions: {
      associate(name, handler) {
        associated.set(name, handler);
      },
    },
    addin: {
      showAsTaskpane() {
        events.push("showAsTaskpane");
        return Promise.resolve();
      },
      hide() {
        events.push("hide");
        return Promise.resolve();
      },
    },
    HostType: { Excel: "Excel" },
    associated,
    events,
  };
}
