// Lint is where the layering of docs/ARCHITECTURE.md is enforced (VS Code's `code-layering` idea):
// core is pure, the task pane only talks to the Office adapter, the CLI only to the xlsx adapter.
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import officeAddins from "eslint-plugin-office-addins";

const nodeBuiltins = [
  "node:*",
  "fs",
  "fs/*",
  "path",
  "os",
  "child_process",
  "stream",
  "zlib",
  "crypto",
  "util",
];

const restrict = (patterns) => ({
  "no-restricted-imports": [
    "error",
    {
      patterns: patterns.map((p) =>
        p.regex ? { regex: p.regex, message: p.message } : { group: [p.group].flat(), message: p.message },
      ),
    },
  ],
});

const corePatterns = [
  {
    group: ["exceljs", "fflate", "react", "react-dom", "@fluentui/*", "office-js", ...nodeBuiltins],
    message: "core is pure: no I/O, UI or Office imports.",
  },
  {
    group: ["**/adapters/**", "**/host/**", "**/taskpane/**", "**/commands/**", "**/cli/**"],
    message: "core must not depend on the layers above it.",
  },
];

export default tseslint.config(
  {
    ignores: [
      "dist/**",
      "out/**",
      "node_modules/**",
      "coverage/**",
      ".stryker-tmp/**",
      "reports/**",
      "bin/**",
      "*.config.js",
      "*.config.mjs",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.ts", "**/*.tsx"],
    languageOptions: { parserOptions: { project: "./tsconfig.json", tsconfigRootDir: import.meta.dirname } },
    plugins: { "office-addins": officeAddins },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["src/**/*.ts", "src/**/*.tsx"],
    rules: {
      // No unbounded spread into a call (issue #8): `issues.push(...many)` or `Math.max(...rows)`
      // passes every element as an argument and overflows the call stack past ~125,000. Forwarding
      // a rest parameter named `args` (a fixed tuple) is allowed.
      "no-restricted-syntax": [
        "error",
        {
          selector:
            "CallExpression > SpreadElement:not([argument.name='args']), NewExpression > SpreadElement:not([argument.name='args'])",
          message:
            "No spread into a call: it overflows the stack on large data. Loop (for … of … push) or reduce instead.",
        },
      ],
    },
  },
  {
    files: ["src/core/**"],
    rules: restrict(corePatterns),
  },
  // The notice (document) and the report (附件3) are independent; the notice workbook assembles them.
  {
    files: ["src/core/notice/**"],
    rules: restrict([
      ...corePatterns,
      {
        group: ["**/report", "**/report/**", "**/notice-workbook", "**/notice-workbook/**"],
        message: "notice/ must not import report/ or the assembly above it.",
      },
    ]),
  },
  {
    files: ["src/core/report/**"],
    rules: restrict([
      ...corePatterns,
      {
        group: ["**/notice", "**/notice/**", "**/notice-workbook", "**/notice-workbook/**"],
        message: "report/ must not import notice/ or the assembly above it.",
      },
    ]),
  },
  {
    files: ["src/adapters/office/**"],
    rules: {
      ...restrict([
        {
          group: ["exceljs", "fflate", ...nodeBuiltins],
          message: "the Office adapter runs in the browser: no Node or file libraries.",
        },
        {
          group: ["**/adapters/xlsx/**", "**/taskpane/**", "**/commands/**", "**/cli/**"],
          message: "adapters depend on core only.",
        },
      ]),
      "office-addins/call-sync-after-load": "error",
      "office-addins/call-sync-before-read": "error",
      "office-addins/load-object-before-read": "error",
      "office-addins/no-context-sync-in-loop": "error",
      "office-addins/no-empty-load": "error",
      "office-addins/test-for-null-using-isNullObject": "error",
    },
  },
  {
    files: ["src/adapters/wps/**"],
    rules: restrict([
      {
        group: ["exceljs", "fflate", "react", "react-dom", "@fluentui/*", ...nodeBuiltins],
        message: "the WPS adapter runs in WPS's browser and has no UI: no Node, file or UI libraries.",
      },
      {
        group: [
          "**/adapters/office/**",
          "**/adapters/xlsx/**",
          "**/taskpane/**",
          "**/commands/**",
          "**/cli/**",
        ],
        message: "adapters depend on core only.",
      },
    ]),
  },
  {
    files: ["src/adapters/xlsx/**"],
    rules: restrict([
      { group: ["react", "react-dom", "@fluentui/*"], message: "the xlsx adapter has no UI." },
      {
        group: ["**/adapters/office/**", "**/taskpane/**", "**/commands/**", "**/cli/**"],
        message: "adapters depend on core only.",
      },
    ]),
  },
  {
    // The writer renders workbooks in the browser too (the pane's 导出): Node only at its Node edge.
    files: ["src/adapters/xlsx/write/**"],
    ignores: [
      "src/adapters/xlsx/write/node.ts",
      "src/adapters/xlsx/write/deflate-node.ts",
      "src/adapters/xlsx/write/deflate-worker.ts",
      "src/adapters/xlsx/write/write-file.ts",
    ],
    rules: restrict([
      {
        group: ["react", "react-dom", "@fluentui/*", "exceljs", ...nodeBuiltins],
        message:
          "the writer runs in the browser: Node only in node.ts, deflate-node.ts, deflate-worker.ts and write-file.ts.",
      },
      {
        group: ["**/adapters/office/**", "**/taskpane/**", "**/commands/**", "**/cli/**"],
        message: "adapters depend on core only.",
      },
    ]),
  },
  {
    // The 退回修改 patcher is bytes in, bytes out: the pane runs it too.
    files: ["src/adapters/xlsx/patch/**"],
    rules: restrict([
      {
        group: ["react", "react-dom", "@fluentui/*", "exceljs", ...nodeBuiltins],
        message: "the patcher runs in the browser: no Node or file libraries.",
      },
      {
        group: ["**/adapters/office/**", "**/taskpane/**", "**/commands/**", "**/cli/**"],
        message: "adapters depend on core only.",
      },
    ]),
  },
  {
    // The host port: types (and their words) that every host adapter implements and the pane uses.
    files: ["src/host/**"],
    rules: restrict([
      {
        group: ["exceljs", "fflate", "react", "react-dom", "@fluentui/*", "office-js", ...nodeBuiltins],
        message: "the host port is pure.",
      },
      {
        group: ["**/adapters/**", "**/taskpane/**", "**/commands/**", "**/cli/**"],
        message: "the host port depends on core only.",
      },
    ]),
  },
  {
    // The views reach the workbook only through the host port; `taskpane/host.ts` (the detection
    // point) is the one pane module that knows the adapters.
    files: ["src/taskpane/**"],
    ignores: ["src/taskpane/host.ts"],
    rules: restrict([
      { group: ["exceljs", "fflate", ...nodeBuiltins], message: "browser code: no Node or file libraries." },
      { group: ["**/cli/**"], message: "the add-in does not use the CLI." },
      {
        // A regex (a glob's negation does not apply to "../" paths): any adapter except the
        // platform-free file codecs — the reader (bytes → grids), the browser writer, the patcher
        // and the Word renderer (导出Word).
        regex: "(^|/)adapters(/(?!xlsx/read(/|$)|xlsx/write/browser$|xlsx/patch(/|$)|docx(/|$)).*)?$",
        message:
          "the pane reaches the workbook only through the host port (src/host); adapters are chosen in taskpane/host.ts. Of the file adapters only the platform-free reader (adapters/xlsx/read), the browser writer (adapters/xlsx/write/browser), the patcher (adapters/xlsx/patch) and the Word renderer (adapters/docx) are allowed.",
      },
    ]),
  },
  {
    // The xlsx reader (bytes → grids) is platform-free: the task pane parses returned files with it.
    files: ["src/adapters/xlsx/read/**"],
    rules: restrict([
      {
        group: ["react", "react-dom", "@fluentui/*", "exceljs", ...nodeBuiltins],
        message:
          "the xlsx reader runs in the browser too: no Node, file system or UI; Node's zlib comes in as an Inflater from adapters/xlsx/node.",
      },
      {
        group: [
          "**/adapters/office/**",
          "**/taskpane/**",
          "**/commands/**",
          "**/cli/**",
          "**/node",
          "**/node/**",
          "../index",
        ],
        message: "the reader depends on core only.",
      },
    ]),
  },
  {
    // The pane never imports file-system code: of the xlsx adapter only the platform-free reader
    // (adapters/xlsx/read) and writer (adapters/xlsx/write/browser), never their Node sides or the
    // barrels that re-export them.
    files: ["src/taskpane/host.ts", "src/commands/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["exceljs", "fflate", ...nodeBuiltins],
              message: "browser code: no Node or file libraries.",
            },
            { group: ["**/cli/**"], message: "the add-in does not use the CLI." },
            {
              // A regex, not a glob: a glob on the barrel's folder would also match adapters/xlsx/read.
              regex:
                "adapters/xlsx(/index|/node(/.*)?|/write(/index|/node|/deflate-node|/deflate-worker|/write-file)?)?$",
              message:
                "the pane never imports file-system code: use adapters/xlsx/read (bytes → grids) and adapters/office.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["src/wps/**"],
    rules: restrict([
      {
        group: ["exceljs", "fflate", "react", "react-dom", "@fluentui/*", ...nodeBuiltins],
        message: "the WPS ribbon page is plain browser code.",
      },
      {
        group: ["**/adapters/office/**", "**/adapters/xlsx/**", "**/taskpane/**", "**/cli/**", "**/core/**"],
        message: "the WPS ribbon page only opens the task pane (it may use adapters/wps types).",
      },
    ]),
  },
  {
    files: ["src/cli/**"],
    rules: restrict([
      { group: ["react", "react-dom", "@fluentui/*"], message: "the CLI has no UI." },
      {
        group: ["**/adapters/office/**", "**/taskpane/**", "**/commands/**"],
        message: "the CLI talks to adapters/xlsx only.",
      },
    ]),
  },
  {
    files: ["tests/**"],
    rules: {
      // Fakes of the Office object model are deliberately loose objects.
      "@typescript-eslint/no-explicit-any": "off",
    },
  },
);
