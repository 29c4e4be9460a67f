import { UserMenu } from "@/components/auth/UserMenu";
import { SiteNav } from "@/components/auth/SiteNav";

// The layout's `nav` slot on every route: the site's places and the account menu.
export default function Nav() {
  return (
    <div className="flex flex-1 flex-wrap items-center justify-between gap-x-6 gap-y-2">
      <SiteNav />
      <UserMenu />
    </div>
  );
}
