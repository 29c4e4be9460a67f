-- Communities (issue 7): every election belongs to exactly one community.
-- (No semicolons in these comments: prisma migrate deploy splits the script on
-- every one, comments included.)
-- Existing elections move, unchanged, into one default community, which an
-- instance admin can then rename and give its admins. Slugs stay unique
-- within a community, and the old /elections/<slug> links redirect.

-- CreateTable
CREATE TABLE "Community" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "governanceUrl" TEXT,
    "logo" BYTEA,
    "logoType" TEXT,
    "committeeName" TEXT NOT NULL DEFAULT '',
    "defaultSeats" INTEGER NOT NULL DEFAULT 1,
    "defaultMethod" TEXT NOT NULL DEFAULT 'schulze',
    "defaultUnranked" TEXT NOT NULL DEFAULT 'exclude',
    "defaultMaxPerAffiliation" INTEGER,
    "rollFormats" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Community_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CommunityAdmin" (
    "communityId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "appointedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CommunityAdmin_pkey" PRIMARY KEY ("communityId","userId")
);

CREATE UNIQUE INDEX "Community_slug_key" ON "Community"("slug");
CREATE INDEX "CommunityAdmin_userId_idx" ON "CommunityAdmin"("userId");

-- The default community exists only where there are elections to hold.
INSERT INTO "Community" ("id", "slug", "name", "description", "updatedAt")
SELECT 'default-community', 'default', 'Default community',
       'Every election this instance held before it hosted several communities.', CURRENT_TIMESTAMP
WHERE EXISTS (SELECT 1 FROM "Election");

ALTER TABLE "Election" ADD COLUMN "committee" TEXT NOT NULL DEFAULT '',
ADD COLUMN "communityId" TEXT;
UPDATE "Election" SET "communityId" = 'default-community';
ALTER TABLE "Election" ALTER COLUMN "communityId" SET NOT NULL;

DROP INDEX "Election_slug_key";
CREATE INDEX "Election_slug_idx" ON "Election"("slug");
CREATE UNIQUE INDEX "Election_communityId_slug_key" ON "Election"("communityId", "slug");

-- Community-level audit entries (role changes), hashed only when present, so
-- every existing entry's hash stays what it was.
ALTER TABLE "AuditEntry" ADD COLUMN "communityId" TEXT;
CREATE INDEX "AuditEntry_communityId_seq_idx" ON "AuditEntry"("communityId", "seq");

ALTER TABLE "CommunityAdmin" ADD CONSTRAINT "CommunityAdmin_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Community"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "CommunityAdmin" ADD CONSTRAINT "CommunityAdmin_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Election" ADD CONSTRAINT "Election_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Community"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
