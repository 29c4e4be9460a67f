import "next-auth";

// Our session callback exposes only the user id and the session version it was
// issued under; the rest is loaded server-side (current-actor.ts).
declare module "next-auth" {
  interface Session {
    user: { id: string; sessionVersion: number };
  }
}
