/** The help text; `palier help` prints it on stdout, usage errors point to it. */
export const USAGE = `Usage: palier <command> [options]

Commands:
  serve [--no-demo] [--workers N]
                        Migrate, seed the catalogue (and the demo data on the first start of
                        an empty database, unless --no-demo), then serve the API on PORT
                        (default 8080) and inbound mail on SMTP_LISTEN (default
                        127.0.0.1:2525, "off" to disable). Also what "palier" alone does.
                        --workers N (or WEB_CONCURRENCY): N processes share the port
                        (PostgreSQL only).
  migrate               Apply pending database migrations
  seed --demo           Seed the demo provider "Palier Cloud" into a database without accounts
  account create        --name NAME --kind individual|company --region EU|CA|US
                        --language en|fr|ru [--nic ab1234-pal]
                        [--programme direct|technical-partner|commercial-partner]
                        [--certified-at YYYY-MM-DD] [--partner-programmes server:premier,...]
  user create           --nic ab1234-pal --email EMAIL --name NAME [--password PASSWORD]
                        [--language en|fr|ru] [--time-zone Europe/Paris]
  staff create          --email EMAIL --name NAME --role agent|lead|admin --tier L1|L2|L3|TAM
                        --languages en,fr --region EU|CA|US [--universes server,public-cloud]
                        [--products vps,...] [--max-tickets N] [--password PASSWORD]
  token create          --email EMAIL [--scope read|write] [--days N] [--name NAME]
                        Prints only the token, for scripts (default: read scope, 90 days)
  sla deadline          --calendar FILE --from ISO_INSTANT --minutes N
                        Prints the deadline N business minutes after the instant, in UTC
                        (ISO 8601); needs no database. Format: docs/SLA-CALENDARS.md
  help                  Show this help

Passwords: --password, else the PALIER_PASSWORD environment variable, else one is generated
and printed. The database is PALIER_DATA_DIR (default ./data) or DATABASE_URL; with the
embedded database, stop "palier serve" before running other commands on the same folder.
`;
