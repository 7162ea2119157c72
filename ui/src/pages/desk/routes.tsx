import type { Me } from "../../api/client.ts";
import type { Translator } from "../../i18n/index.ts";
import { lazyScreen } from "../../lib/lazy.tsx";
import type { Route } from "../../routes.tsx";

// Each desk screen is its own chunk: customers never download them, staff fetch each once.
const QueuesHome = lazyScreen(() => import("./queues.tsx").then((m) => m.QueuesHome));
const QueueScreen = lazyScreen(() => import("./queue.tsx").then((m) => m.QueueScreen));
const MineScreen = lazyScreen(() => import("./queue.tsx").then((m) => m.MineScreen));
const Workspace = lazyScreen(() => import("./workspace/index.tsx").then((m) => m.Workspace));

/** The support desk's screens for staff: queues, held tickets, the ticket workspace. */
export function deskRoutes(_me: Me, { t }: Translator): Route[] {
  return [
    { pattern: "/", nav: t("desk.nav.queues"), render: () => <QueuesHome /> },
    { pattern: "/queues/mine", nav: t("desk.nav.mine"), render: () => <MineScreen /> },
    {
      pattern: "/queues/:universe/:tier/:language",
      render: ({ universe = "", tier = "", language = "" }) => (
        <QueueScreen
          key={`${universe}/${tier}/${language}`}
          universe={universe}
          tier={tier}
          language={language}
        />
      ),
    },
    {
      pattern: "/tickets/:number",
      render: ({ number = "" }) => <Workspace key={number} number={number} />,
    },
  ];
}
