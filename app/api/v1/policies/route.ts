import { JSON_CONTENT_TYPE } from "@/lib/http/content-type";
import { listPolicies, serializeJson } from "@/lib/policy";

// Lists the policy packs: id, titles in both scripts, region, versions, layers, source documents.
export const runtime = "nodejs";

const HEADERS = { "content-type": JSON_CONTENT_TYPE };

export async function GET(): Promise<Response> {
  return new Response(serializeJson({ policies: listPolicies() }), { status: 200, headers: HEADERS });
}
