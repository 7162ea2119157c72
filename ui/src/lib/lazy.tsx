import type { ComponentType, JSX } from "preact";
import { useEffect, useState } from "preact/hooks";
import { Loading, ProblemAlert } from "../components/state.tsx";

/**
 * A screen whose code is fetched the first time it is shown, so the customers' first load does
 * not carry the staff screens (and the reverse). The module is fetched once and kept.
 */
export function lazyScreen<P extends object>(
  load: () => Promise<ComponentType<P>>,
): (props: P) => JSX.Element {
  let loaded: ComponentType<P> | null = null;
  let pending: Promise<ComponentType<P>> | null = null;
  return function LazyScreen(props: P) {
    const [, setReady] = useState(loaded !== null);
    const [failed, setFailed] = useState(false);
    useEffect(() => {
      if (loaded) return;
      pending ??= load();
      let current = true;
      pending.then(
        (component) => {
          loaded = component;
          if (current) setReady(true);
        },
        () => {
          pending = null;
          if (current) setFailed(true);
        },
      );
      return () => {
        current = false;
      };
    }, []);
    if (loaded) {
      const Screen = loaded;
      return <Screen {...props} />;
    }
    if (failed) {
      return (
        <ProblemAlert
          problem={{
            type: "about:blank",
            code: "network_error",
            status: 0,
            title: "",
            detail: "",
            requestId: "",
          }}
          onRetry={() => location.reload()}
        />
      );
    }
    return <Loading />;
  };
}
