import type { App, AppContext } from "../../http/context.ts";

export async function contactChangeRoutes(_app: App, _ctx: AppContext): Promise<void> {}
