// UTC offsets of an IANA zone, read from Intl once and cached: Intl costs microseconds a call,
// while the calendar arithmetic must cost well under one.

export const MINUTE = 60_000;
export const HOUR = 3_600_000;
export const DAY = 86_400_000;

// Offsets are sampled on a 6-hour UTC grid; real zones never change twice within 6 hours.
const GRID = 6 * HOUR;
const MAX_CACHED_POINTS = 200_000;

/** A stretch of time with one UTC offset: wall clock = instant + offset. */
export interface Segment {
  start: number;
  end: number;
  offset: number;
}

const ZONE_NAME = /^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/;

/**
 * The zone's name as Intl spells it (case fixed), or null when it is not an IANA zone. Fixed
 * offsets such as +01:00 are refused: a calendar must follow its region's daylight-saving rules.
 */
export function canonicalZone(name: string): string | null {
  if (!ZONE_NAME.test(name)) return null;
  try {
    const resolved = new Intl.DateTimeFormat("en-US", { timeZone: name }).resolvedOptions()
      .timeZone;
    // Keep an alias as written (Asia/Calcutta) rather than whatever ICU calls canonical.
    return resolved.toLowerCase() === name.toLowerCase() ? resolved : name;
  } catch {
    return null;
  }
}

class ZoneOffsets {
  private readonly format: Intl.DateTimeFormat;
  private readonly points = new Map<number, number>();
  private readonly transitions = new Map<number, number>();

  constructor(zone: string) {
    this.format = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
  }

  /** Local wall clock minus UTC at instant t, to the second (the slow path). */
  offsetAt(t: number): number {
    const f = { year: 0, month: 1, day: 1, hour: 0, minute: 0, second: 0 };
    for (const part of this.format.formatToParts(t)) {
      if (part.type in f) f[part.type as keyof typeof f] = Number(part.value);
    }
    const wall = Date.UTC(f.year, f.month - 1, f.day, f.hour % 24, f.minute, f.second);
    return wall - Math.floor(t / 1000) * 1000;
  }

  private point(index: number): number {
    let offset = this.points.get(index);
    if (offset === undefined) {
      if (this.points.size >= MAX_CACHED_POINTS) this.points.clear();
      offset = this.offsetAt(index * GRID);
      this.points.set(index, offset);
    }
    return offset;
  }

  /** The first second after grid point `index` that has the next point's offset. */
  private transition(index: number, before: number): number {
    let at = this.transitions.get(index);
    if (at === undefined) {
      let lo = index * GRID;
      let hi = lo + GRID;
      while (hi - lo > 1000) {
        const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
        if (this.offsetAt(mid) === before) lo = mid;
        else hi = mid;
      }
      at = hi;
      if (this.transitions.size >= MAX_CACHED_POINTS) this.transitions.clear();
      this.transitions.set(index, at);
    }
    return at;
  }

  /** The constant-offset stretches covering [from, to), in order. */
  segments(from: number, to: number): Segment[] {
    const first = Math.floor(from / GRID);
    const last = Math.ceil(to / GRID);
    const out: Segment[] = [];
    let start = from;
    let offset = this.point(first);
    for (let index = first; index < last; index++) {
      const next = this.point(index + 1);
      if (next === offset) continue;
      const at = this.transition(index, offset);
      if (at > start) {
        out.push({ start, end: Math.min(at, to), offset });
        start = at;
      }
      offset = next;
      if (start >= to) return out;
    }
    out.push({ start, end: to, offset });
    return out;
  }
}

const zones = new Map<string, ZoneOffsets>();

/** The shared offset cache of one zone; the name must already be valid. */
export function zoneOffsets(zone: string): ZoneOffsets {
  let entry = zones.get(zone);
  if (!entry) {
    entry = new ZoneOffsets(zone);
    zones.set(zone, entry);
  }
  return entry;
}

export type { ZoneOffsets };

/**
 * The first instant at which the zone's clocks read `wall` (a local date and time written as
 * UTC milliseconds) or later. Inside a spring-forward gap that is the instant of the jump;
 * inside a fall-back overlap, the first of the two instants showing that time.
 */
export function firstInstantAtOrAfter(wall: number, segments: Segment[]): number {
  for (const segment of segments) {
    const candidate = Math.max(segment.start, wall - segment.offset);
    if (candidate < segment.end) return candidate;
  }
  throw new RangeError("local time outside the precomputed window");
}
