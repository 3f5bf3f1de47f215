// Pure generation of the demo: the same seed always gives the same complaints and the same steps.
// Each complaint is aimed at a final lifecycle state and given a path there that the real rules
// allow, with the detours real cases take (退单, 重办, callbacks, repeat calls, escalation).

import {
  type ComplaintStatus,
  complaintStatuses,
  type Satisfaction,
} from "../domain/complaint/complaint-lifecycle.js";
import { CustomerPool } from "./demo-people.js";
import type { ComplaintPlan, DemoIntake, DemoStep } from "./demo-plan.js";
import { handlerOf, usernamesByRole } from "./demo-staff.js";
import { seedStories } from "./demo-stories.js";
import {
  caseVars,
  coHandlerResults,
  redressRoutes,
  type Theme,
  type ThemeCase,
  themes,
} from "./demo-themes.js";
import { fill, type Random, seededRandom } from "./seeded-random.js";

export interface DemoOptions {
  complaints: number;
  seed: number;
}

/** Closed cases dominate a real center's history; every other state has a share. */
const statusWeights: readonly (readonly [ComplaintStatus, number])[] = [
  ["received", 6],
  ["assigned", 7],
  ["dispatched", 12],
  ["handled", 7],
  ["replied", 9],
  ["followed_up", 8],
  ["reopened", 6],
  ["closed", 35],
  ["withdrawn", 5],
  ["merged", 5],
];
// Merged first: it needs two slots, which the first rounds always have.
const coverageOrder: readonly ComplaintStatus[] = [
  "merged",
  ...complaintStatuses.filter((status) => status !== "merged"),
];

const agents = usernamesByRole("agent");
const specialists = usernamesByRole("specialist");
const supervisors = usernamesByRole("supervisor");
const qualityStaff = usernamesByRole("quality");

const feelings = [
  "",
  "",
  "客户情绪较为激动，表示已多次联系未果。",
  "客户对处理速度非常不满。",
  "客户称如不能妥善解决，将向监管部门反映。",
  "客户表示此前来电时坐席承诺回电，但一直没有回复。",
  "客户要求尽快给出明确答复。",
];
const chaseSummaries = [
  "客户来电催问处理进度，已告知工单正在处理中，无需重复描述问题。",
  "客户再次来电询问进展，坐席查看记录后向客户说明当前处理环节及时限。",
  "客户来电补充情况：{days2}天前已向网点反映过，当时未登记。",
];
const progressCalls = [
  "致电客户说明调查进展及预计答复时间。",
  "致电客户核实补充信息，客户配合提供了相关凭证。",
];
const intakeNotes = [
  "首问负责：已向客户报工号并告知处理时限。",
  "客户要求不要在工作时间来电，回电请安排在18点以后。",
  "已按六步法安抚客户情绪，客户同意等待调查结果。",
  "客户提供了相关截图，已请客户通过邮箱发送。",
];
const callbackNotes = [
  "核实情况后回电告知客户",
  "承诺24小时内回电答复",
  "与部门确认处理方案后回电",
];
const coReturnReasons = [
  "经核查，本部门无相关业务记录，退回主办部门处理。",
  "属地不符：客户业务归属其他网点，请改派。",
];
const withdrawReasons = [
  "客户来电表示问题已自行解决，申请撤诉。",
  "客户称已与网点协商一致，不再需要处理。",
  "客户表示误会已澄清，撤回投诉。",
];
const closeReasons = ["客户满意，办结归档。", "已答复并回访，客户无异议，办结。"];
const unreachableClose = "已答复，三次回访未接通，按规定办结归档。";
const reopenAfterCloseReasons = [
  "复核发现退款金额计算有误，重办。",
  "客户再次来电表示问题复发，主管决定重办。",
  "质检抽查发现答复未回应客户主要诉求，重办。",
];
const escalateReasons = [
  "上级转办件，客户表示将继续越级投诉，升级处理。",
  "客户称将向媒体反映，存在舆情风险，升级至主管。",
  "涉及金额较大且客户情绪激动，升级处理。",
];
const upgradeReasons = [
  "客户多次来电未获解决，咨询升级为投诉。",
  "客户对答复不满，要求按投诉处理。",
];
const satisfiedComments: Record<Exclude<Satisfaction, "dissatisfied">, readonly string[]> = {
  satisfied: ["客户对处理结果满意，感谢及时处理。", "客户表示问题已解决，满意。"],
  basically_satisfied: [
    "客户基本满意，希望今后改进告知方式。",
    "客户接受处理结果，但认为处理时间偏长。",
  ],
};
const dissatisfiedComments = [
  "客户认为只做了解释，问题并未真正解决，要求重新处理。",
  "客户对补偿方案不认可，要求重新处理。",
  "客户称答复内容与实际情况不符。",
];
const unfoundedResult =
  "经核查，相关业务办理符合规定，客户所述情况与系统记录不符，已向客户做好解释。";
const unfoundedReply =
  "您好，经核查，相关业务办理符合规定，具体依据已向您说明。我们理解您的感受，如有新的情况欢迎随时联系我们。";

/** Everything one generated complaint is built from. */
interface Case {
  rng: Random;
  theme: Theme;
  /** What happened, and what the lead department finds. */
  story: ThemeCase;
  vars: Record<string, string | number>;
  intakeAgent: string;
  /** Another agent who happens to take the customer's next call. */
  otherAgent: string;
  specialist: string;
  steps: DemoStep[];
  /** The accountable owner once assigned; drives the case. */
  driver: string | null;
  /** 首问负责: the intake agent owns the case from the first call. */
  ownAtIntake: boolean;
  /** An inquiry that turns into a complaint once someone owns it. */
  upgradeLater: boolean;
  transfer: boolean;
  /** Whether the lead department's finding upheld the complaint, for the reply that follows. */
  upheld: boolean;
}

const say = (c: Case, template: string) => fill(template, c.vars);
const add = (c: Case, step: DemoStep) => c.steps.push(step);
const driverOf = (c: Case) => c.driver ?? c.intakeAgent;

const severities = [
  ["low", 15],
  ["normal", 60],
  ["high", 20],
  ["critical", 5],
] as const;
const mentalities = ["venting", "authority", "gain", "attention"] as const;

/** 咨询 an agent answers on the spot. */
function questionIntake(c: Case): DemoIntake {
  const subject = say(c, c.rng.pick(c.theme.inquiries));
  return {
    kind: "inquiry",
    channel: c.rng.weighted(c.theme.channels),
    subject,
    description: `客户来电${subject}，坐席按知识库解答。`,
    category: c.theme.category,
    businessType: c.theme.businessType,
    causes: [],
    severity: "low",
  };
}

/** Who or what the customer complains about: a branch or power station, a person, a product. */
function complainedAbout(c: Case): Partial<DemoIntake> {
  const { rng, theme, vars } = c;
  const place = theme.sector === "bank" ? vars.branch : vars.station;
  return {
    ...(theme.sector !== "product" && rng.chance(0.6) && { complainedBranch: String(place) }),
    ...(theme.complainedEmployees &&
      rng.chance(0.4) && { complainedEmployee: rng.pick(theme.complainedEmployees) }),
    ...(theme.sector === "product" && { complainedProduct: String(vars.product) }),
  };
}

/** The complaint as the agent records it; an inquiry here is one that will be upgraded. */
function complaintIntake(c: Case, kind: "complaint" | "inquiry"): DemoIntake {
  const { rng, theme } = c;
  const demand = say(c, rng.pick(theme.demands));
  const amount = theme.demandAmount && rng.chance(0.35) ? theme.demandAmount : null;
  return {
    kind,
    channel: rng.weighted(theme.channels),
    subject: say(c, c.story.subject),
    description: `${say(c, c.story.situation + rng.pick(feelings))}客户诉求：${demand}。`,
    demand,
    ...(amount && { demandAmount: rng.int(amount[0], amount[1]) }),
    category: theme.category,
    businessType: theme.businessType,
    causes: rng.sample(theme.causes, rng.int(1, 3)),
    severity: rng.weighted(severities),
    ...(rng.chance(0.2) && { mentality: rng.pick(mentalities) }),
    ...complainedAbout(c),
  };
}

/** 上级转办: the hotline's own reference number and a deadline shorter than ours. */
function asTransfer(c: Case, intake: DemoIntake): DemoIntake {
  const hotline = c.rng.pick(c.theme.hotlines);
  const mmdd = `${String(c.vars.month).padStart(2, "0")}${String(c.vars.day).padStart(2, "0")}`;
  return {
    ...intake,
    kind: "complaint",
    channel: "upper_level",
    transfer: {
      hotline,
      externalNo: `${hotline}-2026${mmdd}-${String(c.rng.int(1, 9999)).padStart(4, "0")}`,
      dueInDays: c.rng.int(2, 10),
    },
    severity: intake.severity === "low" || c.rng.chance(0.5) ? "high" : intake.severity,
  };
}

/** What happens during and right after the first call, while the intake agent still holds it. */
function intakeExtras(c: Case) {
  if (c.rng.chance(0.25)) add(c, { by: c.intakeAgent, do: "note", text: c.rng.pick(intakeNotes) });
  if (c.rng.chance(0.2))
    add(c, {
      by: c.intakeAgent,
      do: "callback",
      dueInHours: c.rng.pick([4, 24, 48, 72]),
      note: c.rng.pick(callbackNotes),
    });
}

function chase(c: Case) {
  if (c.rng.chance(0.3))
    add(c, {
      by: c.otherAgent,
      do: "contact",
      direction: "inbound",
      channel: "phone",
      summary: say(c, c.rng.pick(chaseSummaries)),
    });
}

/** 首问负责 or a specialist taking the case, then whatever an owner does first. */
function takeOwnership(c: Case) {
  const roll = c.rng.next();
  c.ownAtIntake = roll < 0.45;
  if (c.ownAtIntake) c.driver = c.intakeAgent;
  else {
    const owner = roll < 0.8 ? c.specialist : c.otherAgent;
    add(c, { by: c.specialist, do: "assign", owner });
    c.driver = owner;
  }
  if (c.upgradeLater)
    add(c, { by: driverOf(c), do: "upgrade", reason: c.rng.pick(upgradeReasons) });
  if (c.transfer && c.rng.chance(0.35))
    add(c, { by: driverOf(c), do: "escalate", reason: c.rng.pick(escalateReasons) });
}

/** 退单 of a case sent to the wrong department first; the owner then re-dispatches. */
function misroute(c: Case) {
  const { code, reason } = c.theme.misrouted;
  add(c, { by: driverOf(c), do: "dispatch", departments: [{ code }] });
  if (c.rng.chance(0.3)) add(c, { by: handlerOf(code), do: "accept", department: code });
  add(c, { by: handlerOf(code), do: "return", department: code, reason });
}

function leadResult(c: Case) {
  const lead = c.theme.lead;
  const upheld = c.rng.chance(0.8);
  c.upheld = upheld;
  add(c, {
    by: handlerOf(lead),
    do: "result",
    department: lead,
    result: upheld ? say(c, c.story.result) : unfoundedResult,
    substantiated: upheld,
    responsibility: upheld
      ? c.rng.weighted([
          ["company", 8],
          ["third_party", 2],
        ] as const)
      : "customer",
  });
}

/** One round of 派单; `complete` runs it until every department has answered. */
function dispatchRound(c: Case, complete: boolean, firstRound: boolean) {
  const { rng, theme } = c;
  if (firstRound && rng.chance(0.15)) misroute(c);
  const coChoices = theme.coHandlers.filter((code) => code !== theme.misrouted.code);
  const co = coChoices.length > 0 && rng.chance(0.35) ? rng.pick(coChoices) : null;
  add(c, {
    by: driverOf(c),
    do: "dispatch",
    departments: [{ code: theme.lead, lead: true }, ...(co ? [{ code: co }] : [])],
    instructions: firstRound
      ? "请核实客户反映情况，在时限内反馈处理结果。"
      : "客户对上次处理不满意，请重新核查并提出解决方案。",
  });
  const leadAccepts = complete || rng.chance(0.5);
  if (leadAccepts) add(c, { by: handlerOf(theme.lead), do: "accept", department: theme.lead });
  if (co) coHandler(c, co, complete);
  if (complete) leadResult(c);
}

function coHandler(c: Case, co: string, complete: boolean) {
  const by = handlerOf(co);
  if (c.rng.chance(0.2)) {
    add(c, { by, do: "return", department: co, reason: c.rng.pick(coReturnReasons) });
    return;
  }
  if (!complete && c.rng.chance(0.5)) return;
  add(c, { by, do: "accept", department: co });
  if (complete)
    add(c, {
      by,
      do: "result",
      department: co,
      result: c.rng.pick(coHandlerResults),
      substantiated: true,
      responsibility: "company",
    });
}

function reply(c: Case) {
  const { rng, theme } = c;
  add(c, {
    by: driverOf(c),
    do: "reply",
    message: c.upheld ? say(c, rng.pick(theme.replies)) : unfoundedReply,
    ...(c.upheld && { remedy: rng.pick(theme.remedies) }),
    redressRoutes: redressRoutes[theme.sector],
  });
}

function followUp(c: Case, satisfaction: Satisfaction) {
  const by = c.rng.chance(0.7) ? c.rng.pick(qualityStaff) : c.otherAgent;
  const comment =
    satisfaction === "dissatisfied"
      ? c.rng.pick(dissatisfiedComments)
      : c.rng.pick(satisfiedComments[satisfaction]);
  add(c, { by, do: "follow-up", satisfaction, comment });
}

/** A follow-up that finds the customer content, mostly fully. */
const pleased = (c: Case) =>
  c.rng.weighted([
    ["satisfied", 3],
    ["basically_satisfied", 1],
  ] as const);

/** Owned, investigated by the departments, answered. */
function handledAndReplied(c: Case) {
  takeOwnership(c);
  chase(c);
  dispatchRound(c, true, true);
  if (c.rng.chance(0.3))
    add(c, {
      by: driverOf(c),
      do: "contact",
      direction: "outbound",
      channel: "phone",
      summary: c.rng.pick(progressCalls),
    });
  reply(c);
}

function closeCase(c: Case) {
  add(c, { by: driverOf(c), do: "close", reason: c.rng.pick(closeReasons) });
}

/** 重办 after a dissatisfied follow-up: a second round of departments, a new reply, a new visit. */
function secondRound(c: Case) {
  followUp(c, "dissatisfied");
  if (c.rng.chance(0.5))
    add(c, {
      by: c.rng.pick(supervisors),
      do: "note",
      text: "重办：请专员牵头重新核查，三日内答复。",
    });
  dispatchRound(c, true, false);
  reply(c);
  followUp(c, pleased(c));
}

/** 重办 of a case the customer was unhappy with, or one a supervisor reopens after closing. */
function reopenedPath(c: Case) {
  handledAndReplied(c);
  if (c.rng.chance(0.6)) {
    followUp(c, "dissatisfied");
    return;
  }
  followUp(c, pleased(c));
  closeCase(c);
  add(c, {
    by: c.rng.pick(supervisors),
    do: "reopen",
    reason: c.rng.pick(reopenAfterCloseReasons),
  });
}

/** Closed after a good visit, after an unreachable customer, or after a second round. */
function closedPath(c: Case) {
  handledAndReplied(c);
  const roll = c.rng.next();
  if (roll < 0.6) followUp(c, pleased(c));
  else if (roll < 0.75) {
    add(c, { by: driverOf(c), do: "close", reason: unreachableClose });
    return;
  } else secondRound(c);
  closeCase(c);
}

/** The steps that take a freshly registered complaint to `target`. */
function pathTo(c: Case, target: Exclude<ComplaintStatus, "merged">) {
  intakeExtras(c);
  switch (target) {
    case "received":
      c.upgradeLater = false;
      chase(c);
      return;
    case "assigned":
      takeOwnership(c);
      return;
    case "dispatched":
      takeOwnership(c);
      dispatchRound(c, false, true);
      chase(c);
      return;
    case "handled":
      takeOwnership(c);
      dispatchRound(c, true, true);
      return;
    case "replied":
      handledAndReplied(c);
      return;
    case "followed_up":
      handledAndReplied(c);
      followUp(c, pleased(c));
      return;
    case "reopened":
      reopenedPath(c);
      return;
    case "closed":
      closedPath(c);
      return;
    case "withdrawn":
      takeOwnership(c);
      if (c.rng.chance(0.4)) dispatchRound(c, false, true);
      add(c, { by: driverOf(c), do: "withdraw", reason: c.rng.pick(withdrawReasons) });
  }
}

function newCase(rng: Random, theme: Theme): Case {
  const [intakeAgent, otherAgent] = rng.sample(agents, 2) as [string, string];
  return {
    rng,
    theme,
    story: rng.pick(theme.cases),
    vars: caseVars(rng),
    intakeAgent,
    otherAgent,
    specialist: rng.pick(specialists),
    steps: [],
    driver: null,
    ownAtIntake: false,
    upgradeLater: false,
    transfer: false,
    upheld: true,
  };
}

/** 咨询 answered on the spot: owned by the agent who took the call, replied, maybe visited and closed. */
function answeredInquiry(
  rng: Random,
  pool: CustomerPool,
  ref: string,
  target: ComplaintStatus,
): ComplaintPlan {
  const theme = rng.pick(themes);
  const c = newCase(rng, theme);
  const intake = questionIntake(c);
  c.driver = c.intakeAgent;
  add(c, {
    by: c.intakeAgent,
    do: "reply",
    message: `已为客户解答：${intake.subject.replace(/^咨询/, "")}的相关规定及办理方式，客户表示清楚。`,
  });
  if (target !== "replied") followUp(c, "satisfied");
  if (target === "closed") closeCase(c);
  return {
    ref,
    customer: pool.customerFor(theme.sector),
    intake: { by: c.intakeAgent, own: true, complaint: intake },
    steps: c.steps,
    expected: target,
  };
}

function complaintPlan(
  rng: Random,
  pool: CustomerPool,
  ref: string,
  target: Exclude<ComplaintStatus, "merged">,
): ComplaintPlan {
  if ((target === "replied" || target === "followed_up" || target === "closed") && rng.chance(0.12))
    return answeredInquiry(rng, pool, ref, target);
  const theme = rng.pick(themes);
  const c = newCase(rng, theme);
  c.upgradeLater = rng.chance(0.1);
  c.transfer = rng.chance(0.15);
  let intake = complaintIntake(c, c.upgradeLater ? "inquiry" : "complaint");
  if (c.transfer) {
    intake = asTransfer(c, intake);
    c.upgradeLater = false;
  }
  pathTo(c, target);
  return {
    ref,
    customer: pool.customerFor(theme.sector),
    intake: { by: c.intakeAgent, own: c.ownAtIntake, complaint: intake },
    steps: c.steps,
    expected: target,
  };
}

/** A repeat call about a case still open: registered, then merged into the first one. */
function mergedPair(rng: Random, pool: CustomerPool, ref: string): ComplaintPlan[] {
  const parent = complaintPlan(
    rng,
    pool,
    `${ref}-parent`,
    rng.pick(["assigned", "dispatched", "handled"] as const),
  );
  const by = rng.pick(agents.filter((a) => a !== parent.intake.by));
  const merger = rng.pick(specialists);
  const child: ComplaintPlan = {
    ref,
    customer: parent.customer,
    intake: {
      by,
      own: false,
      complaint: {
        ...parent.intake.complaint,
        kind: "complaint",
        channel: "phone",
        transfer: undefined,
        subject: `再次反映：${parent.intake.complaint.subject}`,
        description: `客户再次来电反映同一问题，称前次反映后至今未解决。${parent.intake.complaint.description}`,
      },
    },
    steps: [
      { by, do: "note", text: "客户历史记录中已有同一问题的在办工单，提交合并。" },
      { by: merger, do: "merge", into: parent.ref },
    ],
    expected: "merged",
  };
  return [parent, child];
}

/**
 * The seed documents' stories, then generated complaints up to `complaints` in all, covering every
 * lifecycle state before drawing the rest by weight.
 */
export function generateDemo({ complaints, seed }: DemoOptions): ComplaintPlan[] {
  const rng = seededRandom(seed);
  const pool = new CustomerPool(rng);
  const plans: ComplaintPlan[] = [...seedStories];
  for (let i = 0; plans.length < complaints; i++) {
    const target = coverageOrder[i] ?? rng.weighted(statusWeights);
    const ref = `demo-${i}`;
    if (target !== "merged") plans.push(complaintPlan(rng, pool, ref, target));
    else if (complaints - plans.length >= 2) plans.push(...mergedPair(rng, pool, ref));
  }
  return plans;
}
