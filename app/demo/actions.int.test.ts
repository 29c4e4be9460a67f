import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { signInAsDemoPerson } from "./actions";

describe("demo sign-in action", () => {
  it("does not exist outside demo mode, even for a real person", async () => {
    const user = await prisma.user.create({ data: { name: "Not a demo" } });
    try {
      const form = new FormData();
      form.set("userId", user.id);
      // next/navigation's notFound(): the same 404 as the page.
      await expect(signInAsDemoPerson(form)).rejects.toMatchObject({ digest: expect.stringContaining("404") });
    } finally {
      await prisma.user.delete({ where: { id: user.id } });
    }
  });
});
