-- AlterEnum
ALTER TYPE "ExceptionStatus" ADD VALUE 'WITHDRAWN';

-- DropIndex
DROP INDEX "ExceptionRequest_electionId_userId_key";

-- AlterTable
ALTER TABLE "Election" ADD COLUMN     "cancelReason" TEXT,
ADD COLUMN     "cancelledAt" TIMESTAMP(3),
ADD COLUMN     "votingClosedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "ExceptionRequest" ADD COLUMN     "attempt" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "withdrawnAt" TIMESTAMP(3);

-- CreateIndex
CREATE UNIQUE INDEX "ExceptionRequest_electionId_userId_attempt_key" ON "ExceptionRequest"("electionId", "userId", "attempt");


-- Backfill from the audit log: when officials closed voting, and why an election was cancelled.
UPDATE "Election" e SET "votingClosedAt" = a."createdAt"
FROM (SELECT "electionId", MIN("createdAt") AS "createdAt" FROM "AuditEntry" WHERE "action" = 'voting.closed' GROUP BY "electionId") a
WHERE a."electionId" = e."id" AND e."votingClosedAt" IS NULL;

UPDATE "Election" e SET "cancelledAt" = a."createdAt", "cancelReason" = a."details"->>'reason'
FROM (SELECT DISTINCT ON ("electionId") "electionId", "createdAt", "details" FROM "AuditEntry" WHERE "action" = 'election.cancelled' ORDER BY "electionId", "seq" DESC) a
WHERE a."electionId" = e."id" AND e."state" = 'CANCELLED';
