import type { customers } from "../../src/db/schema.js";
import { CustomerPool } from "../../src/demo/demo-people.js";
import type { DemoCustomer } from "../../src/demo/demo-plan.js";
import type { Sector } from "../../src/demo/demo-themes.js";
import type { Random } from "../../src/demo/seeded-random.js";
import type { KnownCustomer } from "./plan-complaint.js";
import { randomUuid } from "./random-uuid.js";

export type CustomerRow = typeof customers.$inferInsert;

/**
 * The demo's customer pool with ids, remembering each customer so a returning one keeps their
 * record; customers met for the first time wait in `fresh` until the next batch inserts them.
 */
export class BulkCustomers {
  private readonly pool: CustomerPool;
  private readonly known = new Map<DemoCustomer, KnownCustomer>();
  fresh: CustomerRow[] = [];
  /** When the complaint being planned was received: a new customer's record starts then. */
  at = new Date();

  constructor(
    private readonly rng: Random,
    private readonly repeatChance: number,
  ) {
    this.pool = new CustomerPool(rng);
  }

  readonly customerFor = (sector: Sector): KnownCustomer => {
    const demo = this.pool.customerFor(sector, this.repeatChance);
    let customer = this.known.get(demo);
    if (!customer) {
      customer = { ...demo, id: randomUuid(this.rng) };
      this.known.set(demo, customer);
      this.fresh.push({
        id: customer.id,
        name: demo.name,
        phone: demo.phone,
        idNumber: demo.idNumber ?? null,
        accountNo: demo.accountNo ?? null,
        address: demo.address ?? null,
        createdAt: this.at,
        updatedAt: this.at,
      });
    }
    return customer;
  };

  takeFresh(): CustomerRow[] {
    const rows = this.fresh;
    this.fresh = [];
    return rows;
  }
}
