/** Who administers the community (read-only here: instance admins appoint and remove them on /admin). */
export function CommunityAdminsList({ admins }: { admins: { userId: string; appointedAt: Date; user: { name: string | null; githubLogin: string | null; email: string | null } }[] }) {
  if (admins.length === 0) return <p className="mt-2 text-gray-800">Nobody yet.</p>;
  return (
    <ul className="mt-2 list-disc space-y-1 pl-5 text-gray-900" aria-label="Community admins">
      {admins.map((a) => (
        <li key={a.userId}>
          <span className="font-medium">{a.user.name ?? a.user.githubLogin ?? a.user.email ?? a.userId}</span>
          {a.user.githubLogin && a.user.name && <span className="text-gray-700"> (@{a.user.githubLogin})</span>}
          <span className="text-sm text-gray-700"> · since {a.appointedAt.toISOString().slice(0, 10)}</span>
        </li>
      ))}
    </ul>
  );
}
