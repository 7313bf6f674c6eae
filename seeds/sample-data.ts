/**
 * The fictional city of the bundled sample (江城市): its roster, the key-task list each group of units
 * works through, the people, and how each unit fills its ledger (its "hand"). Pure data; the
 * generator (`generate.ts`) turns it into workbooks.
 */

/** 单位类别 */
export type Group = "县市区" | "开发区" | "市直机关" | "市属国企";

/** One roster entry (单位名册). */
export interface RosterUnit {
  readonly name: string;
  readonly group: Group;
  readonly aliases: readonly string[];
  /** 0 (lags) … 1 (exemplary): shapes how early its tasks get done. */
  readonly diligence: number;
}

export const ROSTER: readonly RosterUnit[] = [
  { name: "青山区", group: "县市区", aliases: ["青山"], diligence: 0.95 },
  { name: "江南区", group: "县市区", aliases: [], diligence: 0.7 },
  { name: "东湖区", group: "县市区", aliases: [], diligence: 0.55 },
  { name: "北湖区", group: "县市区", aliases: [], diligence: 0.35 },
  { name: "浮溪县", group: "县市区", aliases: ["浮溪"], diligence: 0.95 },
  { name: "乐安市", group: "县市区", aliases: ["乐安"], diligence: 0.6 },
  { name: "云岭县", group: "县市区", aliases: [], diligence: 0.45 },
  { name: "白鹭县", group: "县市区", aliases: [], diligence: 0.25 },
  { name: "桃源县", group: "县市区", aliases: [], diligence: 0.3 },
  { name: "江城高新区", group: "开发区", aliases: ["高新区", "江城高新技术产业开发区"], diligence: 0.9 },
  { name: "江城经开区", group: "开发区", aliases: ["经开区", "江城经济技术开发区"], diligence: 0.5 },
  { name: "临空经济区", group: "开发区", aliases: ["临空区"], diligence: 0.3 },
  { name: "江城综合保税区", group: "开发区", aliases: ["综保区"], diligence: 0.65 },
  { name: "市教育局", group: "市直机关", aliases: [], diligence: 0.75 },
  { name: "市卫生健康委", group: "市直机关", aliases: ["市卫健委", "卫健委"], diligence: 0.6 },
  { name: "市民政局", group: "市直机关", aliases: [], diligence: 0.4 },
  { name: "市人社局", group: "市直机关", aliases: ["市人力资源和社会保障局"], diligence: 0.95 },
  { name: "市住建局", group: "市直机关", aliases: ["市住房和城乡建设局"], diligence: 0.3 },
  { name: "市农业农村局", group: "市直机关", aliases: ["农业农村局"], diligence: 0.55 },
  { name: "市商务局", group: "市直机关", aliases: [], diligence: 0.5 },
  { name: "江城城投集团", group: "市属国企", aliases: ["城投集团", "城投公司"], diligence: 0.7 },
  { name: "江城交投集团", group: "市属国企", aliases: ["交投集团"], diligence: 0.35 },
  { name: "江城国控集团", group: "市属国企", aliases: ["国控集团"], diligence: 0.9 },
  { name: "江城水务集团", group: "市属国企", aliases: ["水务集团"], diligence: 0.5 },
  { name: "江城文旅集团", group: "市属国企", aliases: ["文旅集团"], diligence: 0.6 },
];

/** The eight default categories of SPEC §2, with the code used in task numbers. */
export const CATEGORIES = [
  ["书记述职", "SJ"],
  ["成效考核", "KH"],
  ["城市基层党建", "CS"],
  ["乡村振兴", "XC"],
  ["两新党建", "LX"],
  ["巡察整改", "XZ"],
  ["宣传信息", "XX"],
  ["其他", "QT"],
] as const;

export type Category = (typeof CATEGORIES)[number][0];

type G = "县" | "园" | "机" | "企";

const GROUP_KEY: Record<Group, G> = { 县市区: "县", 开发区: "园", 市直机关: "机", 市属国企: "企" };

export function groupKey(group: Group): G {
  return GROUP_KEY[group];
}

/** A key task of the city's list: category, text, deadline (MM-DD in 2022) and the groups it applies to. */
export interface TaskTemplate {
  readonly category: Category;
  readonly text: string;
  readonly deadline: string;
  readonly groups: string;
}

const ALL = "县园机企";

/** The city's key-task list, decomposed per group (“制定清单、挂图作战”). */
export const TASKS: readonly TaskTemplate[] = [
  // 书记述职
  {
    category: "书记述职",
    text: "落实书记抓基层党建述职评议点题事项，形成问题、任务、责任三张清单",
    deadline: "03-31",
    groups: ALL,
  },
  {
    category: "书记述职",
    text: "实施“书记领航”机制，党委书记领题解决一个基层党建重点难点问题",
    deadline: "11-30",
    groups: "县园",
  },
  {
    category: "书记述职",
    text: "在城市社区实施物业党建联建，建立党组织领导下的多方联动服务机制",
    deadline: "10-31",
    groups: "县",
  },
  {
    category: "书记述职",
    text: "选派乡创特派员助推乡村振兴，借鉴“浮溪经验”走出自己的路子",
    deadline: "11-30",
    groups: "县",
  },
  {
    category: "书记述职",
    text: "书记述职评议反馈问题整改到位，形成整改报告",
    deadline: "06-30",
    groups: ALL,
  },
  {
    category: "书记述职",
    text: "班子成员落实“一岗双责”，每人建立基层党建工作联系点",
    deadline: "04-30",
    groups: ALL,
  },
  { category: "书记述职", text: "党委（党组）专题研究基层党建工作不少于2次", deadline: "12-20", groups: ALL },
  { category: "书记述职", text: "年度书记抓基层党建工作述职报告起草报送", deadline: "12-31", groups: ALL },
  // 成效考核
  {
    category: "成效考核",
    text: "对标“加强党的建设成效”考核指标，逐项梳理佐证材料",
    deadline: "11-30",
    groups: ALL,
  },
  { category: "成效考核", text: "完成党建工作平时掌握情况自查自评", deadline: "09-30", groups: ALL },
  { category: "成效考核", text: "配合做好日常督查检查，建立问题整改台账", deadline: "08-31", groups: ALL },
  { category: "成效考核", text: "省级以上开发区“党的建设”综合考核迎检准备", deadline: "10-31", groups: "园" },
  { category: "成效考核", text: "创建模范机关，解决党建和业务“两张皮”问题", deadline: "11-30", groups: "机" },
  {
    category: "成效考核",
    text: "落实国有企业党建工作责任制考核，考核结果与经营业绩考核挂钩",
    deadline: "12-20",
    groups: "企",
  },
  { category: "成效考核", text: "年终专项考评材料整理报送", deadline: "12-25", groups: ALL },
  { category: "成效考核", text: "软弱涣散基层党组织排查整顿", deadline: "09-30", groups: "县" },
  { category: "成效考核", text: "基层党组织星级评定", deadline: "10-31", groups: "县机" },
  // 城市基层党建
  {
    category: "城市基层党建",
    text: "推进“红色物业”有效覆盖，物业企业党组织应建尽建",
    deadline: "09-30",
    groups: "县",
  },
  {
    category: "城市基层党建",
    text: "提升主城区小区物业服务覆盖率和业主委员会组建率",
    deadline: "11-30",
    groups: "县",
  },
  {
    category: "城市基层党建",
    text: "社区党群服务中心场所面积达标，未达标的制定改扩建计划",
    deadline: "10-31",
    groups: "县",
  },
  { category: "城市基层党建", text: "社区工作者人员配备到位，明确选聘条件", deadline: "08-31", groups: "县" },
  {
    category: "城市基层党建",
    text: "落实社区工作者待遇保障，建立岗位等级序列薪酬体系",
    deadline: "12-31",
    groups: "县",
  },
  {
    category: "城市基层党建",
    text: "深化城市基层党建引领基层治理，推行网格党支部全覆盖",
    deadline: "09-30",
    groups: "县园",
  },
  { category: "城市基层党建", text: "街道“大工委”、社区“大党委”实体化运行", deadline: "07-31", groups: "县" },
  {
    category: "城市基层党建",
    text: "机关党组织和在职党员到社区“双报到”，建立服务台账",
    deadline: "06-30",
    groups: "机企",
  },
  {
    category: "城市基层党建",
    text: "园区党群服务中心建设，为企业职工提供“一站式”服务",
    deadline: "09-30",
    groups: "园",
  },
  {
    category: "城市基层党建",
    text: "参与城市社区共驻共建，认领社区治理项目",
    deadline: "10-31",
    groups: "机企",
  },
  // 乡村振兴
  {
    category: "乡村振兴",
    text: "实施村干部学历提升行动，组织村干部报名参加学历教育",
    deadline: "09-30",
    groups: "县",
  },
  { category: "乡村振兴", text: "开展致富能手培养行动，每村储备致富带头人", deadline: "10-31", groups: "县" },
  {
    category: "乡村振兴",
    text: "县派驻村第一书记和工作队日常管理，落实考勤、请销假制度",
    deadline: "06-30",
    groups: "县",
  },
  { category: "乡村振兴", text: "驻村第一书记季度述职和年度考核", deadline: "12-20", groups: "县" },
  { category: "乡村振兴", text: "选派乡创特派员到村开展服务，建立服务台账", deadline: "08-31", groups: "县" },
  { category: "乡村振兴", text: "发展壮大村级集体经济，消除集体经济薄弱村", deadline: "11-30", groups: "县" },
  { category: "乡村振兴", text: "抓党建促乡村振兴示范村创建", deadline: "10-31", groups: "县" },
  { category: "乡村振兴", text: "定点帮扶村结对共建，帮助解决实际困难", deadline: "11-30", groups: "园机企" },
  { category: "乡村振兴", text: "选派优秀年轻干部到乡村振兴一线任职", deadline: "05-31", groups: "机" },
  {
    category: "乡村振兴",
    text: "参与乡村振兴产业帮扶项目，落实消费帮扶任务",
    deadline: "10-31",
    groups: "企园",
  },
  // 两新党建
  { category: "两新党建", text: "推动市县两级“小个专”综合党委实体化运作", deadline: "09-30", groups: "县" },
  {
    category: "两新党建",
    text: "抓好新业态新就业群体党建，在快递员、外卖配送员、网约车司机中建立功能型党支部",
    deadline: "10-31",
    groups: "县机",
  },
  {
    category: "两新党建",
    text: "依托行业主管部门成立行业综合党委，用好用活发挥作用",
    deadline: "08-31",
    groups: "机",
  },
  {
    category: "两新党建",
    text: "摸清两新组织底数，建立党员、党组织信息台账",
    deadline: "06-30",
    groups: "县园机",
  },
  {
    category: "两新党建",
    text: "规上非公企业党组织应建尽建，实现有效覆盖",
    deadline: "09-30",
    groups: "县园",
  },
  { category: "两新党建", text: "向园区企业选派党建指导员", deadline: "07-31", groups: "园" },
  { category: "两新党建", text: "网络直播平台党建工作试点", deadline: "11-30", groups: "县机" },
  { category: "两新党建", text: "两新组织党组织书记抓党建述职评议", deadline: "12-31", groups: "园机" },
  {
    category: "两新党建",
    text: "落实两新工委成员单位职责，报送履职情况报告",
    deadline: "11-30",
    groups: "机",
  },
  { category: "两新党建", text: "党建工作要求写入混合所有制企业公司章程", deadline: "09-30", groups: "企" },
  { category: "两新党建", text: "落实“双向进入、交叉任职”领导体制", deadline: "08-31", groups: "企" },
  { category: "两新党建", text: "园区新就业群体“暖心驿站”建设", deadline: "10-31", groups: "园企" },
  // 巡察整改
  {
    category: "巡察整改",
    text: "基层党建巡察调研反馈问题逐条整改、逐项销号",
    deadline: "06-30",
    groups: ALL,
  },
  { category: "巡察整改", text: "省委巡视反馈基层党建方面问题整改", deadline: "09-30", groups: ALL },
  {
    category: "巡察整改",
    text: "清查整治规范党务工作，严禁安排非党员从事党务工作",
    deadline: "07-31",
    groups: ALL,
  },
  {
    category: "巡察整改",
    text: "清查整治“回头看”，对整改情况开展电话和现场抽查",
    deadline: "10-31",
    groups: ALL,
  },
  { category: "巡察整改", text: "省委组织部调研指导指出问题整改", deadline: "11-30", groups: "县园" },
  { category: "巡察整改", text: "党支部标准化规范化建设达标", deadline: "09-30", groups: ALL },
  { category: "巡察整改", text: "发展党员违规违纪问题排查整改", deadline: "08-31", groups: ALL },
  { category: "巡察整改", text: "党费收缴使用管理专项检查问题整改", deadline: "05-31", groups: ALL },
  { category: "巡察整改", text: "市委巡察反馈国企党建问题整改", deadline: "10-31", groups: "企" },
  { category: "巡察整改", text: "机关党建督查发现问题整改", deadline: "10-31", groups: "机" },
  // 宣传信息
  { category: "宣传信息", text: "组工信息报送，全年不少于24条", deadline: "12-31", groups: ALL },
  { category: "宣传信息", text: "参阅信息投稿，力争被省级以上采用", deadline: "12-31", groups: "县园" },
  {
    category: "宣传信息",
    text: "网评文章报送，确保有被认定为有影响力的文章",
    deadline: "11-30",
    groups: ALL,
  },
  { category: "宣传信息", text: "基层党建典型经验在市级以上媒体宣传推介", deadline: "10-31", groups: ALL },
  { category: "宣传信息", text: "学习宣传贯彻党的二十大精神集中宣讲", deadline: "11-30", groups: ALL },
  { category: "宣传信息", text: "打造党建品牌，总结提炼工作特色", deadline: "12-15", groups: ALL },
  { category: "宣传信息", text: "“最美基层党员”先进典型选树宣传", deadline: "07-01", groups: "县机" },
  { category: "宣传信息", text: "国企“一企一品”党建品牌宣传", deadline: "10-31", groups: "企" },
  // 其他
  {
    category: "其他",
    text: "疫情防控中发挥基层党组织战斗堡垒作用和党员先锋模范作用",
    deadline: "12-31",
    groups: ALL,
  },
  { category: "其他", text: "完成党员年度集中轮训", deadline: "09-30", groups: ALL },
  { category: "其他", text: "年度发展党员计划执行", deadline: "11-30", groups: ALL },
  { category: "其他", text: "党内统计年报", deadline: "03-31", groups: ALL },
  { category: "其他", text: "基层党组织按期换届", deadline: "06-30", groups: ALL },
  {
    category: "其他",
    text: "“三会一课”、主题党日、组织生活会制度落实情况检查",
    deadline: "12-31",
    groups: ALL,
  },
  { category: "其他", text: "“七一”走访慰问困难党员、老党员", deadline: "07-01", groups: ALL },
  { category: "其他", text: "党员冬训", deadline: "03-15", groups: ALL },
  { category: "其他", text: "离退休干部党建工作", deadline: "09-30", groups: "机企" },
  { category: "其他", text: "基层党支部标准化建设达标验收", deadline: "09-30", groups: "企" },
  { category: "其他", text: "园区企业人才党建工作", deadline: "10-31", groups: "园" },
  { category: "其他", text: "党建工作经费保障落实", deadline: "08-31", groups: "县园企" },
  { category: "其他", text: "党组织书记和党务干部业务培训", deadline: "10-31", groups: ALL },
];

export const SURNAMES =
  "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁沈姚卢姜崔钟谭陆汪范金石廖贾夏付方邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵万钱严";

export const GIVEN_NAMES = [
  "伟",
  "芳",
  "娜",
  "敏",
  "静",
  "丽",
  "强",
  "磊",
  "军",
  "洋",
  "勇",
  "艳",
  "杰",
  "娟",
  "涛",
  "明",
  "超",
  "秀英",
  "霞",
  "平",
  "刚",
  "桂英",
  "建华",
  "文",
  "华",
  "志强",
  "晓东",
  "海燕",
  "国平",
  "卫东",
  "红梅",
  "建国",
  "小兵",
  "雪",
  "婷",
  "晨",
  "宇",
  "浩",
  "鹏",
  "俊",
  "斌",
  "亮",
  "琳",
  "慧",
  "颖",
  "思远",
  "振华",
  "春生",
  "玉兰",
  "德明",
];

export const EVIDENCE: Record<Category, readonly string[]> = {
  书记述职: ["述职报告", "领题项目推进方案、会议纪要", "整改报告", "联系点工作记录"],
  成效考核: ["自查自评报告", "考核指标佐证材料汇编", "整改台账", "迎检材料清单"],
  城市基层党建: ["联建协议、工作照片", "小区物业覆盖情况统计表", "场所改扩建计划", "社区工作者花名册"],
  乡村振兴: ["学历教育报名名单", "驻村考勤记录", "乡创特派员服务台账", "集体经济收入统计表"],
  两新党建: ["综合党委成立批复", "党组织组建情况统计表", "党建指导员选派文件", "公司章程修订稿"],
  巡察整改: ["整改报告", "问题整改销号清单", "抽查记录", "专项检查报告"],
  宣传信息: ["信息采用通知截图", "网评文章链接汇总", "媒体报道截图", "宣讲活动照片"],
  其他: ["培训签到表", "工作方案", "会议记录", "统计年报"],
};

export const NOTES_IN_PROGRESS = [
  "按计划推进",
  "已完成阶段性任务",
  "受疫情影响有所延后",
  "正在收集佐证材料",
  "已列入年底冲刺清单",
];
