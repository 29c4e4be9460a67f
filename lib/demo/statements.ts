// Candidacy statements of the demo's made-up candidates (lib/demo/people.ts).

export const STATEMENTS: Record<string, string> = {
  priya: `I have maintained the **storage drivers** for four years and chaired the release team for the last two releases.

What I would work on:

- a written, versioned *deprecation policy*, so downstream packagers stop learning about removals from changelogs;
- moving design discussions from calls into public proposals that anyone can comment on;
- mentoring: every committee member pairs with one new reviewer per cycle.`,
  hannah: `I run the project's CI and the performance dashboards. Most of my work is invisible until it breaks, which is how I like it.

On the committee I want to **make the release process boring**: fixed dates, a freeze that means something, and a rotation so no single person holds the keys.`,
  mateo: `Contributor since the first public release; I wrote the original scheduler and still review most changes to it.

## Priorities
1. Finish the plugin API so vendors stop carrying forks.
2. A security response process with a published embargo policy.
3. Fewer meetings, better minutes.`,
  samir: `I work on the networking stack and the conformance tests.

I am standing because architecture decisions are still made by whoever shows up to the call. I would publish an agenda a week ahead and record every decision with its reasons in the repository.`,
  jonas: `Most of my contributions are to the **Arm** port and the documentation site.

Hardware diversity keeps the design honest. I would make sure every architectural decision is checked against more than one platform before it lands, and I will keep the docs translated into more than one language.`,
  grace: `I maintain the operator and the Helm charts, and I help run the community meetings in the Americas time zones.

If elected I will push for:

- a contributor ladder with written criteria,
- meeting times that rotate across time zones,
- a yearly survey of users, published in full.`,
  mei: `Independent contributor; I review the API changes and triage issues on weekends.

I have no employer in the project, which I think is useful on a committee that caps seats per company: I answer only to the people who vote. My focus would be **API stability** and a clear path from proposal to merge for first-time contributors.`,
};
