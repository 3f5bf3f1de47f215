import type { FastifyReply } from "fastify";
import type { Acting, Caller } from "./app-types.js";

/**
 * Routes that create or change a resource answer with it as its GET shows it to the caller, so a
 * client never reads it again after a write. `show` reads resource `id` as `caller` sees it.
 */
export function showing<T>(show: (caller: Caller, id: string) => Promise<T>) {
  return {
    /** Makes a change to `id` as the caller, then answers with the resource as they now see it. */
    async changed(
      acting: Acting,
      id: string,
      change: (acting: Acting) => Promise<unknown>,
    ): Promise<T> {
      await change(acting);
      return show(acting.caller, id);
    },
    /** Makes a resource as the caller (`create` gives its id), then answers 201 with it. */
    async created(
      acting: Acting,
      reply: FastifyReply,
      create: (acting: Acting) => Promise<string>,
    ) {
      const id = await create(acting);
      return reply.code(201).send(await show(acting.caller, id));
    },
  };
}
