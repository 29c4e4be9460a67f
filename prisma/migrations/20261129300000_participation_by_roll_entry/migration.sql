-- Participation is keyed on the roll entry (one entry, at most one counted
-- ballot, whoever signs in for it) and remembers the account that voted (one
-- account, one ballot, even when it matches several entries).

-- DropForeignKey
ALTER TABLE "Participation" DROP CONSTRAINT "Participation_userId_fkey";

ALTER TABLE "Participation" ADD COLUMN "entryId" TEXT;

-- Existing participations: the entry that names the account, by GitHub login first, else by email.
UPDATE "Participation" p SET "entryId" = (
  SELECT e."id" FROM "ElectorateEntry" e JOIN "User" u ON u."id" = p."userId"
  WHERE e."electionId" = p."electionId"
    AND ((u."githubLogin" IS NOT NULL AND e."githubLogin" = lower(u."githubLogin")) OR (u."email" IS NOT NULL AND e."email" = lower(u."email")))
  ORDER BY (u."githubLogin" IS NOT NULL AND e."githubLogin" = lower(u."githubLogin")) DESC, e."id"
  LIMIT 1
);

-- A participation no entry names (or two on one entry, below) stops the migration
-- loudly rather than guessing: an official must look at that roll first.
ALTER TABLE "Participation" ALTER COLUMN "entryId" SET NOT NULL;

ALTER TABLE "Participation" DROP CONSTRAINT "Participation_pkey",
ADD CONSTRAINT "Participation_pkey" PRIMARY KEY ("electionId", "entryId");

-- CreateTable
CREATE TABLE "PendingBallot" (
    "id" TEXT NOT NULL,
    "electionId" TEXT NOT NULL,
    "sealed" BYTEA NOT NULL,

    CONSTRAINT "PendingBallot_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PendingBallot_electionId_idx" ON "PendingBallot"("electionId");

-- CreateIndex
CREATE UNIQUE INDEX "Participation_entryId_key" ON "Participation"("entryId");

-- CreateIndex
CREATE UNIQUE INDEX "Participation_electionId_userId_key" ON "Participation"("electionId", "userId");

-- AddForeignKey
ALTER TABLE "Participation" ADD CONSTRAINT "Participation_entryId_fkey" FOREIGN KEY ("entryId") REFERENCES "ElectorateEntry"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Participation" ADD CONSTRAINT "Participation_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PendingBallot" ADD CONSTRAINT "PendingBallot_electionId_fkey" FOREIGN KEY ("electionId") REFERENCES "Election"("id") ON DELETE CASCADE ON UPDATE CASCADE;
