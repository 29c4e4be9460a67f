-- DropIndex
DROP INDEX "Ballot_electionId_idx";

-- CreateIndex
CREATE INDEX "Ballot_electionId_id_idx" ON "Ballot"("electionId", "id");
