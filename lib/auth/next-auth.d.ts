import "next-auth";

// Our session callback exposes only the user id; the rest is loaded server-side (current-actor.ts).
declare module "next-auth" {
  interface Session {
    user: { id: string };
  }
}
