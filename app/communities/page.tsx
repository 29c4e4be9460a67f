import type { Metadata } from "next";
import { CommunityCards } from "@/components/communities/CommunityCards";
import { h1 } from "@/components/ui";
import { communityCards } from "@/app/_lib/community";

export const metadata: Metadata = { title: "Communities" };

/** Every community this instance hosts; each runs its own elections. */
export default async function CommunitiesPage() {
  const communities = await communityCards();
  return (
    <div className="space-y-4">
      <h1 className={h1}>Communities</h1>
      <p className="text-gray-800">Each community runs its own elections with its own admins and rules.</p>
      <CommunityCards communities={communities} />
    </div>
  );
}
