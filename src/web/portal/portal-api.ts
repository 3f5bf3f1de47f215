import type { TrackedCase } from "../../server/portal/portal.schemas.js";

export type Tracked = Omit<TrackedCase, "receivedAt" | "dueAt"> & {
  receivedAt: string;
  dueAt: string;
};

/** A refusal in the customer's language, as the server wrote it. */
export class PortalError extends Error {}

export async function portalPost<T>(path: string, body: unknown, language: string): Promise<T> {
  const form = body instanceof FormData;
  const response = await fetch(`/api/v1/portal/${path}`, {
    method: "POST",
    headers: {
      "accept-language": language,
      ...(form ? {} : { "content-type": "application/json" }),
    },
    body: form ? body : JSON.stringify(body),
  });
  const answer = await response.json().catch(() => ({}));
  if (!response.ok) throw new PortalError(answer.title ?? String(response.status));
  return answer as T;
}

/** Files one by one after the case exists: the server takes one per request, checked as any upload. */
export async function uploadAll(
  files: readonly File[],
  proof: { number: string; phone: string; accessCode: string },
  language: string,
) {
  for (const file of files) {
    const form = new FormData();
    form.set("number", proof.number);
    form.set("phone", proof.phone);
    form.set("accessCode", proof.accessCode);
    form.set("file", file);
    await portalPost("attachments", form, language);
  }
}
