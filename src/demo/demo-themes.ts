// Phrase templates for demo complaints, one theme per kind of trouble a bank, a power utility or
// a manufacturer hears about. `{placeholders}` are filled from caseVars, so one template gives
// many different complaints.

import type { Random } from "./seeded-random.js";

export type Sector = "bank" | "power" | "product";

export interface ThemeCase {
  subject: string;
  situation: string;
  result: string;
}

export interface Theme {
  key: string;
  sector: Sector;
  category: string;
  businessType: string;
  /** Cause codes the complaint draws one to three from. */
  causes: readonly string[];
  channels: readonly (readonly [string, number])[];
  /** Upper-level hotlines that transfer this kind of complaint (上级转办). */
  hotlines: readonly string[];
  /** 主办 department code. */
  lead: string;
  /** Possible 协办 departments. */
  coHandlers: readonly string[];
  /** Where such cases often land first by mistake, and the 退单 reason given back. */
  misrouted: { code: string; reason: string };
  /** What happened, each with the lead department's finding when it is upheld. */
  cases: readonly ThemeCase[];
  demands: readonly string[];
  /** Money the customer asks for, when they ask for any. */
  demandAmount?: readonly [number, number];
  complainedEmployees?: readonly string[];
  replies: readonly string[];
  remedies: readonly string[];
  /** Questions an agent answers on the spot (咨询). */
  inquiries: readonly string[];
}

const bankChannels = [
  ["phone", 6],
  ["counter", 2],
  ["app", 2],
  ["online", 1],
  ["wechat", 1],
] as const;
const powerChannels = [
  ["phone", 6],
  ["counter", 1],
  ["wechat", 2],
  ["app", 1],
] as const;
const productChannels = [
  ["phone", 3],
  ["email", 3],
  ["letter", 1],
  ["online", 1],
] as const;

export const themes: readonly Theme[] = [
  {
    key: "credit_card_delivery",
    sector: "bank",
    category: "delivery",
    businessType: "credit_card",
    causes: ["time_delayed", "right_to_know", "felt_ignored", "credibility"],
    channels: bankChannels,
    hotlines: ["12378", "96169", "12345"],
    lead: "demo-card",
    coHandlers: ["demo-credit", "demo-branch"],
    misrouted: {
      code: "demo-credit",
      reason: "职能不符：信用卡制卡与寄送由信用卡中心负责，信贷部仅为推荐渠道，请改派信用卡中心。",
    },
    cases: [
      {
        subject: "信用卡申请{days}天仍未收到卡片",
        situation:
          "客户于{month}月{day}日在{branch}办理业务时经工作人员推荐申请了信用卡，至今{days}天仍未收到卡片，也没有任何短信或电话说明。",
        result:
          "经核查，客户申请已于{month}月{day}日审批通过，因制卡批次积压延迟寄送；已加急制卡，EMS单号已登记。",
      },
      {
        subject: "信用卡审批结果无人告知",
        situation:
          "客户表示已先后三次来电查询审批进度，每次都要重新报姓名和身份证号，坐席承诺回电但始终没有回复，至今不知道审批结果。",
        result:
          "经核查，审批时单位电话核实一次无人接听即判定不通过，未按规定多次核实且未通知客户，属我方责任；已重新提交审批。",
      },
      {
        subject: "信用卡寄出后物流查询不到，担心丢失",
        situation:
          "客户称其申请的信用卡显示已于{days2}天前寄出，但快递查询不到物流信息，担心卡片在邮寄途中丢失被盗用。",
        result: "经核查，卡片因地址录入错误被退回，已与客户确认新地址并重新寄送，原卡已作废。",
      },
      {
        subject: "新卡激活失败，网点与信用卡中心互相推诿",
        situation:
          "客户反映新卡收到后按短信提示激活，系统多次提示“信息不符”，致电客服被告知需到网点办理，网点又让其联系信用卡中心。",
        result:
          "经核查，客户预留手机号录入错误导致激活校验失败，已更正信息并协助客户完成激活；已明确激活问题由信用卡中心一次办结。",
      },
    ],
    demands: [
      "尽快告知审批结果并寄出卡片",
      "说明卡片去向，如已丢失立即挂失补寄",
      "给出明确的处理时限并由专人跟进",
    ],
    complainedEmployees: ["信用卡中心坐席（未报工号）", "客户经理", "网点柜员"],
    replies: [
      "您好，经核查，您的信用卡问题已查明原因并处理完毕，给您带来不便深表歉意，卡片预计{days2}个工作日内寄达。",
      "您好，经核实，我们在办理过程中确有处理不当之处，已为您重新办理，并对相关人员进行了培训。",
    ],
    remedies: ["免收首年年费", "加急制卡并包邮寄送", "客户经理当面致歉"],
    inquiries: ["咨询信用卡审批进度", "咨询信用卡年费减免政策", "咨询信用卡激活方式"],
  },
  {
    key: "credit_card_fees",
    sector: "bank",
    category: "price",
    businessType: "credit_card",
    causes: ["terms", "disclosure", "rights_infringed", "contract_terms"],
    channels: bankChannels,
    hotlines: ["12378", "12345"],
    lead: "demo-card",
    coHandlers: ["demo-branch"],
    misrouted: {
      code: "demo-branch",
      reason: "职能不符：信用卡分期及费用由信用卡中心核算，网点无权调整，请改派信用卡中心。",
    },
    cases: [
      {
        subject: "信用卡分期手续费与办理时告知不一致",
        situation:
          "客户反映办理账单分期时客服称“零利率”，实际每期收取手续费，{month}月账单合计多扣{fee}元，认为存在误导。",
        result:
          "经调取录音，分期营销话术未完整披露手续费，属实；已退还手续费{fee}元，并对营销人员进行话术培训。",
      },
      {
        subject: "未开卡却被收取年费{fee}元",
        situation:
          "客户称卡片收到后从未激活使用，却在{month}月账单中被收取年费{fee}元，并因未还款产生了逾期记录。",
        result: "经核查，该卡未激活，按规定不应收取年费；已冲正年费{fee}元并撤销逾期上报。",
      },
      {
        subject: "还款晚一天被收取高额违约金",
        situation:
          "客户因出差晚还款一天，被收取违约金和利息共{fee}元，认为与合同约定的宽限期不符。",
        result:
          "经核查，违约金按合同条款收取无误，考虑客户首次逾期且有宽限期误解，同意减免违约金。",
      },
      {
        subject: "账单分期被自动办理，未经本人同意",
        situation:
          "客户表示从未申请分期，却收到分期成功短信，每月被扣手续费，致电要求取消被告知需支付提前结清费用。",
        result: "经核查，系营销活动默认勾选分期，未取得客户明确同意；已取消分期并退还全部手续费。",
      },
    ],
    demands: ["退还多收的费用{fee}元", "取消分期并消除逾期记录", "书面说明收费依据"],
    demandAmount: [50, 2000],
    replies: [
      "您好，经核查，相关费用已为您办理退还/减免，预计{days2}个工作日内到账，给您带来困扰深表歉意。",
      "您好，经核实，该笔费用的收取和告知存在不到位之处，我行已为您办理减免，并附上收费条款说明。",
    ],
    remedies: ["退还手续费", "冲正年费并撤销逾期上报", "减免违约金"],
    inquiries: ["咨询账单分期手续费标准", "咨询最低还款额计算方式", "咨询信用卡年费规则"],
  },
  {
    key: "debt_collection",
    sector: "bank",
    category: "service",
    businessType: "credit_card",
    causes: ["person", "information_security", "rights_infringed", "service_attitude"],
    channels: bankChannels,
    hotlines: ["12378", "96169", "12345"],
    lead: "demo-card",
    coHandlers: ["demo-cs"],
    misrouted: {
      code: "demo-cs",
      reason: "职能不符：催收由信用卡中心委托管理，客服部无法核查外包催收记录，请改派信用卡中心。",
    },
    cases: [
      {
        subject: "催收人员多次致电骚扰家人和同事",
        situation:
          "客户反映其信用卡逾期{days}天，催收人员一天内拨打电话{queue}次，并联系其单位同事和父母，泄露其欠款信息。",
        result:
          "经调取录音，委外催收人员存在联系无关第三人、泄露欠款信息的行为，属实；已暂停该催收机构合作并扣罚服务费。",
      },
      {
        subject: "催收电话言语威胁，态度恶劣",
        situation:
          "客户称催收人员在电话中使用威胁性语言，称“再不还款就上门”，客户表示已与银行协商还款计划。",
        result:
          "经调取录音，催收人员存在不当言语，属实；已对其停岗培训，并按客户已协商的还款计划执行。",
      },
      {
        subject: "已还清欠款仍收到催收短信",
        situation: "客户已于{month}月{day}日结清全部欠款，仍连续收到催收短信和电话，影响正常工作。",
        result: "经核查，客户还款后系统未及时更新催收状态，已停止催收并更正记录。",
      },
    ],
    demands: ["立即停止骚扰其家人和同事", "核查催收人员并严肃处理", "书面道歉"],
    complainedEmployees: ["委外催收人员", "催收专员"],
    replies: [
      "您好，经调查，催收过程中确有不当行为，我行已停止对您的不当催收联系，并对相关机构进行处罚，向您诚恳致歉。",
    ],
    remedies: ["停止催收并书面致歉", "更正还款状态"],
    inquiries: ["咨询逾期后如何协商还款", "咨询如何申请个性化分期还款"],
  },
  {
    key: "atm",
    sector: "bank",
    category: "facilities",
    businessType: "bank_card",
    causes: ["facilities_systems", "right_to_know", "fund_security", "time_delayed"],
    channels: [
      ["phone", 5],
      ["counter", 2],
      ["self_service", 2],
    ],
    hotlines: ["96169", "12378", "12345"],
    lead: "demo-ops",
    coHandlers: ["demo-branch"],
    misrouted: {
      code: "demo-branch",
      reason:
        "职能不符：自助设备清机对账由运营管理部负责，网点无法调取设备日志，请改派运营管理部。",
    },
    cases: [
      {
        subject: "ATM取款{amount}元未出钞但账户已扣款",
        situation:
          "客户于{month}月{day}日{time}在{branch}自助区取款{amount}元，机器提示交易失败未出钞，但账户已扣款。",
        result: "经调取设备日志及清机长款记录，客户所述属实，长款{amount}元已于当日退回客户账户。",
      },
      {
        subject: "ATM吞卡后网点无人处理",
        situation:
          "客户称ATM吞卡后按屏幕提示拨打电话无人接听，到柜台被告知需等三个工作日才能领卡，急需用卡。",
        result: "经核查，吞卡系通讯故障所致，已安排专人在客户到达时核实身份后当场归还。",
      },
      {
        subject: "网点唯一一台柜员机故障且未张贴告示",
        situation:
          "客户到{branch}取现应急，发现唯一一台柜员机故障，网点未张贴任何告示，大堂经理只让其排队，前面有{queue}人。",
        result:
          "经核查，设备因钞箱故障停机，网点未按规定张贴故障告示；已修复设备并建立故障告示和应急取款机制。",
      },
      {
        subject: "存款机存入现金{amount}元未入账",
        situation: "客户在{branch}存款机存入现金{amount}元，机器卡钞后屏幕黑屏，至今未入账。",
        result: "经清机核对，该笔存款长款{amount}元属实，已补记入客户账户。",
      },
    ],
    demands: ["尽快退回被扣款项{amount}元", "当天归还吞没的银行卡", "网点说明设备故障为何不告知"],
    complainedEmployees: ["大堂值班经理", "网点负责人"],
    replies: [
      "您好，经核查，您反映的设备问题属实，相关款项/卡片已处理完毕，给您带来的不便深表歉意。",
      "您好，设备故障未及时告知属我行管理疏漏，现已整改，并已为您安排优先办理。",
    ],
    remedies: ["退回被扣款项", "当面归还银行卡", "网点负责人致歉"],
    inquiries: ["咨询ATM吞卡后如何领回", "咨询跨行取款手续费"],
  },
  {
    key: "branch_service",
    sector: "bank",
    category: "service",
    businessType: "savings",
    causes: ["service_attitude", "person", "time_delayed", "felt_ignored", "process"],
    channels: bankChannels,
    hotlines: ["96169", "12378", "12345"],
    lead: "demo-branch",
    coHandlers: ["demo-ops"],
    misrouted: {
      code: "demo-ops",
      reason: "职能不符：窗口排班与人员服务由网点管理，请改派城东支行营业部。",
    },
    cases: [
      {
        subject: "网点午间仅开一个窗口，排队{wait}分钟",
        situation:
          "客户{month}月{day}日中午到{branch}办理业务，取号时前面有{queue}人，4个窗口只开1个，询问原因被告知“他们去吃饭了”。",
        result:
          "经调取监控和排队记录，午间仅开1个窗口违反弹性排班规定，属实；已调整午间排班，确保高峰期至少开放3个窗口。",
      },
      {
        subject: "大堂经理态度恶劣，不耐烦",
        situation:
          "客户向大堂经理咨询办理时间，对方不耐烦地说“每个人都说自己着急，都像你这样不就乱了”，客户感到被轻视。",
        result:
          "经调取录音录像，大堂经理服务态度问题属实，已批评教育并扣减当月绩效，网点组织服务礼仪培训。",
      },
      {
        subject: "柜员业务不熟，同一业务跑了三趟",
        situation: "客户为办理挂失补卡先后三次到{branch}，每次柜员说法不一，要求补交的材料也不同。",
        result: "经核查，柜员对挂失补卡所需材料解释不一致，已统一一次性告知清单并张贴于柜台。",
      },
      {
        subject: "网点拒绝为卧床老人代取养老金",
        situation:
          "客户母亲年过八旬卧病在床，客户持委托书代取养老金被拒，网点也未告知可以上门核实。",
        result:
          "经核查，网点未主动提供上门服务属实；已安排工作人员上门为老人办理，并完善特殊群体服务流程。",
      },
    ],
    demands: ["网点负责人道歉", "说明窗口安排并改进", "对相关人员进行处理"],
    complainedEmployees: ["大堂经理", "柜员", "网点负责人"],
    replies: [
      "您好，经核查，网点在服务上确有不足，网点负责人已向您致歉，相关问题已整改。",
      "您好，您反映的服务问题属实，相关人员已受到处理，我们将加强培训，感谢您的监督。",
    ],
    remedies: ["网点负责人当面致歉", "提供预约优先办理", "上门服务"],
    inquiries: ["咨询网点营业时间", "咨询代办业务所需材料", "咨询预约取现流程"],
  },
  {
    key: "loan",
    sector: "bank",
    category: "service",
    businessType: "loan",
    causes: ["time_delayed", "terms", "process", "credibility", "contract_terms"],
    channels: bankChannels,
    hotlines: ["12378", "12345"],
    lead: "demo-credit",
    coHandlers: ["demo-branch"],
    misrouted: {
      code: "demo-card",
      reason: "职能不符：按揭贷款放款及还款由信贷部负责，请改派信贷部。",
    },
    cases: [
      {
        subject: "按揭贷款审批通过后{days}天仍未放款",
        situation:
          "客户购房按揭于{month}月{day}日审批通过，开发商催促交房款，银行迟迟不放款，客户面临违约。",
        result: "经核查，放款延误系抵押登记材料流转滞后，已加急办理，于{days2}个工作日内放款。",
      },
      {
        subject: "提前还款被收取{fee}元违约金，办理时未告知",
        situation:
          "客户申请提前还款时被告知需缴纳违约金{fee}元，称办理贷款时客户经理明确说“随时可以提前还”。",
        result:
          "经核查，合同约定提前还款收取违约金，但客户经理未充分告知，同意减半收取并对客户经理进行问责。",
      },
      {
        subject: "征信报告出现从未发生的逾期记录",
        situation:
          "客户申请房贷时发现征信报告中有一笔逾期记录，客户称每月均按时自动扣款，从未逾期。",
        result: "经核查，系扣款日系统故障导致扣款失败一次，已向征信中心提交异议更正申请。",
      },
      {
        subject: "利率调整后月供计算有误",
        situation: "客户称贷款利率下调后月供不降反升，多次询问得不到清楚解释。",
        result: "经核查，重定价日系统参数设置错误，已重新计算月供并退还多扣利息。",
      },
    ],
    demands: ["尽快放款并书面说明延误原因", "免除提前还款违约金", "更正征信记录并出具证明"],
    demandAmount: [500, 8000],
    complainedEmployees: ["客户经理", "信贷员"],
    replies: [
      "您好，经核查，您反映的问题原因已查明并已处理，给您带来的困扰深表歉意。",
      "您好，关于征信记录，我行已提交更正申请，预计20日内完成，更正后将短信通知您。",
    ],
    remedies: ["加急放款", "减免违约金", "提交征信异议更正"],
    inquiries: ["咨询提前还款流程", "咨询贷款利率调整规则", "咨询征信报告查询方式"],
  },
  {
    key: "wealth",
    sector: "bank",
    category: "service",
    businessType: "wealth",
    causes: ["marketing", "disclosure", "product_return", "free_choice", "rights_infringed"],
    channels: bankChannels,
    hotlines: ["12378"],
    lead: "demo-wealth",
    coHandlers: ["demo-branch"],
    misrouted: {
      code: "demo-branch",
      reason: "职能不符：理财产品销售适当性由财富管理部核查，请改派财富管理部。",
    },
    cases: [
      {
        subject: "理财经理承诺保本，产品到期亏损{pct}%",
        situation:
          "客户{month}月在{branch}购买理财产品{amount}元，理财经理口头承诺“保本保收益”，到期亏损{pct}%。",
        result:
          "经调取双录视频，理财经理存在“保本”表述，违反销售适当性规定，属实；已暂停其销售资格并启动赔偿评估。",
      },
      {
        subject: "到柜台存定期却被推销成保险",
        situation:
          "客户本意是定期存款，在柜台被推荐办理了一款分红型保险，事后才发现五年内退保损失较大。",
        result: "经调取双录视频，销售过程未充分提示产品性质与退保损失，属实；同意为客户全额退保。",
      },
      {
        subject: "理财产品无法按约定赎回",
        situation: "客户申请赎回理财产品，系统提示处于封闭期，客户称购买时未被告知封闭期规定。",
        result:
          "经核查，产品说明书载明封闭期且有客户签字，但销售时未口头提示，部分属实；已协助办理到期优先赎回。",
      },
    ],
    demands: ["赔偿本金损失", "全额退保", "调取双录视频核实销售过程"],
    demandAmount: [1000, 50000],
    complainedEmployees: ["理财经理", "柜员"],
    replies: [
      "您好，经调取销售录音录像，销售过程存在不规范之处，我行已对相关人员进行处理，补偿方案已与您沟通确认。",
    ],
    remedies: ["按协商方案补偿部分损失", "协助办理退保"],
    inquiries: ["咨询理财产品赎回规则", "咨询风险评估等级"],
  },
  {
    key: "payment",
    sector: "bank",
    category: "facilities",
    businessType: "payment",
    causes: ["facilities_systems", "fund_security", "time_delayed"],
    channels: [
      ["app", 4],
      ["phone", 4],
      ["wechat", 1],
    ],
    hotlines: ["12378", "12345"],
    lead: "demo-ops",
    coHandlers: ["demo-card"],
    misrouted: {
      code: "demo-card",
      reason: "职能不符：手机银行转账差错由运营管理部处理，请改派运营管理部。",
    },
    cases: [
      {
        subject: "手机银行转账{amount}元显示成功对方未到账",
        situation:
          "客户{month}月{day}日通过手机银行向他人转账{amount}元，显示成功，但收款方{days2}天未收到。",
        result: "经核查，该笔转账因对方行系统故障挂账，已协调退回客户账户。",
      },
      {
        subject: "同一笔消费被重复扣款",
        situation: "客户在商户消费一笔，账户被扣款两次，商户称只收到一笔。",
        result: "经核查，重复扣款系清算差错，已于{days2}个工作日内退回。",
      },
      {
        subject: "手机银行升级后无法登录",
        situation: "客户称手机银行升级后一直提示“设备环境异常”无法登录，工资卡无法使用。",
        result: "经核查，新版本对部分旧机型兼容性不足，已发布修复版本并协助客户完成登录。",
      },
    ],
    demands: ["尽快查明款项去向", "退回重复扣款", "恢复手机银行使用"],
    replies: ["您好，经核查，问题已处理完毕，请您查收/重新登录，给您带来不便深表歉意。"],
    remedies: ["退回差错款项", "远程协助恢复使用"],
    inquiries: ["咨询转账到账时间", "咨询手机银行登录问题"],
  },
  {
    key: "power_billing",
    sector: "power",
    category: "billing",
    businessType: "power_service",
    causes: ["rights_infringed", "credibility", "right_to_know", "process"],
    channels: powerChannels,
    hotlines: ["95598", "12345", "12398"],
    lead: "demo-billing",
    coHandlers: ["demo-power"],
    misrouted: {
      code: "demo-repair",
      reason: "职能不符：电费核算与抄表差错由计费中心处理，抢修中心无法核查账务，请改派计费中心。",
    },
    cases: [
      {
        subject: "{month}月电费{amount}元，比往月高出数倍",
        situation:
          "客户反映家中{month}月用电量{kwh}度，电费{amount}元，而往月只有一百多元，家中用电习惯没有变化。",
        result:
          "经现场校验，电表误差在允许范围内，电量偏高系家中热水器长期待机所致，已向客户现场说明。",
      },
      {
        subject: "换表后电量异常，怀疑与邻居串户",
        situation:
          "客户称小区批量更换智能电表后，电量明显偏高，怀疑表计与邻居串户，抄表员却坚持要求先缴费。",
        result:
          "经现场核查，批量换表时表计与邻户串接，属实；已订正档案并按实际电量重新计算，多收电费已退还。",
      },
      {
        subject: "预付费电表余额被错误扣减",
        situation: "客户为预付费用户，称充值后余额在{days2}天内被扣光，家中长期无人居住。",
        result: "经核查，系远程费控参数错误导致重复扣费，已冲正并退还多扣电费。",
      },
      {
        subject: "未收到催费通知即被加收违约金",
        situation: "客户称从未收到任何催费短信或通知单，却被加收电费违约金。",
        result: "经核查，催费短信因客户号码变更未送达，已免除违约金并更新联系方式。",
      },
    ],
    demands: ["核实电量并退还多收电费", "现场校验电表", "免除违约金并书面说明"],
    demandAmount: [100, 3000],
    complainedEmployees: ["抄表员", "营业厅工作人员"],
    replies: [
      "您好，经核查，您反映的问题已处理，多收的费用已退还/冲正，供电所已向您致歉。",
      "您好，经现场校验，电表计量准确，我们已向您详细说明电量构成，并提供节能用电建议。",
    ],
    remedies: ["退还多收电费", "免除违约金", "免费校验电表"],
    inquiries: ["咨询阶梯电价标准", "咨询电费缴纳方式", "咨询峰谷电价办理"],
  },
  {
    key: "power_outage",
    sector: "power",
    category: "outage",
    businessType: "power_supply",
    causes: ["right_to_know", "time_delayed", "felt_ignored", "need_unmet"],
    channels: powerChannels,
    hotlines: ["95598", "12345"],
    lead: "demo-repair",
    coHandlers: ["demo-power"],
    misrouted: {
      code: "demo-billing",
      reason: "职能不符：停电与抢修由配电抢修中心负责，请改派配电抢修中心。",
    },
    cases: [
      {
        subject: "计划停电未提前通知，冰箱食物全部变质",
        situation:
          "客户所在{station}辖区{month}月{day}日停电{hours}小时，事先没有任何停电公告或短信通知。",
        result:
          "经核查，该次停电为线路计划检修，停电公告仅在供电所张贴，未按规定提前7天通过短信告知，属实。",
      },
      {
        subject: "一周内频繁停电{queue}次",
        situation: "客户反映所在小区近一周频繁停电，每次数十分钟，家中老人需要用制氧机，十分担心。",
        result: "经核查，频繁停电系小区配变过载，已于{days2}日内完成增容改造。",
      },
      {
        subject: "报修后{hours}小时抢修人员仍未到场",
        situation: "客户{time}报修，称整栋楼停电，{hours}小时后抢修人员仍未到场，多次催促无果。",
        result: "经核查，当晚抢修任务集中，到场超时属实；已优化抢修调度并向客户致歉。",
      },
    ],
    demands: ["说明停电原因并提前公告", "尽快彻底解决频繁停电问题", "赔偿食物和{appliance}损失"],
    demandAmount: [200, 3000],
    replies: [
      "您好，经核查，停电信息告知和抢修不到位属我方责任，今后计划停电将提前通过短信、公告等多种方式通知。",
      "您好，造成停电的设备问题已完成处理，感谢您的耐心。",
    ],
    remedies: ["书面致歉", "配变增容改造", "为重要用电家庭登记停电优先通知"],
    inquiries: ["咨询停电原因及恢复时间", "咨询计划停电查询方式"],
  },
  {
    key: "supply_quality",
    sector: "power",
    category: "supply_quality",
    businessType: "power_supply",
    causes: ["need_unmet", "rights_infringed", "time_delayed"],
    channels: powerChannels,
    hotlines: ["95598", "12345", "12398"],
    lead: "demo-repair",
    coHandlers: ["demo-power"],
    misrouted: {
      code: "demo-billing",
      reason: "职能不符：电压质量问题由配电抢修中心检测处理，请改派配电抢修中心。",
    },
    cases: [
      {
        subject: "电压只有{voltage}伏，空调无法启动",
        situation:
          "客户反映每天晚上七点后家中电压只有{voltage}伏左右，空调、热水器无法正常启动，已持续{days}天。",
        result:
          "经现场测量，客户端电压最低{voltage}伏，低于标准下限，属实；已调整变压器分接头并计划新增配变。",
      },
      {
        subject: "电压突变烧坏{appliance}",
        situation:
          "客户称{month}月{day}日晚突然电压升高，家中{appliance}被烧坏，邻居家也有类似情况。",
        result:
          "经核查，当晚因零线断线导致电压异常，属供电设施原因，同意按规定对损坏家电进行赔偿。",
      },
      {
        subject: "晚间灯光忽明忽暗",
        situation: "客户反映入夏以来晚间灯光忽明忽暗，担心损坏家电。",
        result: "经监测，晚高峰电压波动超限，已平衡三相负荷，电压恢复正常。",
      },
    ],
    demands: ["彻底解决电压问题", "赔偿烧坏的{appliance}", "安装电压监测装置"],
    demandAmount: [500, 6000],
    replies: [
      "您好，经检测，电压问题属实，我们已调整供电设备，后续将持续监测，感谢您的反映。",
      "您好，经核查，家电损坏与供电设施故障有关，我们将按规定办理赔偿，工作人员将与您联系。",
    ],
    remedies: ["调整变压器分接头", "按规定赔偿损坏家电"],
    inquiries: ["咨询低电压问题报修方式"],
  },
  {
    key: "product_quality",
    sector: "product",
    category: "quality",
    businessType: "product",
    causes: ["need_unmet", "time_delayed", "credibility"],
    channels: productChannels,
    hotlines: ["12345", "12315"],
    lead: "demo-quality",
    coHandlers: ["demo-rnd", "demo-aftersales"],
    misrouted: {
      code: "demo-aftersales",
      reason: "职能不符：批量质量问题需由质量部牵头8D分析，售后仅负责现场更换，请改派质量部主办。",
    },
    cases: [
      {
        subject: "{product}上电后频繁重启",
        situation:
          "客户反映{month}月到货的{qty}台{product}中约{pct}%在运行后频繁重启，已影响其产线生产。",
        result:
          "8D分析：D4根本原因为电源模块电容供应商变更后耐温等级不足；D5恢复原供应商，D6对在途及库存产品全部复检。",
      },
      {
        subject: "{product}批量出现显示屏花屏",
        situation: "客户称{product}显示屏批量花屏，经其技术人员排查，排除了安装和操作不当的原因。",
        result: "8D分析：显示屏排线压接工艺参数漂移，已修订作业指导书并对同批次产品返工。",
      },
      {
        subject: "{product}功能与合同约定不符",
        situation: "客户表示合同约定{product}支持远程升级功能，实际交付的产品无法实现。",
        result: "经核查，远程升级为下一版本功能，销售合同表述有误；已为客户免费升级至新版本。",
      },
      {
        subject: "{product}性能达不到标称指标",
        situation: "客户检测发现{product}的响应时间达不到说明书标称指标，无法满足其项目验收要求。",
        result:
          "经复测，客户现场接线方式与说明书不一致导致性能下降，已派工程师现场指导并修订说明书。",
      },
      {
        subject: "{product}使用{days}天后外壳开裂",
        situation: "客户称{product}在正常使用{days}天后外壳出现裂纹，怀疑材料存在问题。",
        result: "8D分析：外壳注塑原料批次含水率超标导致应力开裂，已加严来料检验并免费更换外壳。",
      },
    ],
    demands: ["尽快查明原因并更换故障产品", "提供8D分析报告", "赔偿停线损失"],
    demandAmount: [5000, 80000],
    replies: [
      "您好，问题的根本原因已查明，故障产品已更换，同批次产品已采取纠正措施，详细报告已发送至您的邮箱。",
      "您好，经核查，问题原因及纠正措施详见报告，我司将持续跟踪产品运行情况。",
    ],
    remedies: ["免费更换故障产品", "提供8D报告", "延长质保一年"],
    inquiries: ["咨询产品保修政策", "咨询产品操作方法"],
  },
  {
    key: "product_delivery",
    sector: "product",
    category: "delivery",
    businessType: "product",
    causes: ["time_delayed", "credibility", "right_to_know"],
    channels: productChannels,
    hotlines: ["12345"],
    lead: "demo-aftersales",
    coHandlers: ["demo-quality"],
    misrouted: {
      code: "demo-rnd",
      reason: "职能不符：交期与发货由售后服务部协调，请改派售后服务部。",
    },
    cases: [
      {
        subject: "订单{order}交期延误{days}天",
        situation:
          "客户订单{order}约定{month}月{day}日交货，至今延误{days}天，期间多次催问均未得到准确答复。",
        result: "经核查，延误系关键物料缺货，已协调优先排产，确定于{days2}日内发货。",
      },
      {
        subject: "发货型号与订单不符",
        situation: "客户收到的{product}型号与订单不符，影响其项目进度。",
        result: "经核查，仓库拣货错误，已安排当天补发正确型号并上门取回错发产品。",
      },
      {
        subject: "到货{product}包装破损",
        situation: "客户反映到货的{qty}台{product}中有多台包装破损，部分产品外观受损。",
        result: "经核查，系物流运输途中受压，已免费换货并向物流商索赔。",
      },
    ],
    demands: ["明确交货日期", "尽快换货", "承担延误造成的损失"],
    demandAmount: [2000, 20000],
    replies: ["您好，经核查，问题原因及处理安排已确认，给您造成的影响深表歉意。"],
    remedies: ["优先排产发货", "免费换货", "承担运费"],
    inquiries: ["咨询订单发货进度"],
  },
  {
    key: "hotline_service",
    sector: "bank",
    category: "service",
    businessType: "other",
    causes: ["credibility", "felt_ignored", "person", "process", "service_attitude"],
    channels: [
      ["phone", 6],
      ["online", 1],
      ["wechat", 1],
    ],
    hotlines: ["12378", "96169"],
    lead: "demo-cs",
    coHandlers: ["demo-card"],
    misrouted: {
      code: "demo-branch",
      reason: "职能不符：热线坐席服务问题由客户服务部核查录音，请改派客户服务部。",
    },
    cases: [
      {
        subject: "客服承诺回电未回电",
        situation:
          "客户称{month}月{day}日来电反映问题，坐席承诺24小时内回电，{days2}天过去没有任何回复。",
        result: "经核查，回电任务未录入系统导致遗漏，已整改为所有回电承诺必须登记到期时间。",
      },
      {
        subject: "客服坐席不报工号，问题被推诿",
        situation:
          "客户反映接听的坐席既不报工号也不留姓名，只说“不归我们管，请您联系其他部门”就挂断电话。",
        result: "经调取录音，坐席未报工号、推诿客户，属实；已对坐席进行批评教育并纳入质检扣分。",
      },
      {
        subject: "热线转人工等待{wait}分钟",
        situation: "客户称拨打客服热线转人工后等待{wait}分钟仍无人接听，多次尝试均如此。",
        result: "经核查，当日话务高峰排班不足，已调整排班并增加高峰时段回拨功能。",
      },
      {
        subject: "每次来电都要重复讲述问题",
        situation:
          "客户表示为同一问题已来电三次，每次接听的坐席都不了解之前的情况，需要重新提供姓名、身份证号。",
        result: "经核查，前两次来电未建立工单，属实；已要求坐席每次来电必须登记并关联客户历史。",
      },
    ],
    demands: ["指定专人负责跟进", "对相关坐席进行处理", "给出明确答复时间"],
    complainedEmployees: ["热线坐席（未报工号）", "热线班组长"],
    replies: [
      "您好，经核查，坐席服务确有不到位之处，已进行处理，今后您的问题将由专人全程跟进，无需重复讲述。",
    ],
    remedies: ["指定专人全程跟进", "书面致歉"],
    inquiries: ["咨询客服热线服务时间", "咨询如何查询历史来电记录"],
  },
];

const bankBranches = ["城东支行", "人民路支行", "高新区支行", "火车站分理处", "滨江支行"];
const powerStations = ["城南供电所", "开发区供电所", "城北供电所", "滨江供电所"];
const products = ["KX-300型控制器", "AK-8智能终端", "TS-20温控模块", "PX-5工业显示屏"];
const appliances = ["冰箱", "空调", "电视机", "洗衣机", "电脑", "热水器"];

/** Values for every placeholder the templates use, drawn once per complaint. */
export function caseVars(rng: Random): Record<string, string | number> {
  return {
    branch: rng.pick(bankBranches),
    station: rng.pick(powerStations),
    product: rng.pick(products),
    appliance: rng.pick(appliances),
    amount: rng.pick([200, 500, 800, 1000, 2000, 3000, 5000, 10000]),
    fee: rng.int(5, 80) * 10,
    days: rng.int(3, 60),
    days2: rng.int(2, 10),
    month: rng.int(1, 12),
    day: rng.int(1, 28),
    time: `${rng.int(8, 21)}点${String(rng.int(0, 59)).padStart(2, "0")}分`,
    queue: rng.int(8, 45),
    wait: rng.int(20, 120),
    kwh: rng.int(300, 2400),
    hours: rng.int(2, 14),
    voltage: rng.int(150, 185),
    pct: rng.int(5, 30),
    qty: rng.pick([50, 100, 200, 500]),
    order: `PO${rng.int(2025, 2026)}${String(rng.int(1, 9999)).padStart(4, "0")}`,
  };
}

/** Where a customer may turn when not satisfied, as the regulators require the reply to say. */
export const redressRoutes: Record<Sector, string> = {
  bank: "如对处理结果不满意，可向国家金融监督管理总局消费者投诉热线12378反映，或申请金融纠纷调解、依法提起诉讼。",
  power: "如对处理结果有异议，可拨打95598或向能源监管机构12398反映。",
  product: "如对处理结果有异议，可申请第三方检测，或向市场监管部门12315反映。",
};

/** Generic findings of a co-handling department (协办). */
export const coHandlerResults: readonly string[] = [
  "本部门已配合提供相关记录，经核查本环节无异常。",
  "已按主办部门要求补充核查材料，相关情况已在工单备注说明。",
  "经核查，本部门环节存在衔接不及时问题，已整改。",
];
