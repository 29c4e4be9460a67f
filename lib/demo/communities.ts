// The demo's communities: three made-up projects on one instance, each run by
// its own admin with the defaults its (equally made-up) charter sets.

export interface DemoCommunity {
  slug: string;
  name: string;
  description: string;
  governanceUrl: string;
  committeeName: string;
  defaultSeats: number;
  defaultMaxPerAffiliation: number | null;
  rollFormats: string[];
  /** Key of its admin in lib/demo/people.ts. */
  admin: string;
}

export const DEMO_COMMUNITIES = {
  lighthouse: {
    slug: "lighthouse",
    name: "Lighthouse",
    description: `Lighthouse is an open-source observability toolkit: collectors, a query engine and dashboards.

Its **Technical Steering Committee** sets the technical direction and settles disputes maintainers cannot. Any contributor with a merged change in the last twelve months may stand and vote.`,
    governanceUrl: "https://lighthouse.example.org/governance/charter",
    committeeName: "Technical Steering Committee",
    defaultSeats: 4,
    defaultMaxPerAffiliation: 2,
    rollFormats: ["csv", "elekto-voters"],
    admin: "linnea",
  },
  harbor: {
    slug: "harbor",
    name: "Harbor Project",
    description: `The Harbor Project builds a lightweight container runtime for edge devices.

Its **Architecture Committee** has five members elected for staggered terms; it reviews designs that cross component boundaries. Elections follow the same layout as the Kata Containers archive, so past elections are imported from their folders.`,
    governanceUrl: "https://harbor-project.example.org/community/governance.md",
    committeeName: "Architecture Committee",
    defaultSeats: 3,
    defaultMaxPerAffiliation: 2,
    rollFormats: ["kata-yaml", "csv"],
    admin: "harriet",
  },
  beacon: {
    slug: "beacon",
    name: "Beacon Foundation",
    description: `The Beacon Foundation is the non-profit home of Lighthouse, the Harbor Project and a dozen smaller projects.

Its **Governing Board** has three community seats, elected each year by the foundation's members; at most one may go to each company.`,
    governanceUrl: "https://beacon.example.org/bylaws",
    committeeName: "Governing Board",
    defaultSeats: 3,
    defaultMaxPerAffiliation: 1,
    rollFormats: ["csv"],
    admin: "ada",
  },
} as const satisfies Record<string, DemoCommunity>;

export type DemoCommunityKey = keyof typeof DEMO_COMMUNITIES;
