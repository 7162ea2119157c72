import type { Prng } from "./prng.ts";

export type DemoRegion = "EU" | "CA" | "US";

export const DATACENTERS: Record<DemoRegion, string[]> = {
  EU: ["gra1", "gra3", "sbg3", "rbx2", "waw1"],
  CA: ["bhs1", "bhs5", "tor1"],
  US: ["vin1", "hil1"],
};

/** Top-level domain of dedicated servers' reverse names, as providers do per region. */
export const REVERSE_TLD: Record<DemoRegion, string> = { EU: "eu", CA: "net", US: "us" };

// Addresses never routed on the Internet: 198.18.0.0/15 (RFC 2544) for servers, split by
// region; the documentation ranges (RFC 5737) for failover blocks and shared hosting;
// 2001:db8::/32 (RFC 3849) for IPv6.
const HOST_POOLS: Record<DemoRegion, { hosts: number; blocks: number }> = {
  EU: { hosts: ip("198.18.0.0"), blocks: ip("198.18.200.0") },
  CA: { hosts: ip("198.19.0.0"), blocks: ip("198.19.100.0") },
  US: { hosts: ip("198.19.128.0"), blocks: ip("198.19.228.0") },
};
const FAILOVER_NETS = [ip("198.51.100.0"), ip("203.0.113.0")];
const REGION_NIBBLE: Record<DemoRegion, string> = { EU: "1", CA: "2", US: "3" };

function ip(dotted: string): number {
  return dotted.split(".").reduce((acc, part) => acc * 256 + Number(part), 0);
}

export function dotted(value: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(value / 2 ** shift) % 256).join(".");
}

/** Hands out unique addresses and ranges per region, in a fixed order. */
export class AddressPlan {
  private hosts: Record<DemoRegion, number> = { EU: 10, CA: 10, US: 10 };
  private blocks: Record<DemoRegion, number> = { EU: 0, CA: 0, US: 0 };
  private failovers = 0;
  private v6: Record<DemoRegion, number> = { EU: 1, CA: 1, US: 1 };

  ipv4(region: DemoRegion): string {
    let offset = this.hosts[region]++;
    // Skip network, gateway and broadcast-looking addresses so every address reads plausibly.
    while (offset % 256 < 2 || offset % 256 === 255) offset = this.hosts[region]++;
    return dotted(HOST_POOLS[region].hosts + offset);
  }

  /** A /28 from the region's block pool (private cloud, hybrid links). */
  block28(region: DemoRegion): string {
    const start = HOST_POOLS[region].blocks + 16 * this.blocks[region]++;
    return `${dotted(start)}/28`;
  }

  /** A /29 failover block from the documentation ranges, or a /28 once they run out. */
  failover(region: DemoRegion): string {
    const index = this.failovers++;
    const net = FAILOVER_NETS[Math.floor(index / 32)];
    if (net === undefined) return this.block28(region);
    return `${dotted(net + 8 * (index % 32))}/29`;
  }

  /** A fresh /48 prefix (without the length), e.g. 2001:db8:1a03. */
  ipv6Prefix(region: DemoRegion): string {
    const n = this.v6[region]++;
    return `2001:db8:${REGION_NIBBLE[region]}${n.toString(16).padStart(3, "0")}`;
  }
}

/** Shared web hosting clusters: the same address serves many customers' sites. */
export function hostingClusters(region: DemoRegion): { name: string; ipv4: string }[] {
  const first = { EU: 21, CA: 41, US: 61 }[region];
  return [0, 1, 2].map((i) => ({
    name: `cluster0${first + i}.hosting.palier.cloud`,
    ipv4: `192.0.2.${first + i}`,
  }));
}

export function pickDatacenter(prng: Prng, region: DemoRegion): string {
  return prng.pick(DATACENTERS[region]);
}
