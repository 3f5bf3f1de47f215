import { beforeAll, describe, expect, it } from "vitest";
import type { ApiClient } from "../../test/api-client.js";
import { makeComplaint, type Staff } from "../../test/factories.js";
import { frontAndBackOffice } from "../../test/staffings.js";
import type { Complaint, ComplaintListItem, CustomerHistory, Page } from "../../test/wire.js";
import { setupWorld } from "../../test/world.js";

const world = setupWorld(frontAndBackOffice);

const find = (client: ApiClient, query: string) => client.get(`/customers?${query}`);
describe("personal data masking", () => {
  let complaint: Complaint;

  beforeAll(async () => {
    complaint = await makeComplaint(world.agent.client, {
      customer: {
        name: "周女士",
        phone: "13700137000",
        idNumber: "110101198801011234",
        accountNo: "6222029876542233",
        address: "北京市朝阳区建国路1号",
        email: "zhou.li@example.com",
      },
      subject: "理财产品亏损未告知风险",
      ownerId: world.agent.user.id,
    });
    const dispatched = await world.agent.client.post<Complaint>(
      `/complaints/${complaint.id}/dispatch`,
      {
        version: complaint.version,
        departments: [{ departmentId: world.department.id }],
      },
    );
    expect(dispatched.status).toBe(200);
  });

  it("shows quality only masked phone, ID and account numbers", async () => {
    const res = await find(world.quality.client, "phone=13700137000");
    expect(res.status).toBe(200);
    expect(res.body.items[0]).toMatchObject({
      name: "周女士",
      phone: "137****7000",
      idNumber: "110***********1234",
      accountNo: "************2233",
      email: null,
      address: null,
      masked: true,
    });
    const byId = await world.quality.client.get<CustomerHistory>(
      `/customers/${complaint.customer.id}`,
    );
    expect(byId.body).toMatchObject({ phone: "137****7000", masked: true });
  });

  it("shows an agent the full values", async () => {
    const res = await find(world.agent.client, "phone=13700137000");
    expect(res.body.items[0]).toMatchObject({
      phone: "13700137000",
      idNumber: "110101198801011234",
      accountNo: "6222029876542233",
      address: "北京市朝阳区建国路1号",
      email: "zhou.li@example.com",
      masked: false,
    });
  });

  it("does not let a department handler look customers up at all", async () => {
    for (const res of [
      await find(world.handler.client, "phone=13700137000"),
      await world.handler.client.get(`/customers/${complaint.customer.id}`),
    ]) {
      expect(res.status).toBe(403);
      expect(res.body.code).toBe("forbidden");
    }
  });

  it("masks the customer on the complaint page for a department handler and quality only", async () => {
    for (const staff of [world.handler, world.quality]) {
      const res = await staff.client.get<Complaint>(`/complaints/${complaint.id}`);
      expect(res.status).toBe(200);
      expect(res.body.customer).toMatchObject({
        name: "周女士",
        phone: "137****7000",
        idNumber: "110***********1234",
        accountNo: "************2233",
        email: null,
        address: null,
        masked: true,
      });
    }
    const full = await world.agent.client.get<Complaint>(`/complaints/${complaint.id}`);
    expect(full.body.customer).toMatchObject({
      phone: "13700137000",
      idNumber: "110101198801011234",
      masked: false,
    });
  });

  it("masks the phone in complaint lists likewise", async () => {
    const phoneIn = async (staff: Staff) => {
      const res = await staff.client.get<Page<ComplaintListItem>>("/complaints?limit=200");
      expect(res.status).toBe(200);
      return res.body.items.find((c) => c.id === complaint.id)?.customer.phone;
    };
    expect(await phoneIn(world.handler)).toBe("137****7000");
    expect(await phoneIn(world.quality)).toBe("137****7000");
    expect(await phoneIn(world.agent)).toBe("13700137000");
  });
});
