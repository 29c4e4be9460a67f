-- AlterTable
ALTER TABLE "Result" ADD COLUMN     "publishedAuditHash" TEXT,
ADD COLUMN     "publishedAuditSeq" INTEGER,
ADD COLUMN     "talliedAuditHash" TEXT,
ADD COLUMN     "talliedAuditSeq" INTEGER;

