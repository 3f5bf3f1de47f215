import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import en from "zod/v4/locales/en.js";
import zhCN from "zod/v4/locales/zh-CN.js";
import { BODY_LIMIT_MB } from "../../config.js";
import { AppError } from "./app-error.js";
import { type FieldProblemCode, fieldMessages, fieldWords } from "./error-messages.js";
import { type Locale, localeFrom } from "./locale.js";

const zodLocales = { "zh-CN": zhCN(), en: en() };

interface FieldProblem {
  field: string;
  code: string;
  message: string;
  [detail: string]: string;
}

/** Every failure leaves as RFC 9457 problem+json with a stable code and a message in the caller's language. */
export function sendProblem(error: unknown, request: FastifyRequest, reply: FastifyReply) {
  const locale = localeFrom(request.headers["accept-language"]);
  const appError = localiseFieldProblems(toAppError(error, locale, request), locale);
  if (appError.status >= 500) request.log.error({ err: error }, "request failed");
  return reply
    .code(appError.status)
    .type("application/problem+json")
    .send({
      type: `urn:kesu:problem:${appError.code}`,
      title: appError.localized(locale),
      status: appError.status,
      code: appError.code,
      instance: request.url,
      ...appError.extensions,
    });
}

function localiseFieldProblems(error: AppError, locale: Locale): AppError {
  const errors = error.extensions.errors as { code: string; message?: string }[] | undefined;
  for (const problem of errors ?? []) {
    problem.message ??= fieldMessages[problem.code as FieldProblemCode]?.[locale] ?? problem.code;
  }
  return error;
}

function toAppError(error: unknown, locale: Locale, request: FastifyRequest): AppError {
  if (error instanceof AppError) return error;
  if (hasZodFastifySchemaValidationErrors(error)) {
    const where = (error as FastifyError).validationContext ?? "body";
    const errors: FieldProblem[] = error.validation.flatMap((v) => {
      const path = [where, ...v.instancePath.split("/").filter(Boolean)];
      const field = path.join(".");
      // A strict object names every field it does not take, each as a field of its own.
      if (v.keyword === "unrecognized_keys")
        return ((v.params.keys as string[]) ?? []).map((key) => ({
          field: [...path, key].join("."),
          code: "unrecognized_keys",
          message: fieldMessages.unrecognized_keys[locale],
        }));
      // A kesu rule inside a schema (e.g. the date bounds) carries its own code and details.
      const own = (v.params as { params?: Record<string, string> }).params;
      if (v.keyword === "custom" && own?.problem && own.problem in fieldMessages) {
        const { problem, ...details } = own;
        return [
          {
            field,
            code: problem,
            message: fieldMessage(problem as FieldProblemCode, details, locale),
            ...details,
          },
        ];
      }
      const issue = { code: v.keyword, ...v.params } as Parameters<typeof zhCN.prototype>[0];
      return [
        {
          field,
          code: v.keyword,
          message: (zodLocales[locale].localeError?.(issue as never) as string) ?? v.message,
        },
      ];
    });
    return new AppError("validation_failed", {}, { errors });
  }
  // Drizzle wraps the driver's error (DrizzleQueryError), so PostgreSQL's code sits on `cause`.
  const pgCode =
    (error as { cause?: { code?: string } }).cause?.code ?? (error as { code?: string }).code;
  if (pgCode === "23503") return new AppError("invalid_reference", { entity: "record" });
  // A unique key no route names (those answer `duplicate`), a serialization failure or a
  // deadlock: another request won a race. Its transaction rolled back, so the caller may retry.
  if (pgCode === "23505" || pgCode === "40001" || pgCode === "40P01")
    return new AppError("write_conflict");
  // Class 22 is PostgreSQL's "data exception": a value the database cannot take (bad date, out of range).
  if (pgCode?.startsWith("22")) return new AppError("validation_failed", {}, { errors: [] });
  const status = (error as FastifyError).statusCode;
  if (status === 413) return new AppError("request_too_large", { limit: BODY_LIMIT_MB });
  // Refused before any file was read: the body's own declared type is what was not accepted.
  if (status === 415) {
    const declared = request.headers["content-type"]?.split(";")[0]?.trim();
    return new AppError("unsupported_media_type", { type: declared || "—" });
  }
  if (status && status >= 400 && status < 500)
    return new AppError(
      "validation_failed",
      {},
      {
        errors: [
          { field: "", code: (error as FastifyError).code, message: (error as Error).message },
        ],
      },
    );
  return new AppError("internal");
}

/** A field message with its `{name}` details filled in, words among them in the caller's language. */
function fieldMessage(code: FieldProblemCode, details: Record<string, string>, locale: Locale) {
  const filled = fieldMessages[code][locale].replace(/\{(\w+)\}/g, (_, key: string) => {
    const value = details[key] ?? "";
    return value in fieldWords ? fieldWords[value as keyof typeof fieldWords][locale] : value;
  });
  // "日期须在 现在 至 …": no space between two Chinese characters.
  return filled.replace(/(?<=[\u4e00-\u9fff]) (?=[\u4e00-\u9fff])/g, "");
}
