import { reachOf } from "@/lib/auth/access";
import { authorizeStaff } from "@/lib/auth/guards";
import { SCHOOL_ROLES, TEACHER_ROLES } from "@/lib/auth/roles";
import { requestNow } from "@/lib/config/demo-clock";
import { serviceContext } from "@/lib/applications/context";
import { readLatestReceipt } from "@/lib/schools/receipts";

/** GET: a pupil's latest 缴费凭证, for the school admin or the pupil's class teacher (audited); 404 for anyone else. */
export async function GET(_request: Request, { params }: { params: Promise<{ pupilId: string }> }): Promise<Response> {
  const auth = await authorizeStaff([...SCHOOL_ROLES, ...TEACHER_ROLES]);
  if (!auth.ok) return auth.response;
  const { pupilId } = await params;
  const notFound = new Response(null, { status: 404 });
  if (!/^[A-Za-z0-9-]{10,40}$/.test(pupilId)) return notFound;
  const receipt = await readLatestReceipt((await serviceContext()).db, reachOf(auth.user.actor), { pupilId, actorId: auth.user.id, now: await requestNow() });
  if (!receipt) return notFound;
  return new Response(new Uint8Array(receipt.bytes), {
    headers: { "content-type": receipt.mimeType, "cache-control": "private, no-store", "content-disposition": "inline", "x-content-type-options": "nosniff" },
  });
}
