import { sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { makeComplaint } from "../../test/factories.js";
import { setupWorld } from "../../test/world.js";

const world = setupWorld();

it("keeps the telephony call's id on the intake contact of the case opened from a screen-pop", async () => {
  const complaint = await makeComplaint(world.admin, { callId: "CTI-20261207-0815-42" });
  const { rows } = await world.server.db.execute(
    sql`select call_id, direction from contacts where complaint_id = ${complaint.id}`,
  );
  expect(rows).toEqual([{ call_id: "CTI-20261207-0815-42", direction: "inbound" }]);
});
