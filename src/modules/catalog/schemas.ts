import { type Static, type TSchema, Type } from "@sinclair/typebox";
import { Page, PageQuery } from "../../http/pagination.ts";

const CODE_PATTERN = "^[a-z0-9][a-z0-9-]{1,62}$";

/** A string restricted to a few values, shown as an enum in the OpenAPI document. */
function StringEnum<const T extends readonly string[]>(values: T, options: object = {}) {
  return Type.Unsafe<T[number]>({ type: "string", enum: [...values], ...options });
}

export const LANGUAGES = ["en", "fr", "ru"] as const;
export const UNIVERSES = ["market", "server", "public-cloud", "enterprise"] as const;
export const OWNERS = ["provider", "customer", "shared"] as const;

const Language = StringEnum(LANGUAGES);
const UniverseCode = StringEnum(UNIVERSES);
const Owner = StringEnum(OWNERS, {
  description: "Who answers for this area: the provider, the customer, or both",
});
// At least one visible character: a blank translation is as missing as an absent one.
const Text = (maxLength: number) => Type.String({ minLength: 1, maxLength, pattern: "\\S" });

// ---- Regions ---------------------------------------------------------------------------------

export const Region = Type.Object({
  code: Type.String({ description: "Two capital letters, e.g. EU" }),
  name: Type.String(),
  timeZone: Type.String({ description: "IANA time zone, e.g. Europe/Paris" }),
  currency: Type.String({ description: "ISO 4217 code" }),
  languages: Type.Array(Language),
});
export type Region = Static<typeof Region>;

export const RegionParams = Type.Object({ code: Type.String({ minLength: 1, maxLength: 16 }) });

export const RegionPatch = Type.Object(
  {
    name: Type.Optional(Text(100)),
    timeZone: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    currency: Type.Optional(Type.String({ pattern: "^[A-Z]{3}$" })),
    languages: Type.Optional(Type.Array(Language, { minItems: 1, uniqueItems: true })),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type RegionPatch = Static<typeof RegionPatch>;

// ---- Universes and product units -------------------------------------------------------------

export const Universe = Type.Object({
  code: UniverseCode,
  name: Type.String(),
  position: Type.Integer(),
  productCount: Type.Integer(),
  products: Type.Array(Type.String(), { description: "Codes of the universe's products" }),
});

export const ProductUnit = Type.Object({
  code: Type.String(),
  name: Type.String(),
  universe: UniverseCode,
});

// ---- Products --------------------------------------------------------------------------------

export const Product = Type.Object({
  code: Type.String({ description: "Stable identifier, used as {id} in product URLs" }),
  name: Type.String(),
  universe: UniverseCode,
  productUnit: Type.String(),
  description: Type.String(),
});
export type Product = Static<typeof Product>;

export const ProductParams = Type.Object({
  id: Type.String({ minLength: 1, maxLength: 64, description: "Product code, e.g. vps" }),
});

export const ProductListQuery = Type.Object(
  {
    universe: Type.Optional(UniverseCode),
    productUnit: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type ProductListQuery = Static<typeof ProductListQuery>;

export const ReferenceListQuery = Type.Object(PageQuery, { additionalProperties: false });

export const ProductCreate = Type.Object(
  {
    code: Type.String({ pattern: CODE_PATTERN, description: "Lowercase letters, digits, -" }),
    name: Text(100),
    universe: UniverseCode,
    productUnit: Type.String({ minLength: 1, maxLength: 64 }),
    description: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);
export type ProductCreate = Static<typeof ProductCreate>;

export const ProductPatch = Type.Object(
  {
    name: Type.Optional(Text(100)),
    universe: Type.Optional(UniverseCode),
    productUnit: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    description: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type ProductPatch = Static<typeof ProductPatch>;

// ---- Responsibility matrix -------------------------------------------------------------------

const Explanation = Type.Object(
  { en: Text(1000), fr: Text(1000), ru: Text(1000) },
  { additionalProperties: false, description: "The same explanation in every language" },
);

export const Responsibility = Type.Object({
  area: Type.String(),
  owner: Owner,
  position: Type.Integer(),
  explanation: Type.Object({ en: Type.String(), fr: Type.String(), ru: Type.String() }),
  text: Type.String({ description: "The explanation in the response's language" }),
});
export type Responsibility = Static<typeof Responsibility>;

export const Matrix = Type.Object({
  product: Type.String(),
  language: Language,
  items: Type.Array(Responsibility),
});

export const MatrixQuery = Type.Object(
  {
    lang: Type.Optional(
      StringEnum(LANGUAGES, { description: "Language of `text`; else Accept-Language, else en" }),
    ),
  },
  { additionalProperties: false },
);

export const AreaParams = Type.Object({
  id: ProductParams.properties.id,
  area: Type.String({ pattern: CODE_PATTERN, description: "Area code, e.g. operating-system" }),
});

export const DeleteAreaParams = Type.Object({
  id: ProductParams.properties.id,
  area: Type.String({ minLength: 1, maxLength: 64 }),
});

export const ResponsibilityPut = Type.Object(
  {
    owner: Owner,
    explanation: Explanation,
    position: Type.Optional(
      Type.Integer({ minimum: 0, maximum: 1000, description: "Defaults to after the last row" }),
    ),
  },
  { additionalProperties: false },
);
export type ResponsibilityPut = Static<typeof ResponsibilityPut>;

export const Items = <T extends TSchema>(item: T) => Type.Object({ items: Type.Array(item) });
export { Page };
