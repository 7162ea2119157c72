import AjvModule from "ajv";
import addFormatsModule from "ajv-formats";
import type { FastifySchema, FastifySchemaCompiler } from "fastify";

// Both packages are CommonJS with a default export that ESM sees one level down.
const Ajv = AjvModule.default ?? AjvModule;
const addFormats = addFormatsModule.default ?? addFormatsModule;

function makeAjv(coerceTypes: false | "array") {
  const ajv = new Ajv({
    // Unknown fields are an error, never silently dropped.
    removeAdditional: false,
    useDefaults: true,
    coerceTypes,
    allErrors: false,
    strict: false,
  });
  addFormats(ajv);
  return ajv;
}

/**
 * Query strings, path parameters and headers only carry text, so their numbers and booleans are
 * coerced; JSON bodies are typed, so a string where a number belongs is an error, not a guess.
 * Built per encapsulation context by Fastify, with the schemas shared through addSchema.
 */
export function buildValidator(
  externalSchemas: Record<string, unknown> = {},
): FastifySchemaCompiler<FastifySchema> {
  const strict = makeAjv(false);
  const lenient = makeAjv("array");
  for (const schema of Object.values(externalSchemas)) {
    strict.addSchema(schema as object);
    lenient.addSchema(schema as object);
  }
  return ({ schema, httpPart }) =>
    (httpPart === "body" ? strict : lenient).compile(schema as object) as ReturnType<
      FastifySchemaCompiler<FastifySchema>
    >;
}
