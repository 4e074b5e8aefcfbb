import { ALL_AREA_ROLES, hasRole, type SessionUser, type StaffRole } from "@/lib/auth/roles";

/**
 * May this actor see, or act on, this record? The one module that answers it, for every area of the
 * app. Pure (no server imports): the state machine, the application service, uploads and list
 * queries all ask here, so the rule is written once.
 *
 * A record says whom it belongs to through its scopes (`AccessRecord`); an actor reaches records
 * through one scope (`Reach`). Scopes that exist today: the owner (a citizen's own application),
 * the area (staff of a county / city), the school (a school admin), a family viewer (a phone the
 * applicant shared an application's timeline with). New ones (a class for a
 * teacher, a parent's token, a tracking code, a desk session, a family viewer) are added as one
 * more `Reach` case and one more `AccessRecord` field, with their rule in `accessRefusal`.
 */

/**
 * Who acts, built from the session (never from the request body) by `actorFor`. Staff carry the
 * area they work for; `null` means bound to no single area (an admin, a county-level approver).
 */
export type Actor =
  | { id: string; role: "citizen" }
  | {
      id: string;
      role: StaffRole;
      areaCode: string | null;
      schoolId?: string | null;
      /** A class teacher's class (grade and class as on the roster). */
      classOf?: { grade: string; className: string } | null;
      /** A desk worker acting inside one assisted session (lib/desk/sessions.ts): reaches that session's records only. */
      deskSessionId?: string | null;
    };

/** The scopes a record belongs to. Omitted scopes never grant access. */
export type AccessRecord = {
  /** The citizen who owns it (the applicant). */
  ownerId?: string | null;
  /** The area whose staff handle it. */
  areaCode?: string | null;
  /** A record in several areas at once (a person: lib/people/persons.ts `areasOfPerson`). */
  areaCodes?: readonly string[];
  /** The school it concerns. */
  schoolId?: string | null;
  /** The class it concerns (a pupil on a roster): grade and class as on the roster. */
  classOf?: { grade: string; className: string } | null;
  /** The pupil a parent's link opens (lib/schools/parent-links.ts). */
  pupilId?: string | null;
  /** The assisted session it was reached through: its desk's area, and whether it is still open. */
  deskSession?: { id: string; areaCode: string; open: boolean } | null;
  /** Phone hashes the applicant shares the timeline with, only those not removed (lib/applications/viewers.ts). */
  viewerPhoneHashes?: readonly string[];
  /** A serious-illness 专班 case (lib/schools/zhuanban/cases.ts): with its schoolId and areaCode. */
  schoolCaseId?: string | null;
};

/** How far an actor's access reaches, e.g. to scope a list query. */
export type Reach =
  | { scope: "owner"; citizenId: string }
  | { scope: "area"; areaCode: string }
  | { scope: "all-areas" }
  | { scope: "school"; schoolId: string }
  /** A class teacher: one class of one school. */
  | { scope: "class"; schoolId: string; grade: string; className: string }
  /** A parent holding a pupil's link: that one pupil (built by lib/schools/parent-links.ts from a valid token, never from a session). */
  | { scope: "parent-token"; pupilId: string }
  | { scope: "desk-session"; sessionId: string; areaCode: string }
  /**
   * A family member the applicant shares one application's timeline with: read-only, the timeline only (never
   * documents, answers, amounts or actions). Built by lib/applications/viewers.ts from the signed-in citizen's
   * own phone hash, never from the request.
   */
  | { scope: "viewer"; phoneHash: string }
  /**
   * Area education staff (the 专班 office, 沈阳 000 五): the area's schools as aggregates and the area's
   * 专班 cases; never a pupil's row, a class, an application or anything else of the area.
   */
  | { scope: "education"; areaCode: string }
  | { scope: "none" };

/** Why access is refused; the state machine reports these codes, reads answer "not found". */
export type AccessRefusal = "not-owner" | "wrong-area" | "wrong-school" | "wrong-class" | "wrong-pupil" | "not-in-session" | "session-ended" | "not-viewer";

/** A staff account tied to no area that is not an all-area role reaches no area's records. */
const NO_AREA = "-";

/** The actor for a signed-in person. */
export function actorFor(user: SessionUser): Actor {
  if (user.kind === "citizen") return { id: user.id, role: "citizen" };
  return {
    id: user.id,
    role: user.role,
    areaCode: hasRole(user.role, ALL_AREA_ROLES) ? null : (user.areaCode ?? NO_AREA),
    schoolId: user.schoolId ?? null,
    classOf: user.classOf ?? null,
  };
}

export function reachOf(actor: Actor): Reach {
  if (actor.role === "citizen") return { scope: "owner", citizenId: actor.id };
  if (actor.role === "school_admin") return actor.schoolId ? { scope: "school", schoolId: actor.schoolId } : { scope: "none" };
  if (actor.role === "teacher") {
    return actor.schoolId && actor.classOf ? { scope: "class", schoolId: actor.schoolId, grade: actor.classOf.grade, className: actor.classOf.className } : { scope: "none" };
  }
  if (actor.role === "education") {
    return actor.areaCode && actor.areaCode !== NO_AREA ? { scope: "education", areaCode: actor.areaCode } : { scope: "none" };
  }
  if (actor.role === "desk" && actor.deskSessionId) {
    return actor.areaCode && actor.areaCode !== NO_AREA ? { scope: "desk-session", sessionId: actor.deskSessionId, areaCode: actor.areaCode } : { scope: "none" };
  }
  if (actor.areaCode === null) return { scope: "all-areas" };
  return actor.areaCode === NO_AREA ? { scope: "none" } : { scope: "area", areaCode: actor.areaCode };
}

/** Null when the actor may see and act on the record (what they may do there is the caller's rule); otherwise why not. */
export function accessRefusal(actor: Actor, record: AccessRecord): AccessRefusal | null {
  return refusalFor(reachOf(actor), record, actor.role === "school_admin" || actor.role === "teacher");
}

/** The rule per scope; also used directly for a parent's link, whose reach comes from the token, not a session. */
export function refusalFor(reach: Reach, record: AccessRecord, schoolSide = false): AccessRefusal | null {
  switch (reach.scope) {
    case "owner":
      return record.ownerId === reach.citizenId ? null : "not-owner";
    case "all-areas":
      return null;
    case "area":
      return record.areaCode === reach.areaCode || record.areaCodes?.includes(reach.areaCode) ? null : "wrong-area";
    case "school":
      return record.schoolId === reach.schoolId ? null : "wrong-school";
    case "class":
      return record.schoolId === reach.schoolId && record.classOf?.grade === reach.grade && record.classOf?.className === reach.className ? null : "wrong-class";
    case "parent-token":
      return record.pupilId != null && record.pupilId === reach.pupilId ? null : "wrong-pupil";
    case "desk-session": {
      // Through this session only, only while it is open (not after hand-over or withdrawal), only in the
      // desk's area, and only for one of the area's people.
      const session = record.deskSession;
      if (!session || session.id !== reach.sessionId) return "not-in-session";
      if (session.areaCode !== reach.areaCode) return "wrong-area";
      if (record.areaCodes && !record.areaCodes.includes(reach.areaCode)) return "wrong-area";
      return session.open ? null : "session-ended";
    }
    case "viewer":
      // Only while the applicant's share stands: removing it ends access at the next read.
      return reach.phoneHash !== "" && record.viewerPhoneHashes?.includes(reach.phoneHash) ? null : "not-viewer";
    case "education": {
      if (record.areaCode !== reach.areaCode) return "wrong-area";
      // A 专班 case, or a school as a whole (aggregates): never anything of one pupil, one class or one applicant.
      if (record.pupilId != null || record.classOf != null || record.ownerId != null || record.deskSession != null) return "wrong-area";
      return record.schoolCaseId != null || record.schoolId != null ? null : "wrong-area";
    }
    case "none":
      return schoolSide ? "wrong-school" : "wrong-area";
  }
}

export function mayAccess(actor: Actor, record: AccessRecord): boolean {
  return accessRefusal(actor, record) === null;
}
