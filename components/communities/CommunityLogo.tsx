import { communityHref } from "@/app/_lib/paths";

/**
 * The community's logo, or its initial in a square when it has none. The
 * version in the address changes with each upload, so the day-long cache of
 * the logo route never shows an old one. Decorative: the name is always beside it.
 */
export function CommunityLogo({ community, size = 48 }: { community: { slug: string; name: string; logoType: string | null; updatedAt: Date }; size?: number }) {
  if (community.logoType) {
    return (
      // A plain img: the logo route sets its own type and cache headers, and next/image would re-encode the bytes.
      <img src={`${communityHref(community.slug, "/logo")}?v=${community.updatedAt.getTime()}`} alt="" width={size} height={size} className="shrink-0 rounded-md object-contain" style={{ width: size, height: size }} />
    );
  }
  return (
    <span aria-hidden="true" className="flex shrink-0 items-center justify-center rounded-md bg-blue-100 font-bold text-blue-900" style={{ width: size, height: size, fontSize: size / 2.2 }}>
      {Array.from(community.name.trim())[0]?.toUpperCase() ?? "?"}
    </span>
  );
}
