import type { ContactRole, Universe } from "../../db/schema.ts";
import { inTransaction } from "../../db/transaction.ts";
import type { AppContext } from "../../http/context.ts";
import { decodeCursor, type PageOf, toPage } from "../../http/pagination.ts";
import { type Actor, type Principal, requireStaff } from "../../http/principal.ts";
import { AppError, type FieldError, forbidden, notFound } from "../../http/problem.ts";
import { recordAudit } from "../audit/recorder.ts";
import { authorizeService, staffCan } from "./policy.ts";
import { presentContacts, presentService, presentServiceDetail } from "./presenter.ts";
import {
  findAccountsByNic,
  findContactAccounts,
  findProduct,
  findRegion,
  findServiceByName,
  insertResources,
  insertService,
  listResources,
  listServices,
  type ServiceRow,
  serviceNameTaken,
  updateService,
} from "./repository.ts";
import { checkResource, type NormalisedResource } from "./resources.ts";
import type { ProvisionBody, ServiceListQuery, UpdateBody } from "./schemas.ts";

const ALL_ROLES: ContactRole[] = ["admin", "tech", "billing"];
const ALL_UNIVERSES: Universe[] = ["market", "server", "public-cloud", "enterprise"];

const queryError = (field: string, message: string) =>
  new AppError("validation_failed", `${field}: ${message}`, [{ field, in: "query", message }]);

/** The caller's services (or, for staff, the services they may see), one keyset page. */
export async function listServicesFor(
  ctx: AppContext,
  principal: Principal,
  query: ServiceListQuery,
): Promise<PageOf<ReturnType<typeof presentService>>> {
  const limit = query.limit ?? 25;
  const cursor = decodeCursor(query.cursor, 1);
  const after = cursor ? cursor[0] : null;
  if (after !== null && typeof after !== "string") throw queryError("cursor", "not a cursor");

  let memberAccountId: string | null = null;
  let universes: Universe[] | null = query.universe ? [query.universe] : null;
  if (principal.kind === "user") {
    if (query.account !== undefined) throw forbidden("Only staff may filter by account");
    memberAccountId = principal.accountId;
  } else {
    if (principal.role === "agent") {
      const seen = (universes ?? ALL_UNIVERSES).filter((u) => principal.universes.includes(u));
      universes = seen;
    }
    if (query.account !== undefined) {
      const [account] = await findAccountsByNic(ctx.db, [query.account]);
      if (!account) return { items: [], nextCursor: null };
      memberAccountId = account.id;
    } else if (query.role !== undefined) {
      throw queryError("role", "filtering staff lists by role needs an account");
    }
  }
  if (universes !== null && universes.length === 0) return { items: [], nextCursor: null };

  const rows = await listServices(ctx.db, {
    memberAccountId,
    roles: query.role ? [query.role] : ALL_ROLES,
    universes,
    product: query.product,
    region: query.region,
    status: query.status,
    prefix: query.q?.toLowerCase(),
    after,
    limit,
  });
  return toPage(
    rows,
    limit,
    (row) => [row.name],
    (row) => presentService(principal, row),
  );
}

/** Loads a service the caller may act on: 404 if it may not know it exists, 403 if not allowed. */
export async function loadServiceFor(
  ctx: AppContext,
  principal: Principal,
  serviceName: string,
  action: Parameters<typeof authorizeService>[2],
): Promise<{ service: ServiceRow; roles: ContactRole[] }> {
  const service = await findServiceByName(ctx.db, serviceName.toLowerCase());
  if (!service) throw notFound("Service");
  const roles = authorizeService(principal, service, action);
  return { service, roles };
}

export async function getService(ctx: AppContext, principal: Principal, serviceName: string) {
  const { service } = await loadServiceFor(ctx, principal, serviceName, "service.read");
  const resources = await listResources(ctx.db, service.id);
  return presentServiceDetail(principal, service, resources);
}

export async function getServiceContacts(
  ctx: AppContext,
  principal: Principal,
  serviceName: string,
) {
  const { service } = await loadServiceFor(ctx, principal, serviceName, "service.contacts.read");
  const accounts = await findContactAccounts(ctx.db, [
    service.admin_account_id,
    service.tech_account_id,
    service.billing_account_id,
  ]);
  return presentContacts(service, accounts);
}

function bodyError(errors: FieldError[]): AppError {
  const first = errors[0];
  return new AppError(
    "validation_failed",
    first ? `${first.field}: ${first.message}` : "invalid",
    errors,
  );
}

function checkResources(input: ProvisionBody["resources"]): NormalisedResource[] {
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  const resources: NormalisedResource[] = [];
  (input ?? []).forEach((item, index) => {
    const field = `resources.${index}.value`;
    const checked = checkResource(item.kind, item.value);
    if (!checked.ok) {
      errors.push({ field, in: "body", message: checked.message });
      return;
    }
    const key = `${checked.resource.kind} ${checked.resource.value}`;
    if (seen.has(key)) errors.push({ field, in: "body", message: "listed twice" });
    seen.add(key);
    resources.push(checked.resource);
  });
  if (errors.length > 0) throw bodyError(errors);
  return resources;
}

/** Staff admins provision a service with its three contacts and resources. */
export async function provisionService(ctx: AppContext, actor: Actor, input: ProvisionBody) {
  const staff = requireStaff(actor.principal, ["admin"]);
  if (!staffCan(staff, "service.provision")) throw forbidden();
  const name = input.name.toLowerCase();
  const resources = checkResources(input.resources);

  const unprocessable = (field: string, message: string) =>
    new AppError("unprocessable", `${field}: ${message}`, [{ field, in: "body", message }]);
  if (!(await findProduct(ctx.db, input.product))) {
    throw unprocessable("product", `unknown product "${input.product}"`);
  }
  if (!(await findRegion(ctx.db, input.region))) {
    throw unprocessable("region", `unknown region "${input.region}"`);
  }
  const accounts = await findAccountsByNic(ctx.db, Object.values(input.contacts));
  const idOf = (role: ContactRole): string => {
    const account = accounts.find((a) => a.nic_handle === input.contacts[role]);
    if (!account) throw unprocessable(`contacts.${role}`, `unknown NIC handle`);
    return account.id;
  };
  const contactIds = { admin: idOf("admin"), tech: idOf("tech"), billing: idOf("billing") };
  const nameTaken = () =>
    new AppError("already_exists", `A service named ${name} already exists`, [
      { field: "name", in: "body", message: "already taken" },
    ]);
  if (await serviceNameTaken(ctx.db, name)) throw nameTaken();

  await inTransaction(ctx.db, async (trx) => {
    const { id } = await insertService(trx, {
      name,
      product: input.product,
      region: input.region,
      datacenter: input.datacenter,
      status: input.status ?? "active",
      admin_account_id: contactIds.admin,
      tech_account_id: contactIds.tech,
      billing_account_id: contactIds.billing,
      created_at: ctx.clock.now(),
    });
    await insertResources(
      trx,
      resources.map((r) => ({ service_id: id, ...r })),
    );
    await recordAudit(trx, actor, {
      action: "service.provisioned",
      subjectKind: "service",
      subjectId: id,
      accountId: contactIds.admin,
      details: {
        name,
        product: input.product,
        region: input.region,
        contacts: input.contacts,
      },
    });
  }).catch((error: unknown) => {
    // A concurrent provisioning of the same name loses on the unique index.
    if ((error as { code?: unknown }).code === "23505") throw nameTaken();
    throw error;
  });
  return getService(ctx, actor.principal, name);
}

/** Staff admins change the provider-side facts of a service: status and datacenter. */
export async function operateService(
  ctx: AppContext,
  actor: Actor,
  serviceName: string,
  patch: UpdateBody,
) {
  const { service } = await loadServiceFor(ctx, actor.principal, serviceName, "service.operate");
  const changes: Record<string, { from: string; to: string }> = {};
  if (patch.status !== undefined && patch.status !== service.status) {
    changes.status = { from: service.status, to: patch.status };
  }
  if (patch.datacenter !== undefined && patch.datacenter !== service.datacenter) {
    changes.datacenter = { from: service.datacenter, to: patch.datacenter };
  }
  if (Object.keys(changes).length > 0) {
    await inTransaction(ctx.db, async (trx) => {
      await updateService(trx, service.id, {
        ...(patch.status !== undefined ? { status: patch.status } : {}),
        ...(patch.datacenter !== undefined ? { datacenter: patch.datacenter } : {}),
      });
      await recordAudit(trx, actor, {
        action: "service.updated",
        subjectKind: "service",
        subjectId: service.id,
        accountId: service.admin_account_id,
        details: { name: service.name, ...changes },
      });
    });
  }
  return getService(ctx, actor.principal, service.name);
}
