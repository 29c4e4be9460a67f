import { cache } from "react";
import { prisma } from "@/lib/db/client";
import { getActor } from "@/lib/auth/current-actor";
import { pendingActions } from "@/lib/people/pending-actions";

/** What waits on the signed-in person, read once per request: the header and the home page share it. */
export const myPendingActions = cache(async () => pendingActions(prisma, await getActor()));
