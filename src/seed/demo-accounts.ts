import type { Language, Programme, Universe } from "../db/schema.ts";

/** A demo customer account as written by hand; the generator adds handles, users and services. */
export interface DemoAccountDef {
  /** Lowercase ASCII; the account's fictional domain is `<slug>.example`. */
  slug: string;
  name: string;
  kind: "individual" | "company";
  region: "EU" | "CA" | "US";
  language: Language;
  programme?: Programme;
  certifiedAt?: string;
  partnerProgrammes?: { universe: Universe; tier: "registered" | "advanced" | "premier" }[];
  /** The first user: display name and email local part. */
  owner?: [string, string];
  /** Slug of the technical partner acting as tech contact for this account's services. */
  techPartner?: string;
  /** Slug of the commercial partner that bills this account's services. */
  reseller?: string;
}

const company = (
  slug: string,
  name: string,
  region: DemoAccountDef["region"],
  language: Language,
  extra: Partial<DemoAccountDef> = {},
): DemoAccountDef => ({ slug, name, kind: "company", region, language, ...extra });

const person = (
  slug: string,
  name: string,
  region: DemoAccountDef["region"],
  language: Language,
  extra: Partial<DemoAccountDef> = {},
): DemoAccountDef => ({
  slug,
  name,
  kind: "individual",
  region,
  language,
  owner: [name, slug.replace("-", ".")],
  ...extra,
});

// Every name is invented; domains use the reserved .example top-level domain.
export const demoAccounts: DemoAccountDef[] = [
  // Europe
  company("atelier-lumiere", "Atelier Lumière", "EU", "fr", {
    owner: ["Camille Durand", "camille.durand"],
  }),
  company("kestrel-ops", "Kestrel Ops Ltd", "EU", "en", {
    programme: "technical-partner",
    certifiedAt: "2023-03-14",
    owner: ["Olivia Walker", "olivia.walker"],
  }),
  company("infogerance-lavande", "Infogérance Lavande SARL", "EU", "fr", {
    programme: "technical-partner",
    certifiedAt: "2022-09-01",
  }),
  company("taiga-systems", "ООО «Тайга Системс»", "EU", "ru", {
    programme: "technical-partner",
    certifiedAt: "2024-02-20",
  }),
  company("meridian-reseller", "Meridian Reseller Group", "EU", "en", {
    programme: "commercial-partner",
    partnerProgrammes: [
      { universe: "server", tier: "premier" },
      { universe: "public-cloud", tier: "advanced" },
      { universe: "market", tier: "registered" },
    ],
    owner: ["Ethan Hayes", "ethan.hayes"],
  }),
  company("boulangerie-morel", "Boulangerie Morel", "EU", "fr", {
    techPartner: "infogerance-lavande",
  }),
  company("librairie-des-quais", "Librairie des Quais", "EU", "fr", {
    techPartner: "infogerance-lavande",
  }),
  company("cabinet-garnier", "Cabinet Garnier Avocats", "EU", "fr", {
    techPartner: "infogerance-lavande",
  }),
  company("studio-riviere", "Studio Rivière", "EU", "fr", { reseller: "meridian-reseller" }),
  company("fromagerie-du-jura", "Fromagerie du Jura", "EU", "fr"),
  company("pixel-potager", "Pixel Potager", "EU", "fr"),
  company("harbor-analytics", "Harbor Analytics GmbH", "EU", "en", {
    techPartner: "kestrel-ops",
  }),
  company("bluefin-games", "Bluefin Games", "EU", "en", { techPartner: "kestrel-ops" }),
  company("copperleaf-media", "Copperleaf Media", "EU", "en", { techPartner: "kestrel-ops" }),
  company("granite-logistics", "Granite Logistics BV", "EU", "en", {
    reseller: "meridian-reseller",
  }),
  company("nordhavn-robotics", "Nordhavn Robotics ApS", "EU", "en", {
    reseller: "meridian-reseller",
  }),
  company("severny-veter", "ООО «Северный Ветер»", "EU", "ru", { techPartner: "taiga-systems" }),
  company("volga-media", "Волга Медиа", "EU", "ru", { techPartner: "taiga-systems" }),
  company("baltlog", "Балтийская Логистика", "EU", "ru"),
  person("jeanne-roux", "Jeanne Roux", "EU", "fr", { techPartner: "infogerance-lavande" }),
  person("thomas-lefevre", "Thomas Lefèvre", "EU", "fr"),
  person("ana-kowalska", "Ana Kowalska", "EU", "en"),
  person("lukas-becker", "Lukas Becker", "EU", "en", { techPartner: "kestrel-ops" }),
  person("dmitri-sokolov", "Дмитрий Соколов", "EU", "ru", { techPartner: "taiga-systems" }),
  person("olga-ivanova", "Ольга Иванова", "EU", "ru"),
  person("marta-silva", "Marta Silva", "EU", "en"),
  // Canada
  company("northern-loon", "Northern Loon Hosting Inc.", "CA", "en", {
    programme: "technical-partner",
    certifiedAt: "2023-11-07",
  }),
  company("erable-distribution", "Érable Distribution inc.", "CA", "fr", {
    programme: "commercial-partner",
    partnerProgrammes: [
      { universe: "market", tier: "advanced" },
      { universe: "public-cloud", tier: "registered" },
    ],
  }),
  company("caribou-outfitters", "Caribou Outfitters", "CA", "en", {
    techPartner: "northern-loon",
  }),
  company("maple-ledger", "Maple Ledger Accounting", "CA", "en", {
    techPartner: "northern-loon",
  }),
  company("boreal-sante", "Boréal Santé", "CA", "fr", { reseller: "erable-distribution" }),
  company("cafe-saint-laurent", "Café Saint-Laurent", "CA", "fr", {
    reseller: "erable-distribution",
  }),
  company("tundra-analytics", "Tundra Analytics", "CA", "en"),
  company("prairie-seed", "Prairie Seed Co-op", "CA", "en"),
  person("emilie-tremblay", "Émilie Tremblay", "CA", "fr"),
  person("liam-oconnor", "Liam O'Connor", "CA", "en", { techPartner: "northern-loon" }),
  person("gabriel-gagnon", "Gabriel Gagnon", "CA", "fr", { reseller: "erable-distribution" }),
  // United States
  company("mesa-cloudworks", "Mesa Cloudworks LLC", "US", "en", {
    programme: "technical-partner",
    certifiedAt: "2024-06-12",
  }),
  company("lantern-health", "Lantern Health Partners", "US", "en", {
    techPartner: "mesa-cloudworks",
  }),
  company("redwood-robotics", "Redwood Robotics", "US", "en", {
    techPartner: "mesa-cloudworks",
  }),
  company("bayou-records", "Bayou Records", "US", "en", { techPartner: "mesa-cloudworks" }),
  company("sagebrush-travel", "Sagebrush Travel", "US", "en"),
  company("ironbridge-fintech", "Ironbridge Fintech", "US", "en"),
  company("cedar-and-pine", "Cedar & Pine Bakery", "US", "en"),
  company("willow-creek-schools", "Willow Creek School District", "US", "en"),
  person("jordan-ellis", "Jordan Ellis", "US", "en"),
  person("priya-raman", "Priya Raman", "US", "en"),
  person("marcus-webb", "Marcus Webb", "US", "en"),
];

/** Colleagues added to company accounts: display name and email local part, per language. */
export const colleagues: Record<Language, [string, string][]> = {
  fr: [
    ["Lucas Moreau", "lucas.moreau"],
    ["Chloé Fournier", "chloe.fournier"],
    ["Hugo Mercier", "hugo.mercier"],
    ["Manon Blanc", "manon.blanc"],
    ["Louis Chevalier", "louis.chevalier"],
    ["Inès Gauthier", "ines.gauthier"],
    ["Théo Perrin", "theo.perrin"],
    ["Juliette Girard", "juliette.girard"],
  ],
  en: [
    ["Noah Bennett", "noah.bennett"],
    ["Emma Foster", "emma.foster"],
    ["Liam Murphy", "liam.murphy"],
    ["Ava Reed", "ava.reed"],
    ["Jack Collins", "jack.collins"],
    ["Grace Patel", "grace.patel"],
    ["Ryan Hughes", "ryan.hughes"],
    ["Mia Carter", "mia.carter"],
  ],
  ru: [
    ["Алексей Смирнов", "aleksei.smirnov"],
    ["Мария Кузнецова", "maria.kuznetsova"],
    ["Сергей Волков", "sergei.volkov"],
    ["Екатерина Попова", "ekaterina.popova"],
    ["Никита Лебедев", "nikita.lebedev"],
    ["Анастасия Новикова", "anastasia.novikova"],
    ["Павел Морозов", "pavel.morozov"],
    ["Татьяна Егорова", "tatiana.egorova"],
  ],
};

export const timeZones: Record<DemoAccountDef["region"], string[]> = {
  EU: ["Europe/Paris", "Europe/Berlin", "Europe/Amsterdam", "Europe/Warsaw", "Europe/Riga"],
  CA: ["America/Toronto", "America/Montreal", "America/Vancouver"],
  US: ["America/New_York", "America/Chicago", "America/Denver", "America/Los_Angeles"],
};
