// Builds the Excel add-in into dist/addin/: taskpane.html + commands.html, their bundles, the
// manifest and the icons. `npm run build:addin` (production); Office.js itself is loaded from
// Microsoft's CDN by the HTML pages and is never bundled.
//
// The same compilation also assembles the WPS add-in folder for offline deployment in dist/wps/
// (see scripts/deploy.js): the same task pane bundle behind a taskpane.html without Office.js, the
// ribbon page and ribbon.xml, publish.xml for the jsaddons folder and install scripts.
//
// `--env base=https://host/path` points manifest.xml and the WPS publish files at that HTTPS base
// instead of https://localhost:3000 (`npm run build -- --env base=…`).
const path = require("node:path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");

const fs = require("node:fs");
const os = require("node:os");

/** HTTPS for `npm start` (Office only loads add-ins over HTTPS): the certificates `office-addin-dev-certs install` makes. */
function devHttps() {
  const dir = path.join(os.homedir(), ".office-addin-dev-certs");
  const files = { key: "localhost.key", cert: "localhost.crt", ca: "ca.crt" };
  if (!fs.existsSync(path.join(dir, files.cert))) return { type: "https" };
  return {
    type: "https",
    options: Object.fromEntries(Object.entries(files).map(([k, f]) => [k, fs.readFileSync(path.join(dir, f))])),
  };
}

const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const { WpsPackagePlugin, deploymentBase, rebaseManifest } = require("./scripts/deploy");

const page = (title, body = "", officeJs = true) => `<!doctype html>
<html lang="zh-CN">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${title}</title>${officeJs ? `\n    <script src="${OFFICE_JS}"></script>` : ""}
  </head>
  <body>${body}</body>
</html>
`;

module.exports = (env = {}, argv = {}) => {
  const production = argv.mode !== "development";
  const base = deploymentBase(env.base);
  return {
    mode: production ? "production" : "development",
    devtool: production ? false : "source-map",
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      commands: "./src/commands/commands.ts",
      "wps-ribbon": "./src/wps/ribbon.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist/addin"),
      filename: "[name].[contenthash:8].js",
      chunkFilename: "[name].[contenthash:8].js",
      clean: true,
    },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: {
              transpileOnly: true,
              // ES modules let webpack split `import()` into chunks and tree-shake Fluent UI.
              compilerOptions: { module: "esnext", moduleResolution: "bundler", sourceMap: !production },
            },
          },
        },
      ],
    },
    plugins: [
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        chunks: ["taskpane"],
        templateContent: page("台账助手", '<div id="root"></div>'),
      }),
      new HtmlWebpackPlugin({
        filename: "commands.html",
        chunks: ["commands"],
        templateContent: page("台账助手 命令"),
      }),
      // The WPS pages: the same task pane bundle without Office.js, and the ribbon page.
      new HtmlWebpackPlugin({
        filename: "wps-taskpane.html",
        chunks: ["taskpane"],
        templateContent: page("台账助手", '<div id="root"></div>', false),
      }),
      new HtmlWebpackPlugin({
        filename: "wps-index.html",
        chunks: ["wps-ribbon"],
        templateContent: page("台账助手", "", false),
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => rebaseManifest(content.toString(), base),
          },
          { from: "help.html", to: "help.html" },
        ],
      }),
      new WpsPackagePlugin({ base, outDir: path.resolve(__dirname, "dist/wps") }),
    ],
    devServer: {
      port: 3000,
      server: devHttps(),
      static: { directory: path.resolve(__dirname, "dist/addin") },
      headers: { "Access-Control-Allow-Origin": "*" },
    },
    performance: {
      // The task pane's initial JS must stay ≤ 300 KB gzipped (tests/e2e/bundle.test.ts checks it);
      // webpack's own hint measures uncompressed bytes, so it is set to match roughly 3.5:1.
      hints: production ? "warning" : false,
      maxEntrypointSize: 1_050_000,
      maxAssetSize: 1_050_000,
    },
  };
};
