import type { Insertable, Selectable, SelectQueryBuilder, Updateable } from "kysely";
import { compiledQuery } from "../../db/compiled.ts";
import type { Database } from "../../db/database.ts";
import type {
  ContactRole,
  DB,
  ServiceResourcesTable,
  ServiceStatus,
  ServicesTable,
} from "../../db/schema.ts";

/** All SQL of services and their resources. */

const roleColumn = {
  admin: "s.admin_account_id",
  tech: "s.tech_account_id",
  billing: "s.billing_account_id",
} as const;

/** One service with what policy and presenters need: universe and the contacts' NIC handles. */
export async function findServiceByName(db: Database, name: string) {
  return (await serviceByName(db, name))[0];
}

/** The select of `findServiceByName` before its filter, for queries that read more with it. */
export function serviceSelect(db: Database) {
  return db
    .selectFrom("services as s")
    .innerJoin("products as p", "p.code", "s.product")
    .innerJoin("accounts as aa", "aa.id", "s.admin_account_id")
    .innerJoin("accounts as ta", "ta.id", "s.tech_account_id")
    .innerJoin("accounts as ba", "ba.id", "s.billing_account_id")
    .selectAll("s")
    .select([
      "p.universe",
      "p.name as product_name",
      "aa.nic_handle as admin_nic",
      "ta.nic_handle as tech_nic",
      "ba.nic_handle as billing_nic",
    ]);
}

const serviceByName = compiledQuery(1, (db, name: string) =>
  serviceSelect(db).where("s.name", "=", name),
);
export type ServiceRow = NonNullable<Awaited<ReturnType<typeof findServiceByName>>>;

export interface ServiceListParams {
  /** Only services where this account holds one of `roles`. */
  memberAccountId: string | null;
  roles: ContactRole[];
  /** Only services of products in these universes; null means any. */
  universes: string[] | null;
  product?: string | undefined;
  region?: string | undefined;
  status?: ServiceStatus | undefined;
  prefix?: string | undefined;
  after: string | null;
  limit: number;
}

type ServiceQuery = SelectQueryBuilder<DB & { s: ServicesTable }, "s", Selectable<ServicesTable>>;

/**
 * Keyset page of services ordered by name. For an account, each role is its own branch walking
 * the (role_account_id, name) index and stopping after limit+1 rows; the union of at most three
 * short branches is then sorted, so the cost does not grow with the account's service count.
 * Branches carry whole rows: joining services back by id let the planner pick a full scan.
 */
export async function listServices(db: Database, params: ServiceListParams) {
  const { limit } = params;
  const filtered = (qb: ServiceQuery): ServiceQuery =>
    qb
      .$if(params.product !== undefined, (q) => q.where("s.product", "=", params.product as string))
      .$if(params.region !== undefined, (q) => q.where("s.region", "=", params.region as string))
      .$if(params.status !== undefined, (q) =>
        q.where("s.status", "=", params.status as ServiceStatus),
      )
      // The prefix is restricted to [a-z0-9.-] by the schema, so it holds no LIKE wildcards.
      .$if(params.prefix !== undefined, (q) => q.where("s.name", "like", `${params.prefix}%`))
      .$if(params.after !== null, (q) => q.where("s.name", ">", params.after as string))
      .$if(params.universes !== null, (q) =>
        q.where(
          "s.product",
          "in",
          db
            .selectFrom("products")
            .select("code")
            .where("universe", "in", params.universes as DB["products"]["universe"][]),
        ),
      );
  const branch = (role: ContactRole | null): ServiceQuery => {
    const base = db.selectFrom("services as s").selectAll("s");
    const scoped =
      role === null ? base : base.where(roleColumn[role], "=", params.memberAccountId as string);
    return filtered(scoped)
      .orderBy("s.name")
      .limit(limit + 1);
  };

  let matched: SelectQueryBuilder<DB, never, Selectable<ServicesTable>> | ServiceQuery;
  if (params.memberAccountId === null) {
    matched = branch(null);
  } else {
    const [first, ...rest] = params.roles.map((role) =>
      db.selectFrom(branch(role).as(`by_${role}`)).selectAll(),
    );
    if (!first) return [];
    matched = rest.reduce((acc, next) => acc.union(next), first);
  }

  return db
    .selectFrom(matched.as("s"))
    .innerJoin("products as p", "p.code", "s.product")
    .innerJoin("accounts as aa", "aa.id", "s.admin_account_id")
    .innerJoin("accounts as ta", "ta.id", "s.tech_account_id")
    .innerJoin("accounts as ba", "ba.id", "s.billing_account_id")
    .selectAll("s")
    .select([
      "p.universe",
      "aa.nic_handle as admin_nic",
      "ta.nic_handle as tech_nic",
      "ba.nic_handle as billing_nic",
    ])
    .orderBy("s.name")
    .limit(limit + 1)
    .execute();
}
export type ServiceListRow = Awaited<ReturnType<typeof listServices>>[number];

export function listResources(db: Database, serviceId: string) {
  return db
    .selectFrom("service_resources")
    .select(["kind", "value", "network"])
    .where("service_id", "=", serviceId)
    .orderBy("kind")
    .orderBy("value")
    .execute();
}

/** The three contact accounts of a service, in one query. */
export function findContactAccounts(db: Database, ids: string[]) {
  return db
    .selectFrom("accounts")
    .select(["id", "nic_handle", "name", "kind", "region", "programme"])
    .where("id", "in", ids)
    .execute();
}

export function findAccountsByNic(db: Database, nics: string[]) {
  return db
    .selectFrom("accounts")
    .select(["id", "nic_handle", "region"])
    .where("nic_handle", "in", nics)
    .execute();
}

export function findProduct(db: Database, code: string) {
  return db
    .selectFrom("products")
    .select(["code", "universe"])
    .where("code", "=", code)
    .executeTakeFirst();
}

export function findRegion(db: Database, code: string) {
  return db.selectFrom("regions").select("code").where("code", "=", code).executeTakeFirst();
}

export function serviceNameTaken(db: Database, name: string) {
  return db.selectFrom("services").select("id").where("name", "=", name).executeTakeFirst();
}

export function insertService(db: Database, row: Insertable<ServicesTable>) {
  return db.insertInto("services").values(row).returning("id").executeTakeFirstOrThrow();
}

export async function insertResources(
  db: Database,
  rows: Insertable<ServiceResourcesTable>[],
): Promise<void> {
  if (rows.length > 0) await db.insertInto("service_resources").values(rows).execute();
}

export async function updateService(
  db: Database,
  id: string,
  patch: Updateable<ServicesTable>,
): Promise<void> {
  await db.updateTable("services").set(patch).where("id", "=", id).execute();
}
