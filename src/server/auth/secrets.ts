import { createHash, randomBytes } from "node:crypto";
import { hash, verify } from "@node-rs/argon2";

/** Argon2id with the library's defaults (19 MiB, 2 passes), as OWASP recommends. */
export const hashPassword = (password: string) => hash(password);
export const verifyPassword = (passwordHash: string, password: string) =>
  verify(passwordHash, password).catch(() => false);

export const newSecret = (prefix = "") => prefix + randomBytes(32).toString("base64url");
/** Only digests of session cookies and API tokens are stored. */
export const digest = (secret: string) => createHash("sha256").update(secret).digest("hex");
