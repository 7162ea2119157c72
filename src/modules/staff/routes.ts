import type { App, AppContext } from "../../http/context.ts";

export async function staffRoutes(_app: App, _ctx: AppContext): Promise<void> {}
