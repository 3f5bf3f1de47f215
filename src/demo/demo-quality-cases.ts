// Two 8Ds over the demo's product-quality complaints (seed 001): one worked through every
// discipline and closed, one standing at D4 with its root-cause analysis under way. Written through
// the API as the demo's people would, so numbers, timelines, clocks and notices are real.

import type { DisciplineData } from "../domain/quality/disciplines.js";
import type { QualityCaseDto } from "../server/quality-cases/quality-case.schemas.js";

/** A request of the demo person `by`; the loader signs it with their session. */
export type DemoCall = (
  by: string,
  method: "GET" | "POST" | "PUT",
  url: string,
  payload?: object,
) => Promise<unknown>;

const OPENER = "specialist1";
const CHAMPION = "quality1";

type Records = Partial<DisciplineData>;

function closedCase(ids: Record<string, string>): Records {
  return {
    d0: { actions: [{ action: "暂停该批次发货，通知在途客户暂缓上电", owner: "罗斌" }] },
    d1: {
      members: [
        { userId: ids.quality1!, role: "质量工程师（组长）" },
        { userId: ids.specialist1!, role: "客服专员" },
        { userId: ids["handler-rnd"]!, role: "研发" },
        { userId: ids["handler-quality"]!, role: "质量部" },
      ],
      championId: ids.quality1!,
    },
    d2: {
      what: { is: "运行后频繁重启", isNot: "上电即失效" },
      where: { is: "客户产线高温工位", isNot: "常温办公环境" },
      when: { is: "3 月到货批次", isNot: "2 月及以前批次" },
      howMany: { is: "约 8% 的产品", isNot: "其余批次" },
      customerWords: "新到的设备一开机就重启，产线都停了",
      statement: "3 月批次产品在高温工位运行后频繁重启",
    },
    d3: {
      actions: [
        {
          action: "库存及在途同批次产品全数复检、隔离",
          owner: "罗斌",
          quantityChecked: 420,
          quantityQuarantined: 35,
          done: true,
        },
      ],
    },
    d4: {
      rootCauses: [
        {
          kind: "occurrence",
          statement: "电源电容耐温等级不足",
          category: "material",
          whys: [
            "设备重启",
            "电源输出跌落",
            "电容高温失效",
            "电容耐温仅 85℃",
            "供应商变更未做高温验证",
          ],
          evidence: [],
        },
        {
          kind: "escape",
          statement: "出厂老化测试未覆盖高温",
          category: "measurement",
          whys: [
            "不良品出厂",
            "老化测试未发现",
            "老化只在常温做",
            "测试规范未随物料变更更新",
            "变更评审未通知测试",
          ],
          evidence: [],
        },
      ],
      fishbone: {
        man: ["新员工上岗"],
        machine: ["老化房温控偏差"],
        environment: ["客户工位温度高"],
        method: ["变更评审流程缺测试"],
      },
    },
    d5: {
      options: [
        { option: "恢复原供应商 105℃ 电容", scores: { effect: 5, speed: 5, cost: 4, ease: 5 } },
        { option: "电源板加装散热片", scores: { effect: 3, speed: 3, cost: 3, ease: 2 } },
        { option: "重新设计电源板", scores: { effect: 5, speed: 1, cost: 1, ease: 1 } },
      ],
      chosen: 0,
      why: "见效快，成本低，方便操作",
    },
    d6: {
      implementation: "恢复原供应商电容，在途及库存产品全部复检更换",
      implementedAt: "2026-04-10",
      verification: "高温 55℃ 老化 72 小时无重启",
      customerConfirmed: true,
      customerConfirmation: "客户产线复产两周无异常，书面确认",
      containmentWithdrawn: true,
    },
    d7: {
      similarChecked: [{ product: "同平台 B 型控制器", result: "同一电容，已同步更换" }],
      documents: ["电源板 BOM V2.3", "老化测试规范 V1.5"],
      processChanges: ["物料变更须经高温验证及测试部会签"],
    },
    d8: {
      lessonsLearned: "关键物料变更必须做环境验证，测试规范随变更更新",
      recognition: "表彰 8D 小组全体成员，纳入季度质量之星",
    },
  };
}

function openAtD4(ids: Record<string, string>): Records {
  return {
    d0: { actions: [{ action: "通知客户暂停使用开裂外壳产品", owner: "马丽华" }] },
    d1: {
      members: [
        { userId: ids.quality2!, role: "质量工程师（组长）" },
        { userId: ids.specialist1!, role: "客服专员" },
      ],
      championId: ids.quality2!,
    },
    d2: {
      what: { is: "外壳出现裂纹", isNot: "内部功能故障" },
      where: { is: "外壳安装孔附近", isNot: "面板" },
      when: { is: "使用 30 天后", isNot: "开箱时" },
      howMany: { is: "两家客户共 6 台", isNot: "其他批次" },
      customerWords: "用了一个月外壳就裂了",
    },
    d3: { actions: [{ action: "同批次外壳抽检 50 件", quantityChecked: 50, done: true }] },
  };
}

/** D4 of the open case, still a draft: one cause found, the escape still being asked. */
const d4InProgress: Records["d4"] = {
  rootCauses: [
    {
      kind: "occurrence",
      statement: "注塑原料含水率超标",
      category: "material",
      whys: ["外壳开裂", "应力开裂", "材料脆化", "原料含水率超标", "烘料时间不足"],
      evidence: [],
    },
  ],
  fishbone: { method: ["烘料工艺未定时"], environment: ["梅雨季湿度高"] },
};

const stepOf = (c: QualityCaseDto, d: string) => c.steps.find((s) => s.discipline === d)!;

async function saveStep(call: DemoCall, c: QualityCaseDto, d: string, data: object) {
  return (await call(OPENER, "PUT", `/quality-cases/${c.id}/steps/${d}`, {
    version: stepOf(c, d).version,
    data,
  })) as QualityCaseDto;
}

/** Saves, submits and has the champion approve each record in discipline order. */
async function work(call: DemoCall, opened: QualityCaseDto, records: Records, champion: string) {
  let c = opened;
  for (const [d, data] of Object.entries(records)) {
    c = await saveStep(call, c, d, data);
    const at = `/quality-cases/${c.id}/steps/${d}`;
    c = (await call(OPENER, "POST", `${at}/submit`, {
      version: stepOf(c, d).version,
    })) as QualityCaseDto;
    // D0 is approved before D1 names the champion: quality decides on any 8D.
    c = (await call(champion, "POST", `${at}/approve`, {
      version: stepOf(c, d).version,
    })) as QualityCaseDto;
  }
  return c;
}

async function open(call: DemoCall, complaintIds: string[], fields: object) {
  return (await call(OPENER, "POST", "/quality-cases", {
    ...fields,
    complaintIds,
  })) as QualityCaseDto;
}

/** Opens the demo's two 8Ds over its product-quality complaints (there may be few in a small demo). */
export async function loadDemoQualityCases(call: DemoCall) {
  const users = (await call("demo-admin", "GET", "/users")) as {
    items: { id: string; username: string }[];
  };
  const ids = Object.fromEntries(users.items.map((u) => [u.username, u.id]));
  const found = (await call(OPENER, "GET", "/complaints?category=quality&limit=50")) as {
    items: { id: string }[];
  };
  const complaintIds = found.items.map((c) => c.id);
  const closed = await open(call, complaintIds.slice(0, 3), {
    title: "工业控制器运行后频繁重启",
    product: "工业控制器",
    model: "IC-300",
    batch: "2026-03",
  });
  await work(call, closed, closedCase(ids), CHAMPION);
  let atD4 = await open(call, complaintIds.slice(3, 5), {
    title: "控制器外壳使用后开裂",
    product: "工业控制器",
    model: "IC-200",
  });
  atD4 = await work(call, atD4, openAtD4(ids), "quality2");
  await saveStep(call, atD4, "d4", d4InProgress!);
}
