import { DEMO_PASSWORD, DEMO_SIGN_INS, type DemoSeedOutcome } from "../seed/demo.ts";

/** The demo sign-ins as an aligned table, for the terminal. */
export function signInTable(): string {
  const width = Math.max(...DEMO_SIGN_INS.map((s) => s.email.length));
  const who = Math.max(...DEMO_SIGN_INS.map((s) => s.who.length));
  const lines = DEMO_SIGN_INS.map(
    (s) => `  ${s.who.padEnd(who)}  ${s.email.padEnd(width)}  ${s.about}`,
  );
  return [`Demo sign-ins (password for all: ${DEMO_PASSWORD}):`, ...lines].join("\n");
}

export function describeSeed(outcome: DemoSeedOutcome): string {
  switch (outcome.status) {
    case "seeded":
      return (
        `Seeded the demo provider "Palier Cloud": ${outcome.accounts} accounts, ` +
        `${outcome.users} users, ${outcome.staff} staff, ${outcome.services} services, ` +
        `${outcome.tickets} tickets.`
      );
    case "present":
      return "The demo data is already in this database; nothing to do.";
    case "refused":
      return (
        `Refusing to seed the demo: the database already holds ${outcome.accounts} account(s). ` +
        "Demo data is only seeded into a database without customers, so it never mixes with real ones."
      );
  }
}
