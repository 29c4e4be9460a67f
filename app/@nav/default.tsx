import { UserMenu } from "@/components/auth/UserMenu";

// The layout's `nav` slot on every route: the account menu.
export default function Nav() {
  return <UserMenu />;
}
