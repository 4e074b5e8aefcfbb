import type { ApplicationStatus as DbStatus } from "@/lib/generated/prisma/client";
import { APPLICATION_STATUSES, type ApplicationStatus } from "@/lib/applications/state-machine";

// The database stores the state machine's own strings; the generated client spells the one
// hyphenated status "not_accepted" (an enum value must be an identifier), mapped back here.

export function toDbStatus(status: ApplicationStatus): DbStatus {
  return status.replace("-", "_") as DbStatus;
}

export function fromDbStatus(status: DbStatus | string): ApplicationStatus {
  const s = status.replace("_", "-");
  if (!(APPLICATION_STATUSES as readonly string[]).includes(s)) throw new Error(`Unknown application status "${status}"`);
  return s as ApplicationStatus;
}
