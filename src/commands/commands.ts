/**
 * The ribbon's function file (commands.html). The manifest's form factor requires one, but every
 * ribbon button is a `ShowTaskpane` action: 校验台账, 生成通报 and 考核评分 open the task pane at
 * `taskpane.html?view=…&run=1` (see src/taskpane/request.ts), which needs no shared runtime and so
 * works in every Excel from ExcelApi 1.7 on. Nothing is associated here; the page only initialises
 * Office.js, as Office expects of a function file.
 */
void Office.onReady();
