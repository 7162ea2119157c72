import type { App, AppContext } from "../../http/context.ts";

export async function accountRoutes(_app: App, _ctx: AppContext): Promise<void> {}
