/**
 * Contract rules: contract-expiry (a contract ending within the horizon or the lookahead after it while halls run)
 * and proposed-supply (firm power resting on contracts that are only proposed).
 */
import { describe, expect, it } from "vitest";
import { changed, compliantViews, findingsOf, summary } from "./fixture";

describe("contract-expiry", () => {
  it("compliant: an open-ended contract, one ending after the lookahead, and a proposed one the campus does not count", async () => {
    // Lookahead by hand: horizon end 2028 + 5 years = 2033; the nuclear contract runs 2027 + 14 − 1 = 2040.
    expect(summary(findingsOf("contract-expiry", await compliantViews()))).toEqual([
      ["fx-expansion", "pass", "advisory", "fx-expansion: proposed, not counted by the campus"],
      ["fx-grid", "pass", "advisory", "fx-grid: no end year (open-ended)"],
      ["fx-nuclear", "pass", "advisory", "fx-nuclear: ends in 2040, after the lookahead (2033)"],
    ]);
  });

  it("non-compliant: nuclear ending in 2030, within 2028 + 5, while the hall runs: renew its 0.5 MW (0.475 firm) by 2031", async () => {
    const views = changed(await compliantViews(), "fx-nuclear", "endYear", 2030);
    const findings = findingsOf("contract-expiry", views).filter((f) => f.status === "violation");
    // Firm by hand: 0.5 MW × the catalog's 0.95 firm share for nuclear = 0.475 MW.
    expect(summary(findings)).toEqual([
      ["fx-nuclear", "violation", "advisory", "fx-nuclear: the contract's last year is 2030 while 1 halls of fx run (horizon to 2028, lookahead 5 years); renew or replace its 0.5 MW (0.475 MW firm) by 2031"],
    ]);
    expect(findings[0].year).toBe(2030);
    // A lookahead of 1 year ends at 2029: 2030 is after it.
    expect(summary(findingsOf("contract-expiry", views, { "contract-expiry": { lookaheadYears: 1 } })).filter((f) => f[0] === "fx-nuclear")).toEqual([
      ["fx-nuclear", "pass", "advisory", "fx-nuclear: ends in 2030, after the lookahead (2029)"],
    ]);
  });

  it("compliant: a contract that ended before the horizon starts (2027) asks no renewal", async () => {
    const views = changed(await compliantViews(), "fx-nuclear", "endYear", 2026);
    expect(summary(findingsOf("contract-expiry", views)).filter((f) => f[0] === "fx-nuclear")).toEqual([
      ["fx-nuclear", "pass", "advisory", "fx-nuclear: ended in 2026, before the horizon (2027)"],
    ]);
  });

  it("an undated campus (no horizon end) has no ends to look ahead to", async () => {
    const views = changed(await compliantViews(), "fx", "horizonEndYear", undefined);
    expect(findingsOf("contract-expiry", views)).toEqual([]);
  });
});

describe("proposed-supply", () => {
  it("compliant: a proposed contract listed each year but not counted", async () => {
    expect(summary(findingsOf("proposed-supply", await compliantViews()))).toEqual([["fx", "pass", "advisory", "fx: proposed contracts listed, not counted"]]);
  });

  it("non-compliant: 1 MW of 2028's firm power resting on the proposed contract is named, with what is left without it", async () => {
    const views = changed(await compliantViews(), "fx", ["years", 1, "proposedFirmMw"], 1);
    const findings = findingsOf("proposed-supply", views);
    // The row has no rated firm MW (nothing derated), so its firm MW (1.975) is the total; 1.975 − 1 = 0.975 MW.
    expect(summary(findings)).toEqual([
      ["fx", "violation", "advisory", "fx: firm power in 2028 rests on proposed contracts (expansion; announced or filed, not approved): 1 MW of 1.975 MW firm at ISO 15 °C in 2028, 0.975 MW without them"],
    ]);
    expect(findings[0].year).toBe(2028);
  });

  it("says nothing of a campus without proposed contracts", async () => {
    let views = await compliantViews();
    for (const year of [0, 1]) views = changed(views, "fx", ["years", year, "proposedContracts"], []);
    expect(findingsOf("proposed-supply", views)).toEqual([]);
  });
});
