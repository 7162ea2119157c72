import { createContext } from "preact";
import { useContext } from "preact/hooks";
import type { Me } from "./api/client.ts";

export type Session =
  | { state: "loading" }
  | { state: "signed-out"; ended: boolean }
  | { state: "signed-in"; me: Me };

export interface SessionApi {
  session: Session;
  /** After POST /auth/sessions: remember the CSRF token and who signed in. */
  signedIn(me: Me, csrfToken: string): void;
  signOut(): Promise<void>;
}

export const SessionContext = createContext<SessionApi>({
  session: { state: "loading" },
  signedIn: () => {},
  signOut: async () => {},
});

export function useSession(): SessionApi {
  return useContext(SessionContext);
}

/** The signed-in caller; screens behind sign-in only render with one. */
export function useMe(): Me {
  const { session } = useSession();
  if (session.state !== "signed-in") throw new Error("useMe outside a signed-in screen");
  return session.me;
}
