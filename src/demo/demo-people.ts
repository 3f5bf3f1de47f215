// Demo customers: plausible Chinese names, unique mobile numbers, ID and account numbers whose
// shapes match what agents really type, all drawn from the seeded random source.

import type { DemoCustomer } from "./demo-plan.js";
import type { Sector } from "./demo-themes.js";
import type { Random } from "./seeded-random.js";

const surnames = [
  ..."王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段钱汤尹黎易常武乔贺赖龚文",
];
const givenNames = [
  "伟",
  "芳",
  "娜",
  "秀英",
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
  "秀兰",
  "霞",
  "平",
  "刚",
  "桂英",
  "建华",
  "红梅",
  "国强",
  "海燕",
  "志强",
  "晓明",
  "俊杰",
  "雪梅",
  "婷婷",
  "子涵",
  "浩然",
  "欣怡",
  "宇轩",
];
const companies = ["华东精密机械", "恒远自动化", "明达电子", "瑞丰包装", "立信仪表", "新程科技"];
const streets = ["文三路", "江南大道", "解放路", "人民路", "建设路", "滨河路", "学院路", "长江路"];
const districts = ["滨江区", "西湖区", "高新区", "城东区", "开发区"];
// No 138: those belong to the seed stories' customers.
const mobilePrefixes = [
  "135",
  "136",
  "137",
  "139",
  "150",
  "151",
  "158",
  "159",
  "177",
  "186",
  "188",
];
const regionCodes = ["330106", "330108", "440304", "110105", "320102", "510107", "420106"];

function personName(rng: Random): string {
  const surname = rng.pick(surnames);
  // Agents often record only the family name and a courtesy title.
  return rng.chance(0.3)
    ? `${surname}${rng.pick(["先生", "女士"])}`
    : surname + rng.pick(givenNames);
}

function digits(rng: Random, n: number): string {
  let out = "";
  for (let i = 0; i < n; i++) out += String(rng.int(0, 9));
  return out;
}

/** GB 11643 check digit, so the number passes the validators agents' tools use. */
export function idCheckDigit(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((acc, d, i) => acc + Number(d) * weights[i]!, 0);
  return "10X98765432"[sum % 11]!;
}

function idNumber(rng: Random): string {
  const birth = `${rng.int(1950, 2003)}${String(rng.int(1, 12)).padStart(2, "0")}${String(rng.int(1, 28)).padStart(2, "0")}`;
  const first17 = rng.pick(regionCodes) + birth + digits(rng, 3);
  return first17 + idCheckDigit(first17);
}

const accountNumber: Record<Sector, (rng: Random) => string> = {
  bank: (rng) => `621700${digits(rng, 13)}`,
  // 户号: the power customer's account number printed on every bill.
  power: (rng) => `31${digits(rng, 8)}`,
  product: (rng) => `HT${rng.int(2024, 2026)}-${digits(rng, 4)}`,
};

/** Hands out customers, reusing one now and then so some have several complaints on record. */
export class CustomerPool {
  private readonly phones = new Set<string>();
  private readonly bySector: Record<Sector, DemoCustomer[]> = { bank: [], power: [], product: [] };

  constructor(private readonly rng: Random) {}

  customerFor(sector: Sector, repeatChance = 0.3): DemoCustomer {
    const known = this.bySector[sector];
    if (known.length > 0 && this.rng.chance(repeatChance)) return this.rng.pick(known);
    const customer = this.newCustomer(sector);
    known.push(customer);
    return customer;
  }

  private newCustomer(sector: Sector): DemoCustomer {
    const rng = this.rng;
    const name =
      sector === "product"
        ? `${rng.pick(surnames)}${rng.pick(["工", "经理"])}（${rng.pick(companies)}有限公司）`
        : personName(rng);
    return {
      name,
      phone: this.uniquePhone(),
      ...(sector === "bank" && rng.chance(0.6) && { idNumber: idNumber(rng) }),
      ...(rng.chance(0.7) && { accountNo: accountNumber[sector](rng) }),
      ...((sector !== "bank" || rng.chance(0.3)) && {
        address: `${rng.pick(districts)}${rng.pick(streets)}${rng.int(1, 999)}号`,
      }),
    };
  }

  private uniquePhone(): string {
    for (;;) {
      const phone = this.rng.pick(mobilePrefixes) + digits(this.rng, 8);
      if (!this.phones.has(phone)) {
        this.phones.add(phone);
        return phone;
      }
    }
  }
}
