import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

// One client per process: Next.js dev reloads modules, so keep it on globalThis.
const globalForPrisma = globalThis as unknown as { hustingsPrisma?: PrismaClient };

function createClient(): PrismaClient {
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) throw new Error("DATABASE_URL is not set: start the app with `npm start` or set it");
  return new PrismaClient({ adapter: new PrismaPg({ connectionString }) });
}

export const prisma: PrismaClient = globalForPrisma.hustingsPrisma ?? (globalForPrisma.hustingsPrisma = createClient());

export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
