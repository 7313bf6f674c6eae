/* global require, module, __dirname, URL */
/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS helper of webpack.config.js, which is CommonJS too. */
// Deployment helpers of webpack.config.js: the `--env base=URL` switch (manifest.xml and the WPS
// publish files point at that HTTPS base), and the WPS add-in folder for offline deployment,
// assembled from the add-in build by a webpack plugin after it emits dist/addin:
//
// dist/wps/
//   taizhang_<version>/        the add-in: index.html (ribbon page), ribbon.xml, taskpane.html,
//                              the bundles, assets/ — everything it loads, nothing from a CDN
//   publish.xml                the jsaddons registration: WPS loads the folder beside it
//   jsplugins.xml              (with --env base) the same add-in served from an intranet web server
//   install-windows.bat, install-linux.sh, 部署说明.txt
//
// The layout is what Kingsoft's own tool produces (npm `wpsjs`, src/lib/build.js): an offline
// add-in is a folder `<name>_<version>` in WPS's jsaddons folder (%APPDATA%\kingsoft\wps\jsaddons
// on Windows, ~/.local/share/Kingsoft/wps/jsaddons on Linux) and a publish.xml there with
// `<jsplugin name type url="<name>_<version>" version enable install customDomain/>`. WPS loads
// `<url>/ribbon.xml` and `<url>/index.html` when it starts. (`wpsjs build` then packs the folder as
// a .7z, which needs 7-Zip; the folder itself is what WPS runs, so it is shipped as is.)
const fs = require("node:fs");
const path = require("node:path");
const { version } = require("../package.json");

const DEV_BASE = "https://localhost:3000";
const NAME = "taizhang";
const FOLDER = `${NAME}_${version}`;

/** `--env base=URL` checked: an absolute https URL (Office loads add-ins only over HTTPS), no trailing slash. */
function deploymentBase(value) {
  if (value === undefined || value === true || value === "") return undefined;
  let url;
  try {
    url = new URL(String(value));
  } catch {
    throw new Error(`--env base=${value}: not a URL (e.g. --env base=https://oa.example.gov.cn/taizhang)`);
  }
  if (url.protocol !== "https:") throw new Error(`--env base=${value}: Office add-ins must be served over https://`);
  if (url.search || url.hash) throw new Error(`--env base=${value}: no query or fragment, only the folder's address`);
  return url.href.replace(/\/+$/, "");
}

/** manifest.xml with every https://localhost:3000 address moved to `base` (unchanged without one). */
function rebaseManifest(content, base) {
  return base ? content.split(DEV_BASE).join(base) : content;
}

const xml = (s) => s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");

function publishXml() {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<jsplugins>
  <jsplugin name="${NAME}" type="et" url="${FOLDER}" version="${version}" enable="enable_dev" install="null" customDomain=""/>
</jsplugins>
`;
}

function jspluginsXml(base) {
  return `<?xml version="1.0" encoding="UTF-8"?>
<jsplugins>
  <jspluginonline name="${NAME}" type="et" url="${xml(`${base}/wps/${FOLDER}/`)}"/>
</jsplugins>
`;
}

// Windows: copy the folder, then add (or replace) our line in publish.xml, keeping other add-ins.
function installBat() {
  return [
    "@echo off",
    "chcp 65001 >nul",
    "rem 台账助手 WPS 加载项：离线安装到当前用户的 WPS 加载项目录（无需联网）。",
    'set "DEST=%APPDATA%\\kingsoft\\wps\\jsaddons"',
    'if not exist "%DEST%" mkdir "%DEST%"',
    `xcopy /E /I /Y "%~dp0${FOLDER}" "%DEST%\\${FOLDER}" >nul`,
    'if not exist "%DEST%\\publish.xml" (',
    '  copy /Y "%~dp0publish.xml" "%DEST%\\publish.xml" >nul',
    ") else (",
    `  powershell -NoProfile -ExecutionPolicy Bypass -Command "$p='%DEST%\\publish.xml'; $x=[xml](Get-Content -Raw -Encoding UTF8 $p); $x.jsplugins.jsplugin | Where-Object { $_.name -eq '${NAME}' } | ForEach-Object { [void]$_.ParentNode.RemoveChild($_) }; $n=$x.ImportNode(([xml](Get-Content -Raw -Encoding UTF8 '%~dp0publish.xml')).jsplugins.jsplugin, $true); [void]$x.jsplugins.AppendChild($n); $x.Save($p)"`,
    ")",
    "echo 已安装台账助手。请完全退出 WPS 后重新打开，在 WPS 表格中可见“台账助手”选项卡。",
    "pause",
    "",
  ].join("\r\n");
}

// Linux (incl. domestic distributions): the same in POSIX sh.
function installSh() {
  return `#!/bin/sh
# 台账助手 WPS 加载项：离线安装到当前用户的 WPS 加载项目录（无需联网）。
set -e
HERE=$(cd "$(dirname "$0")" && pwd)
DEST="$HOME/.local/share/Kingsoft/wps/jsaddons"
mkdir -p "$DEST"
rm -rf "$DEST/${FOLDER}"
cp -R "$HERE/${FOLDER}" "$DEST/${FOLDER}"
LINE=$(grep '<jsplugin ' "$HERE/publish.xml")
if [ -f "$DEST/publish.xml" ]; then
  OTHERS=$(grep '<jsplugin' "$DEST/publish.xml" | grep -v 'name="${NAME}"' || true)
else
  OTHERS=""
fi
{
  echo '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
  echo '<jsplugins>'
  [ -n "$OTHERS" ] && echo "$OTHERS"
  echo "$LINE"
  echo '</jsplugins>'
} > "$DEST/publish.xml"
echo "已安装台账助手。请完全退出 WPS（必要时运行 quickstartoffice restart）后重新打开。"
`;
}

function readme(base) {
  return `台账助手 WPS 加载项（版本 ${version}）部署说明

一、离线安装（政务内网、无法联网的电脑；Windows 与 Linux）
  Windows：双击 install-windows.bat。
  Linux：  sh install-linux.sh
  两者都把 ${FOLDER} 文件夹复制到当前用户的 WPS 加载项目录，并在该目录的 publish.xml 中登记：
    Windows  %APPDATA%\\kingsoft\\wps\\jsaddons
    Linux    ~/.local/share/Kingsoft/wps/jsaddons
  也可手工复制：把 ${FOLDER} 文件夹和 publish.xml 放进上述目录（已有 publish.xml 时，把其中的
  <jsplugin name="${NAME}" …/> 一行加进去）。完全退出 WPS 后重新打开即可。
  加载项运行时不访问任何网络地址：所需的全部文件都在 ${FOLDER} 文件夹中。

二、从内网服务器统一发布（可选）
${
  base
    ? `  本次构建的地址：${base}/wps/${FOLDER}/
  把 dist/wps 整个文件夹发布到 ${base}/wps/，再把 jsplugins.xml 的地址配置到各终端 WPS 的
  oem.ini（[Server] JSPluginsServer=…/jsplugins.xml，[Support] JsApiPlugin=true）。`
    : `  构建时加上 --env base=https://内网地址/路径，会生成指向该地址的 jsplugins.xml。`
}
`;
}

class WpsPackagePlugin {
  constructor({ base, outDir }) {
    this.base = base;
    this.outDir = outDir;
  }

  apply(compiler) {
    compiler.hooks.afterEmit.tap("WpsPackagePlugin", (compilation) => {
      const from = compilation.outputOptions.path;
      const root = this.outDir;
      const folder = path.join(root, FOLDER);
      fs.rmSync(root, { recursive: true, force: true });
      fs.mkdirSync(path.join(folder, "assets"), { recursive: true });
      // Every bundle and lazy chunk (with their licence notices) except the Excel-only function file.
      for (const name of fs.readdirSync(from)) {
        if ((name.endsWith(".js") || name.endsWith(".LICENSE.txt")) && !name.startsWith("commands.")) {
          fs.copyFileSync(path.join(from, name), path.join(folder, name));
        }
      }
      for (const name of fs.readdirSync(path.join(from, "assets"))) {
        fs.copyFileSync(path.join(from, "assets", name), path.join(folder, "assets", name));
      }
      fs.renameSync(path.join(from, "wps-taskpane.html"), path.join(folder, "taskpane.html"));
      fs.renameSync(path.join(from, "wps-index.html"), path.join(folder, "index.html"));
      fs.copyFileSync(path.join(__dirname, "..", "src/wps/ribbon.xml"), path.join(folder, "ribbon.xml"));
      // The ribbon bundle is WPS's only; the Excel add-in folder does not need it.
      for (const name of fs.readdirSync(from)) {
        if (name.startsWith("wps-ribbon.")) fs.rmSync(path.join(from, name));
      }
      fs.writeFileSync(path.join(root, "publish.xml"), publishXml());
      if (this.base) fs.writeFileSync(path.join(root, "jsplugins.xml"), jspluginsXml(this.base));
      fs.writeFileSync(path.join(root, "install-windows.bat"), installBat());
      fs.writeFileSync(path.join(root, "install-linux.sh"), installSh(), { mode: 0o755 });
      fs.writeFileSync(path.join(root, "部署说明.txt"), readme(this.base));
    });
  }
}

module.exports = { DEV_BASE, FOLDER, NAME, WpsPackagePlugin, deploymentBase, rebaseManifest, publishXml, jspluginsXml };
