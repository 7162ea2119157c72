import type { Database } from "../src/db/database.ts";
import { insertApiToken, type TokenOwner } from "../src/modules/auth/repository.ts";
import { products } from "../src/modules/catalog/reference-data.ts";

export interface BulkData {
  /** Bearer token of a customer whose account holds `customerServices` services. */
  customerToken: string;
  customerServices: number;
  /** Bearer token of a staff admin, who sees all services. */
  adminToken: string;
  sampleServiceName: string;
}

async function token(db: Database, owner: TokenOwner): Promise<string> {
  const expiresAt = new Date(Date.now() + 86_400_000);
  return (await insertApiToken(db, owner, { name: "bench", scope: "read", expiresAt })).secret;
}

/**
 * Fills an empty database with `total` services spread over 500 accounts; one account is the
 * tech contact of a partner's worth of services, as a busy technical partner would be.
 */
export async function seedBulk(db: Database, total: number): Promise<BulkData> {
  const accountCount = 500;
  const accounts = await db
    .insertInto("accounts")
    .values(
      Array.from({ length: accountCount }, (_, i) => ({
        nic_handle: `bk${String(i).padStart(5, "0")}-pal`,
        kind: "company" as const,
        name: `Bench account ${i}`,
        region: "EU",
        language: "en" as const,
      })),
    )
    .returning("id")
    .execute();
  const ids = accounts.map((a) => a.id);
  const partner = ids[0] as string;
  const batch = 1000;
  for (let start = 0; start < total; start += batch) {
    const rows = Array.from({ length: Math.min(batch, total - start) }, (_, k) => {
      const i = start + k;
      const admin = ids[i % accountCount] as string;
      const product = products[i % products.length]?.code ?? "vps";
      return {
        name: `${product}-${String(i).padStart(6, "0")}.bench.palier.test`,
        product,
        region: "EU",
        datacenter: "gra1",
        admin_account_id: admin,
        // Every 25th service is managed by the partner, as tech contact.
        tech_account_id: i % 25 === 0 ? partner : admin,
        billing_account_id: admin,
      };
    });
    await db.insertInto("services").values(rows).execute();
  }
  const user = await db
    .insertInto("users")
    .values({
      account_id: partner,
      email: "bench-partner@example.test",
      name: "Bench partner",
      password_hash: "unused",
      language: "en",
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const staff = await db
    .insertInto("staff")
    .values({
      email: "bench-admin@palier.test",
      name: "Bench admin",
      password_hash: "unused",
      role: "admin",
      tier: "L3",
      languages: ["en"],
      region: "EU",
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const owned = await db
    .selectFrom("services")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where((eb) =>
      eb.or([
        eb("admin_account_id", "=", partner),
        eb("tech_account_id", "=", partner),
        eb("billing_account_id", "=", partner),
      ]),
    )
    .executeTakeFirstOrThrow();
  return {
    customerToken: await token(db, { user_id: user.id, staff_id: null }),
    customerServices: Number(owned.n),
    adminToken: await token(db, { user_id: null, staff_id: staff.id }),
    // Service 25 is one of the partner's (tech contact), so both callers may read it.
    sampleServiceName: `${products[25 % products.length]?.code}-000025.bench.palier.test`,
  };
}
