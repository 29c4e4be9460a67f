-- AlterTable
ALTER TABLE "Election" ADD COLUMN "openedAt" TIMESTAMP(3);

-- Elections already past their draft were opened at some point: keep them public.
UPDATE "Election" SET "openedAt" = "createdAt" WHERE "state" NOT IN ('DRAFT', 'CANCELLED');
