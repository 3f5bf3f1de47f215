import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeComplaint, makeStaff, type Staff, signedInAdmin } from "../../test/factories.js";
import { startTestServer, type TestServer } from "../../test/test-server.js";

let server: TestServer;
let agent: Staff;

beforeAll(async () => {
  server = await startTestServer();
  agent = await makeStaff(await signedInAdmin(server), "agent");
});
afterAll(() => server.close());

describe("complaint numbers", () => {
  it("keep counting past the millionth complaint instead of cutting the serial to six digits", async () => {
    await server.db.$client.query("select setval('complaint_number_seq', 999999)");
    const [last, next] = [await makeComplaint(agent.client), await makeComplaint(agent.client)];
    expect(last.number).toMatch(/^KS\d{8}-1000000$/);
    expect(next.number).toMatch(/^KS\d{8}-1000001$/);
  });
});
