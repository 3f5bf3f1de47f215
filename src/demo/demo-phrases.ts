// What generated cases say: the sentences agents, departments and customers write, to pick from.

import type { Satisfaction } from "../domain/complaint/complaint-lifecycle.js";

export const feelings = [
  "",
  "",
  "客户情绪较为激动，表示已多次联系未果。",
  "客户对处理速度非常不满。",
  "客户称如不能妥善解决，将向监管部门反映。",
  "客户表示此前来电时坐席承诺回电，但一直没有回复。",
  "客户要求尽快给出明确答复。",
];
export const chaseSummaries = [
  "客户来电催问处理进度，已告知工单正在处理中，无需重复描述问题。",
  "客户再次来电询问进展，坐席查看记录后向客户说明当前处理环节及时限。",
  "客户来电补充情况：{days2}天前已向网点反映过，当时未登记。",
];
export const progressCalls = [
  "致电客户说明调查进展及预计答复时间。",
  "致电客户核实补充信息，客户配合提供了相关凭证。",
];
export const intakeNotes = [
  "首问负责：已向客户报工号并告知处理时限。",
  "客户要求不要在工作时间来电，回电请安排在18点以后。",
  "已按六步法安抚客户情绪，客户同意等待调查结果。",
  "客户提供了相关截图，已请客户通过邮箱发送。",
];
export const callbackNotes = [
  "核实情况后回电告知客户",
  "承诺24小时内回电答复",
  "与部门确认处理方案后回电",
];
export const coReturnReasons = [
  "经核查，本部门无相关业务记录，退回主办部门处理。",
  "属地不符：客户业务归属其他网点，请改派。",
];
export const withdrawReasons = [
  "客户来电表示问题已自行解决，申请撤诉。",
  "客户称已与网点协商一致，不再需要处理。",
  "客户表示误会已澄清，撤回投诉。",
];
export const closeReasons = ["客户满意，办结归档。", "已答复并回访，客户无异议，办结。"];
export const unreachableTry = "回访电话无人接听，未能联系到客户。";
export const unreachableClose = "已答复，三次回访未接通，按规定办结归档。";
export const reopenAfterCloseReasons = [
  "复核发现退款金额计算有误，重办。",
  "客户再次来电表示问题复发，主管决定重办。",
  "质检抽查发现答复未回应客户主要诉求，重办。",
];
export const escalateReasons = [
  "上级转办件，客户表示将继续越级投诉，升级处理。",
  "客户称将向媒体反映，存在舆情风险，升级至主管。",
  "涉及金额较大且客户情绪激动，升级处理。",
];
export const upgradeReasons = [
  "客户多次来电未获解决，咨询升级为投诉。",
  "客户对答复不满，要求按投诉处理。",
];
export const satisfiedComments: Record<Exclude<Satisfaction, "dissatisfied">, readonly string[]> = {
  satisfied: ["客户对处理结果满意，感谢及时处理。", "客户表示问题已解决，满意。"],
  basically_satisfied: [
    "客户基本满意，希望今后改进告知方式。",
    "客户接受处理结果，但认为处理时间偏长。",
  ],
};
export const dissatisfiedComments = [
  "客户认为只做了解释，问题并未真正解决，要求重新处理。",
  "客户对补偿方案不认可，要求重新处理。",
  "客户称答复内容与实际情况不符。",
];
export const unfoundedResult =
  "经核查，相关业务办理符合规定，客户所述情况与系统记录不符，已向客户做好解释。";
export const unfoundedReply =
  "您好，经核查，相关业务办理符合规定，具体依据已向您说明。我们理解您的感受，如有新的情况欢迎随时联系我们。";
