// Where things live in the app. Elections belong to a community, so every
// link to one names both; built here so a route change is one edit.

export function communityHref(communitySlug: string, rest = ""): string {
  return `/c/${communitySlug}${rest}`;
}

export function electionHref(communitySlug: string, electionSlug: string, rest = ""): string {
  return `/c/${communitySlug}/elections/${electionSlug}${rest}`;
}
