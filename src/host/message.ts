/**
 * Words for host notes and problems, per language: exhaustive switches the compiler checks, as for
 * issues (`core/message`). Sheet names stay as they are (they are the user's data).
 */
import type { Language } from "../core/message";
import type { HostFeature, HostNote, HostProblem } from "./problem";

function featureZh(feature: HostFeature): string {
  switch (feature) {
    case "highlight":
      return "标注问题单元格";
    case "clear-highlights":
      return "清除标注";
    case "print-setup":
      return "打印设置";
    case "read-merges":
      return "读取合并单元格";
  }
}

function featureEn(feature: HostFeature): string {
  switch (feature) {
    case "highlight":
      return "highlighting problem cells";
    case "clear-highlights":
      return "clearing highlights";
    case "print-setup":
      return "page setup";
    case "read-merges":
      return "reading merged cells";
  }
}

export function hostNoteZh(note: HostNote): string {
  switch (note.code) {
    case "date-system-assumed":
      return "Excel 加载项接口无法读取工作簿的日期系统，按 1900 日期系统（Excel 默认）解析日期序号。";
    case "merges-unavailable":
      return `当前 Excel 不支持读取合并单元格（需要 ${note.requirement}），合并区域按未合并处理。`;
    case "merges-too-many":
      return `工作表“${note.sheet}”的合并区域过多（超过 ${note.limit} 个），合并区域按未合并处理。`;
    case "chunk-split":
      return "部分行数据较大，已拆分为更小的批次读取。";
    case "print-setup-unavailable":
      return `当前 Excel 不支持设置打印格式（需要 ${note.requirement}），请手动设置 A4 横向、按页宽缩放。`;
    case "validation-unavailable":
      return `当前 Excel 不支持数据验证（需要 ${note.requirement}），下拉列表和输入限制未设置。`;
    case "visuals-skipped":
      return note.visual === "data-bars"
        ? "WPS 版暂不绘制完成率数据条，通报中的完成率以数字显示。"
        : "WPS 版暂不绘制图表，通报中的排名以表格显示。";
  }
}

export function hostNoteEn(note: HostNote): string {
  switch (note.code) {
    case "date-system-assumed":
      return "The add-in API cannot read the workbook's date system; date serials are read in the 1900 system (Excel's default).";
    case "merges-unavailable":
      return `This Excel cannot read merged cells (needs ${note.requirement}); merged areas are read as unmerged.`;
    case "merges-too-many":
      return `Sheet ${note.sheet} has too many merged areas (over ${note.limit}); they are read as unmerged.`;
    case "chunk-split":
      return "Some rows were large and were read in smaller batches.";
    case "print-setup-unavailable":
      return `This Excel cannot set up printing (needs ${note.requirement}); set A4 landscape, fit to page width by hand.`;
    case "validation-unavailable":
      return `This Excel cannot set data validation (needs ${note.requirement}); drop-down lists and input rules were not set.`;
    case "visuals-skipped":
      return note.visual === "data-bars"
        ? "The WPS version does not draw data bars yet; completion rates are shown as numbers."
        : "The WPS version does not draw charts yet; the rankings are shown as tables.";
  }
}

export function hostProblemZh(problem: HostProblem): string {
  switch (problem.code) {
    case "sheet-not-owned":
      return `工作表“${problem.sheet}”不是台账助手生成的，为避免覆盖您的数据，未作任何修改。请重命名或删除该工作表后重试。`;
    case "name-taken":
      return `工作簿中已有名称“${problem.name}”，且不是台账助手生成的。为避免覆盖，未作任何修改。请在“名称管理器”中重命名或删除它后重试。`;
    case "replace-cancelled":
      return `已取消：未替换工作表“${problem.sheet}”。`;
    case "unsupported-api":
      return `当前 Excel 版本不支持“${featureZh(problem.feature)}”（需要 ${problem.requirement}）。请升级 Office 或使用 Microsoft 365 / Excel 网页版。`;
    case "sheet-not-found":
      return `找不到工作表“${problem.sheet}”，它可能已被重命名或删除。请重新读取。`;
    case "sheet-hidden":
      return `工作表“${problem.sheet}”已隐藏，无法定位到单元格。请先取消隐藏该工作表。`;
    case "sheet-exists":
      return `工作表“${problem.sheet}”已存在，未作修改。请重新打开设置页后再保存。`;
    case "no-workbook":
      return "WPS 中没有打开的工作簿。请先打开要处理的表格。";
    case "wps-call-failed":
      return `WPS 操作失败：${problem.detail}`;
    case "cell-edit-mode":
      return "Excel 正处于单元格编辑状态。请先按 Enter 或 Esc 结束编辑，然后重试。";
    case "too-many-highlights":
      return `问题单元格共 ${problem.count} 个，超过一次标注的上限 ${problem.limit} 个。请先修正部分问题后再标注。`;
    case "host-call-failed":
      switch (problem.reason) {
        case "payload-too-large":
          return `Excel 操作失败（${problem.hostCode}）：单次传输的数据量超过 Excel 的上限。`;
        case "item-not-found":
          return `Excel 操作失败（${problem.hostCode}）：要访问的工作表或区域不存在，可能已被删除或重命名。`;
        case "access-denied":
          return `Excel 操作失败（${problem.hostCode}）：工作簿处于保护或只读状态，无法修改。`;
        case "other":
          return `Excel 操作失败（${problem.hostCode}）：${problem.detail}`;
      }
  }
}

export function hostProblemEn(problem: HostProblem): string {
  switch (problem.code) {
    case "sheet-not-owned":
      return `Sheet ${problem.sheet} was not created by Ledger Assistant; to protect your data nothing was changed. Rename or delete that sheet, then try again.`;
    case "name-taken":
      return `The workbook already has a name ${problem.name} that Ledger Assistant did not create; to protect it nothing was changed. Rename or delete it in the Name Manager, then try again.`;
    case "replace-cancelled":
      return `Cancelled: sheet ${problem.sheet} was not replaced.`;
    case "unsupported-api":
      return `This version of Excel does not support ${featureEn(problem.feature)} (needs ${problem.requirement}). Update Office or use Microsoft 365 / Excel on the web.`;
    case "sheet-not-found":
      return `Sheet ${problem.sheet} no longer exists (renamed or deleted?). Reload and try again.`;
    case "sheet-hidden":
      return `Sheet ${problem.sheet} is hidden, so its cell cannot be selected. Unhide the sheet first.`;
    case "sheet-exists":
      return `Sheet ${problem.sheet} exists already; nothing was changed. Reopen the settings and save again.`;
    case "no-workbook":
      return "WPS has no workbook open. Open the workbook to work on first.";
    case "wps-call-failed":
      return `WPS call failed: ${problem.detail}`;
    case "cell-edit-mode":
      return "Excel is editing a cell. Press Enter or Esc to finish editing, then try again.";
    case "too-many-highlights":
      return `${problem.count} problem cells exceed the limit of ${problem.limit} per highlighting. Fix some issues first.`;
    case "host-call-failed":
      switch (problem.reason) {
        case "payload-too-large":
          return `Excel call failed (${problem.hostCode}): too much data in one request.`;
        case "item-not-found":
          return `Excel call failed (${problem.hostCode}): the sheet or range no longer exists (deleted or renamed?).`;
        case "access-denied":
          return `Excel call failed (${problem.hostCode}): the workbook is protected or read-only.`;
        case "other":
          return `Excel call failed (${problem.hostCode}): ${problem.detail}`;
      }
  }
}

export function hostNoteMessage(note: HostNote, language: Language): string {
  return language === "en" ? hostNoteEn(note) : hostNoteZh(note);
}

export function hostProblemMessage(problem: HostProblem, language: Language): string {
  return language === "en" ? hostProblemEn(problem) : hostProblemZh(problem);
}
