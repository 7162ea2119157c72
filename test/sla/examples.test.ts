import { describe, expect, it } from "vitest";
import { alwaysOpen, compileCalendar } from "../../src/modules/sla/calendar.ts";
import { at, days, EVERY_DAY, iso, officeHours, shipped } from "./fixtures.ts";

const eu = compileCalendar(shipped("EU"));
const ca = compileCalendar(shipped("CA"));
const us = compileCalendar(shipped("US"));

describe("deadlines on office hours (Monday to Friday 09:00-18:00)", () => {
  it("a Friday 17:00 Paris ticket with a 2 h target lands Monday 10:00", () => {
    // 13 November 2026, CET (UTC+1): one hour on Friday, one on Monday morning.
    expect(iso(eu.addMinutes(at("2026-11-13T16:00:00Z"), 120))).toBe("2026-11-16T09:00:00.000Z");
    expect(eu.minutesBetween(at("2026-11-13T16:00:00Z"), at("2026-11-16T09:00:00Z"))).toBe(120);
  });

  it("a target inside one day stays on that day", () => {
    // Tuesday 10 November 2026, 10:15 in Toronto (EST, UTC-5), plus 90 minutes.
    expect(iso(ca.addMinutes(at("2026-11-10T15:15:00Z"), 90))).toBe("2026-11-10T16:45:00.000Z");
  });

  it("starting outside hours counts from the next opening", () => {
    // Sunday noon in Paris: counting starts Monday 09:00 CET.
    expect(iso(eu.addMinutes(at("2026-11-15T11:00:00Z"), 30))).toBe("2026-11-16T08:30:00.000Z");
    // Wednesday 20:00 in New York (EST): Thursday 09:00 plus 8 h is 17:00.
    expect(iso(us.addMinutes(at("2026-12-03T01:00:00Z"), 480))).toBe("2026-12-03T22:00:00.000Z");
    // Wednesday 06:00 in Paris: the same day's opening.
    expect(iso(eu.addMinutes(at("2026-11-18T05:00:00Z"), 60))).toBe("2026-11-18T09:00:00.000Z");
  });

  it("a deadline that uses up a day exactly stays on its closing time", () => {
    // Monday 09:00 Paris plus 9 h: Monday 18:00, not Tuesday 09:00.
    expect(iso(eu.addMinutes(at("2026-11-16T08:00:00Z"), 540))).toBe("2026-11-16T17:00:00.000Z");
    // One more minute is the first minute of Tuesday.
    expect(iso(eu.addMinutes(at("2026-11-16T08:00:00Z"), 541))).toBe("2026-11-17T08:01:00.000Z");
    // Starting at a closing time counts from the next opening.
    expect(iso(eu.addMinutes(at("2026-11-16T17:00:00Z"), 1))).toBe("2026-11-17T08:01:00.000Z");
  });

  it("72 hours of business time is eight working days", () => {
    // Monday 16 November 2026 09:00 Paris + 72 h = 8 days of 9 h: Wednesday 25 at 18:00.
    expect(iso(eu.addMinutes(at("2026-11-16T08:00:00Z"), 72 * 60))).toBe(
      "2026-11-25T17:00:00.000Z",
    );
  });

  it("zero minutes is the start itself, even outside hours", () => {
    expect(iso(eu.addMinutes(at("2026-11-15T11:00:00Z"), 0))).toBe("2026-11-15T11:00:00.000Z");
  });

  it("accepts fractional minutes, to the millisecond", () => {
    expect(iso(eu.addMinutes(at("2026-11-16T08:00:00Z"), 0.5))).toBe("2026-11-16T08:00:30.000Z");
    expect(eu.minutesBetween(at("2026-11-16T08:00:00Z"), at("2026-11-16T08:00:30Z"))).toBe(0.5);
  });

  it("says when it is open", () => {
    expect(eu.isOpen(at("2026-11-16T08:00:00Z"))).toBe(true); // Monday 09:00 CET
    expect(eu.isOpen(at("2026-11-16T07:59:59.999Z"))).toBe(false);
    expect(eu.isOpen(at("2026-11-16T16:59:59.999Z"))).toBe(true);
    expect(eu.isOpen(at("2026-11-16T17:00:00Z"))).toBe(false); // 18:00: closed
    expect(eu.isOpen(at("2026-11-14T12:00:00Z"))).toBe(false); // Saturday
  });

  it("counts nothing for an empty or reversed range", () => {
    expect(eu.minutesBetween(at("2026-11-16T10:00:00Z"), at("2026-11-16T10:00:00Z"))).toBe(0);
    expect(eu.minutesBetween(at("2026-11-16T12:00:00Z"), at("2026-11-16T10:00:00Z"))).toBe(0);
    // A whole week of office hours is 45 h.
    expect(eu.minutesBetween(at("2026-11-16T00:00:00Z"), at("2026-11-23T00:00:00Z"))).toBe(2700);
  });
});

describe("holidays", () => {
  it("skips Christmas on a Friday and the weekend after it (Paris)", () => {
    // Thursday 24 December 2026 17:00 CET: one hour, then Monday 28.
    expect(iso(eu.addMinutes(at("2026-12-24T16:00:00Z"), 120))).toBe("2026-12-28T09:00:00.000Z");
  });

  it("skips Christmas, the weekend and the observed Boxing Day in Toronto", () => {
    // Thursday 24 December 2026 17:00 EST; Friday 25, Saturday, Sunday, Monday 28 closed.
    expect(iso(ca.addMinutes(at("2026-12-24T22:00:00Z"), 120))).toBe("2026-12-29T15:00:00.000Z");
    expect(ca.isOpen(at("2026-12-28T15:00:00Z"))).toBe(false);
  });

  it("skips US holidays observed on Fridays around a weekend, landing on a closing time", () => {
    // Thursday 23 December 2027 17:00 EST + 10 h: 1 h Thursday, Friday 24 (observed Christmas)
    // and the weekend closed, Monday 27 09:00-18:00 is exactly the remaining 9 h.
    expect(iso(us.addMinutes(at("2027-12-23T22:00:00Z"), 600))).toBe("2027-12-27T23:00:00.000Z");
    // Thursday 30 December 2027 + 10 h: Friday 31 (New Year 2028 observed) is closed too.
    expect(iso(us.addMinutes(at("2027-12-30T22:00:00Z"), 600))).toBe("2028-01-03T23:00:00.000Z");
  });

  it("skips a closure of consecutive days spanning two weekends", () => {
    const closed = ["2026-12-24", "2026-12-25", "2026-12-28", "2026-12-29", "2026-12-30"];
    const winter = compileCalendar(
      officeHours("Europe/Paris", [...closed, "2026-12-31", "2027-01-01"]),
    );
    // Wednesday 23 December 17:00 CET: one hour, then Monday 4 January 2027.
    expect(iso(winter.addMinutes(at("2026-12-23T16:00:00Z"), 120))).toBe(
      "2027-01-04T09:00:00.000Z",
    );
    expect(winter.minutesBetween(at("2026-12-23T16:00:00Z"), at("2027-01-04T09:00:00Z"))).toBe(120);
    expect(winter.isOpen(at("2026-12-30T10:00:00Z"))).toBe(false);
  });

  it("closes a holiday that falls on an open weekend day all day", () => {
    const sevenDays = compileCalendar({
      timeZone: "Europe/Paris",
      weeklyHours: days(EVERY_DAY, [["08:00", "20:00"]]),
      holidays: ["2026-08-15"], // a Saturday
    });
    // Friday 14 August 19:00 CEST + 2 h: 1 h Friday, Saturday closed, Sunday 09:00.
    expect(iso(sevenDays.addMinutes(at("2026-08-14T17:00:00Z"), 120))).toBe(
      "2026-08-16T07:00:00.000Z",
    );
  });
});

describe("daylight-saving changes, hand-computed", () => {
  const paris = compileCalendar(officeHours("Europe/Paris"));
  const toronto = compileCalendar(officeHours("America/Toronto"));

  it("Paris, spring forward (29 March 2026): Friday 17:00 CET + 2 h is Monday 10:00 CEST", () => {
    expect(iso(paris.addMinutes(at("2026-03-27T16:00:00Z"), 120))).toBe("2026-03-30T08:00:00.000Z");
    expect(paris.minutesBetween(at("2026-03-27T16:00:00Z"), at("2026-03-30T08:00:00Z"))).toBe(120);
  });

  it("Paris, fall back (25 October 2026): Friday 17:00 CEST + 2 h is Monday 10:00 CET", () => {
    expect(iso(paris.addMinutes(at("2026-10-23T15:00:00Z"), 120))).toBe("2026-10-26T09:00:00.000Z");
  });

  it("Toronto, spring forward (8 March 2026): Friday 17:00 EST + 2 h is Monday 10:00 EDT", () => {
    expect(iso(toronto.addMinutes(at("2026-03-06T22:00:00Z"), 120))).toBe(
      "2026-03-09T14:00:00.000Z",
    );
  });

  it("Toronto, fall back (1 November 2026): Friday 17:00 EDT + 2 h is Monday 10:00 EST", () => {
    expect(iso(toronto.addMinutes(at("2026-10-30T21:00:00Z"), 120))).toBe(
      "2026-11-02T15:00:00.000Z",
    );
  });

  it("a weekend open around the clock has 47 h in March and 49 h in October", () => {
    const weekend = (timeZone: string) =>
      compileCalendar({
        timeZone,
        weeklyHours: days(["sat", "sun"], [["00:00", "24:00"]]),
        holidays: [],
      });
    const p = weekend("Europe/Paris");
    expect(p.minutesBetween(at("2026-03-27T23:00:00Z"), at("2026-03-29T22:00:00Z"))).toBe(47 * 60);
    expect(p.minutesBetween(at("2026-10-23T22:00:00Z"), at("2026-10-25T23:00:00Z"))).toBe(49 * 60);
    const t = weekend("America/Toronto");
    expect(t.minutesBetween(at("2026-03-07T05:00:00Z"), at("2026-03-09T04:00:00Z"))).toBe(47 * 60);
    expect(t.minutesBetween(at("2026-10-31T04:00:00Z"), at("2026-11-02T05:00:00Z"))).toBe(49 * 60);
    // Saturday 23:00 CET + 3 h on a 24-hour weekend is 03:00 CEST: two hours of wall clock.
    expect(iso(p.addMinutes(at("2026-03-28T22:00:00Z"), 180))).toBe("2026-03-29T01:00:00.000Z");
  });

  it("an opening inside the spring-forward gap starts at the first valid instant", () => {
    const early = compileCalendar({
      timeZone: "Europe/Paris",
      weeklyHours: { sun: [["02:30", "05:00"]] },
      holidays: [],
    });
    // 02:30 does not exist on 29 March 2026: clocks jump from 02:00 CET to 03:00 CEST (01:00Z).
    expect(early.isOpen(at("2026-03-29T00:59:59.999Z"))).toBe(false);
    expect(early.isOpen(at("2026-03-29T01:00:00Z"))).toBe(true);
    expect(iso(early.addMinutes(at("2026-03-28T12:00:00Z"), 1))).toBe("2026-03-29T01:01:00.000Z");
    // Open 03:00-05:00 CEST: two hours that day.
    expect(early.minutesBetween(at("2026-03-28T00:00:00Z"), at("2026-03-30T00:00:00Z"))).toBe(120);
    // On 25 October, 02:30 is shown twice: open from the first 02:30 CEST (00:30Z) to 05:00 CET.
    expect(early.isOpen(at("2026-10-25T00:30:00Z"))).toBe(true);
    expect(early.isOpen(at("2026-10-25T01:15:00Z"))).toBe(true); // 02:15 CET, second pass
    expect(early.minutesBetween(at("2026-10-24T00:00:00Z"), at("2026-10-26T00:00:00Z"))).toBe(210);
  });

  it("Toronto: an opening at the missing 02:00 and a closing inside the repeated hour", () => {
    const night = compileCalendar({
      timeZone: "America/Toronto",
      weeklyHours: { sun: [["02:00", "04:00"]], sat: [["20:00", "24:00"]] },
      holidays: [],
    });
    // 8 March 2026: 02:00 EST becomes 03:00 EDT at 07:00Z; open 03:00-04:00 EDT only.
    expect(iso(night.addMinutes(at("2026-03-08T05:00:00Z"), 30))).toBe("2026-03-08T07:30:00.000Z");
    expect(night.minutesBetween(at("2026-03-08T05:00:00Z"), at("2026-03-08T12:00:00Z"))).toBe(60);
    // 1 November 2026: 02:00 EDT becomes 01:00 EST at 06:00Z; 02:00 is first reached at 07:00Z.
    expect(night.minutesBetween(at("2026-11-01T05:00:00Z"), at("2026-11-01T12:00:00Z"))).toBe(120);
    expect(iso(night.addMinutes(at("2026-11-01T05:00:00Z"), 1))).toBe("2026-11-01T07:01:00.000Z");
  });

  it("a night shift across the change lasts one hour less in March", () => {
    const nights = compileCalendar({
      timeZone: "Europe/Paris",
      weeklyHours: { sat: [["22:00", "24:00"]], sun: [["00:00", "06:00"]] },
      holidays: [],
    });
    // Saturday 28 March 22:00 CET (21:00Z) to Sunday 06:00 CEST (04:00Z): 7 h, not 8.
    expect(nights.minutesBetween(at("2026-03-28T12:00:00Z"), at("2026-03-29T12:00:00Z"))).toBe(420);
    expect(iso(nights.addMinutes(at("2026-03-28T12:00:00Z"), 420))).toBe(
      "2026-03-29T04:00:00.000Z",
    );
    // And one hour more in October: 22:00 CEST (20:00Z) to 06:00 CET (05:00Z).
    expect(nights.minutesBetween(at("2026-10-24T12:00:00Z"), at("2026-10-25T12:00:00Z"))).toBe(540);
  });
});

describe("alwaysOpen", () => {
  it("is plain elapsed time", () => {
    expect(iso(alwaysOpen.addMinutes(at("2026-03-28T22:00:00Z"), 180))).toBe(
      "2026-03-29T01:00:00.000Z",
    );
    expect(alwaysOpen.minutesBetween(at("2026-01-01T00:00:00Z"), at("2026-01-02T00:00:00Z"))).toBe(
      1440,
    );
    expect(alwaysOpen.minutesBetween(at("2026-01-02T00:00:00Z"), at("2026-01-01T00:00:00Z"))).toBe(
      0,
    );
    expect(alwaysOpen.isOpen(at("2026-12-25T12:00:00Z"))).toBe(true);
  });
});
