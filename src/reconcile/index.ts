import { pushTo } from "../shared/group.js";
import quantities from "../extract/lexicon/quantities.json" with { type: "json" };
import type { ArticleRecord } from "../model/record.js";
import { KIND_ORDER, type Finding, type FindingKind, type FindingValue } from "../model/finding.js";
import type { Slot, SlotClaim } from "../model/slot.js";
import { compatible, supports, type PlaceKnowledge } from "./compatible.js";
import { CONTRADICTION_THRESHOLD, DISCREPANCY_THRESHOLD, contradictionConfidence } from "./confidence.js";
import { findOrigins } from "./origins.js";
import { placeKnowledge } from "./places.js";
import { sourceReliability } from "./reliability.js";
import { valueKey, valuesOf, weightOf, type ValueContext } from "./values.js";

type Draft = Omit<Finding, "id">;

/** Tolls that only rise: the dead and the injured; the missing and the evacuated can fall. */
const RISING = new Set(quantities.rising);

/** What judging a slot needs beyond the slot: places, article dates, origins and trust. */
interface Judging extends ValueContext {
  places: PlaceKnowledge;
  dates: ReadonlyMap<string, string>;
  /** each article's own publication date, when it gives one */
  published: ReadonlyMap<string, string>;
}

/** What of a claim decides whether it fits another: its value and the context compatible() reads. */
function signature(c: SlotClaim): string {
  const x = c.context;
  return [valueKey(c), c.value.low, c.value.high, x.qualifier, x.partial, x.loose, x.attribution, x.period, x.provisional].join("|");
}

/**
 * Pairs of claims from different sources that cannot both be true. Two sources that each also
 * give a figure the other can accept do not disagree: the odd figure is about something else
 * ("the closing price on Friday" beside "the deal on Monday"). A title is different: calling one
 * person two incompatible things is an error however often the right title also appears.
 * Claims are compared by signature (value and context), so a story of a thousand articles costs
 * the square of its distinct values, not of its claims.
 */
function conflicts(slot: Slot, places: PlaceKnowledge): [SlotClaim, SlotClaim][] {
  const groups = new Map<string, SlotClaim[]>();
  for (const c of slot.claims) pushTo(groups, signature(c), c);
  const sigs = [...groups.keys()];
  const first = (sig: string) => groups.get(sig)![0]!;
  const saysMemo = new Map<string, boolean>();
  const says = (x: string, b: string) => {
    const key = `${x}\u0000${b}`;
    if (!saysMemo.has(key)) saysMemo.set(key, supports(first(x), first(b), slot.spanDays, places));
    return saysMemo.get(key)!;
  };
  // the signatures each source gives
  const bySource = new Map<string, Set<string>>();
  for (const [sig, claims] of groups) for (const c of claims) bySource.set(c.source, (bySource.get(c.source) ?? new Set()).add(sig));
  const agreesWith = (source: string, own: string, other: string) => slot.attribute !== "role" && [...bySource.get(source)!].some((x) => x !== own && says(x, other));
  const pairs: [SlotClaim, SlotClaim][] = [];
  for (let i = 0; i < sigs.length; i++)
    for (let j = i + 1; j < sigs.length; j++) {
      const [sa, sb] = [sigs[i]!, sigs[j]!];
      if (compatible(first(sa), first(sb), slot.spanDays, places)) continue;
      const left = groups.get(sa)!.filter((a) => !agreesWith(a.source, sa, sb));
      const right = groups.get(sb)!.filter((b) => !agreesWith(b.source, sb, sa));
      // enough pairs to judge them (update or contradiction); a thousand copies of one clash say no more
      let kept = 0;
      for (const a of left) {
        for (const b of right) if (a.source !== b.source && kept++ < 200) pairs.push([a, b]);
        if (kept >= 200) break;
      }
    }
  return pairs;
}

const quoted = (v: FindingValue) => `"${v.text}"`;

/** What a finding is about, in words: "the role of Ana Ruiz", "the date of the grounding", "people dead (quake)". */
export function describe(attribute: string, subject: string): string {
  if (attribute === "role") return `the role of ${subject}`;
  if (attribute === "date" || attribute === "location") return /^(start|length) of /.test(subject) ? `the ${subject}` : `the ${attribute === "date" ? "date" : "place"} of the ${subject}`;
  if (attribute === "ordinal") return `the place in the series of ${subject}`;
  return /^length of /.test(subject) ? `the ${subject}` : subject;
}
const list = (sources: readonly string[]) => sources.join(", ");

function finding(slot: Slot, kind: FindingKind, values: FindingValue[], consensus: string | null, message: string): Draft {
  const severity = kind === "contradiction" ? "error" : kind === "uncorroborated" ? "warning" : "info";
  return { kind, attribute: slot.attribute, subject: slot.subject, values, consensus, severity, message };
}

/** "(a01.txt and a02.txt are copies of one text)": when agreement rests on syndicated copies. */
function copiesNote(values: readonly FindingValue[], ctx: Judging): string {
  const sources = [...new Set(values.flatMap((v) => v.sources))];
  const byOrigin = new Map<string, string[]>();
  for (const s of sources) pushTo(byOrigin, ctx.originOf(s), s);
  const copies = [...byOrigin.values()].filter((group) => group.length > 1);
  return copies.map((group) => ` (${group.sort().join(" and ")} are copies of one text)`).join("");
}

/** A later report revising a toll: values in time order, the newest as consensus; agreed figures besides. */
function updateFindings(slot: Slot, ctx: Judging): Draft[] {
  const dateOf = (c: SlotClaim) => ctx.dates.get(c.source) ?? "";
  const ordered = [...slot.claims].sort((a, b) => (dateOf(a) < dateOf(b) ? -1 : dateOf(a) > dateOf(b) ? 1 : (a.value.number ?? 0) - (b.value.number ?? 0)));
  const latest = ordered.at(-1)!;
  const first = ordered[0]!;
  const order = new Map(ordered.map((c, i) => [c.id, i]));
  const position = (v: FindingValue) => Math.min(...v.claims.map((id) => order.get(id)!));
  const values = valuesOf(ordered, ctx).sort((a, b) => position(a) - position(b));
  const drafts: Draft[] = [
    finding(slot, "update", values, latest.value.normalized, `${slot.subject.name}: updated from ${first.value.text} to ${latest.value.text} (${latest.source}${dateOf(latest) ? `, ${dateOf(latest)}` : ""})`),
  ];
  // a figure several origins gave at one time is agreed, even when a later one supersedes it
  for (const value of valuesOf(slot.claims, ctx)) {
    if ((value.origins ?? 0) < 2) continue;
    const latestNote = value.normalized === latest.value.normalized ? " (the latest figure)" : "";
    drafts.push(finding(slot, "agreement", [value], value.normalized, `${value.sources.length} sources agree on ${slot.subject.name}: ${value.text}${latestNote}${copiesNote([value], ctx)}`));
  }
  return drafts;
}

function judge(slot: Slot, ctx: Judging): Draft[] {
  const values = valuesOf(slot.claims, ctx);
  const top = values[0]!;
  const origins = new Set(slot.claims.map((c) => ctx.originOf(c.source)));
  if (origins.size === 1) {
    const sources = [...new Set(slot.claims.map((c) => c.source))].sort();
    return [finding(slot, "uncorroborated", values, top.normalized, `only ${list(sources)} ${sources.length > 1 ? "give" : "gives"} ${describe(slot.attribute, slot.subject.name)}: ${values.map(quoted).join(", ")}${copiesNote(values, ctx)}`)];
  }
  const allClashes = conflicts(slot, ctx.places);
  if (allClashes.length === 0) {
    return [finding(slot, "agreement", values, top.normalized, `${origins.size} sources agree on ${describe(slot.attribute, slot.subject.name)}: ${values.map(quoted).join(", ")}${copiesNote(values, ctx)}`)];
  }
  // a later or provisional figure revising a toll is an update; two final figures of one day disagree
  // a toll rises: "no one was killed", published the day after "at least 12 were killed", denies
  // the deaths, it revises nothing (a smaller figure of some other kind, "seven bodies recovered",
  // may count only part of them)
  const falls = (a: SlotClaim, b: SlotClaim) => {
    if (!RISING.has(a.context.about.split(" ").at(-1)!) || (a.value.high !== 0 && b.value.high !== 0)) return false;
    // only a date the article gives as its own: one read from its text may be any date it names
    const [da, db] = [ctx.published.get(a.source) ?? "", ctx.published.get(b.source) ?? ""];
    const [low, high] = (a.value.low ?? a.value.number ?? 0) < (b.value.low ?? b.value.number ?? 0) ? [da, db] : [db, da];
    return low !== "" && high !== "" && low > high;
  };
  // "no one was killed or injured" is no early toll: a firm denial contradicts a toll, before or after it
  const denies = (c: SlotClaim) => c.attribute === "count" && c.value.high === 0 && !c.context.provisional && !c.context.partial;
  const isUpdate = ([a, b]: [SlotClaim, SlotClaim]) =>
    (slot.attribute === "count" || slot.attribute === "measure") && !falls(a, b) && !denies(a) && !denies(b) &&
    (a.context.provisional || b.context.provisional || (slot.volatile && ctx.dates.get(a.source) !== ctx.dates.get(b.source)));
  const clashes = allClashes.filter((pair) => !isUpdate(pair));
  if (clashes.length === 0) return updateFindings(slot, ctx);
  const confidence = contradictionConfidence(slot, clashes);
  if (confidence < CONTRADICTION_THRESHOLD) return unsureFindings(slot, values, clashes, confidence, ctx);
  // the consensus is the value most (reliable, independent) sources back; a tie has none
  const tied = values.length > 1 && Math.abs(weightOf(values[1]!, ctx) - weightOf(top, ctx)) < 1e-9;
  const consensus = tied ? null : top;
  const clashing = new Set(clashes.flatMap(([a, b]) => [valueKey(a), valueKey(b)]));
  const involved = values.filter((v) => slot.claims.some((c) => clashing.has(valueKey(c)) && v.claims.includes(c.id)));
  let message: string;
  if (consensus) {
    const dissent = involved.filter((v) => v !== consensus);
    // a source that says both is not one of the "others"
    const dissenters = new Set(dissent.flatMap((v) => v.sources));
    const others = new Set(consensus.sources.filter((s) => !dissenters.has(s)).map(ctx.originOf)).size;
    const verb = (v: FindingValue) => (slot.attribute === "role" ? `${v.sources.length > 1 ? "call" : "calls"} ${slot.subject.name} ${quoted(v)}` : `${v.sources.length > 1 ? "give" : "gives"} ${describe(slot.attribute, slot.subject.name)} as ${quoted(v)}`);
    // the consensus's list of sources may hold a dissenter that says both: say so, so that the count and the list agree
    const both = consensus.sources.filter((s) => dissenters.has(s));
    const alsoSays = both.length > 0 ? ` (and ${list(both)} ${both.length === 1 ? "says" : "say"} so too elsewhere)` : "";
    message = `${dissent.map((v) => `${list(v.sources)} ${verb(v)}`).join("; ")}; ${others} other source${others === 1 ? " says" : "s say"} ${quoted(consensus)}${alsoSays}`;
  } else {
    message = `sources disagree on ${describe(slot.attribute, slot.subject.name)}: ${involved.map((v) => `${quoted(v)} (${list(v.sources)})`).join(" vs ")}`;
  }
  // the finding shows what disagrees and what most sources say; compatible side values are left out
  const shown = values.filter((v) => v === consensus || involved.includes(v));
  return [{ ...finding(slot, "contradiction", shown, consensus?.normalized ?? null, message), confidence }];
}

/** Values several origins agree on, each an agreement of its own: what an unsure slot still says. */
function agreedValues(slot: Slot, values: readonly FindingValue[], ctx: Judging): Draft[] {
  return values
    .filter((v) => (v.origins ?? 0) >= 2)
    .map((v) => finding(slot, "agreement", [v], v.normalized, `${v.origins} sources agree on ${describe(slot.attribute, slot.subject.name)}: ${quoted(v)}${copiesNote([v], ctx)}`));
}

/**
 * Values that differ in a slot whose claims are not surely about one event at one time: a
 * possible discrepancy (info) when the confidence is middling, nothing when it is low; what
 * several sources agree on is still said.
 */
function unsureFindings(slot: Slot, values: readonly FindingValue[], clashes: readonly [SlotClaim, SlotClaim][], confidence: number, ctx: Judging): Draft[] {
  const agreed = agreedValues(slot, values, ctx);
  if (confidence < DISCREPANCY_THRESHOLD) return agreed;
  const clashing = new Set(clashes.flatMap(([a, b]) => [a.id, b.id]));
  const involved = values.filter((v) => v.claims.some((id) => clashing.has(id)));
  const message = `possible discrepancy on ${describe(slot.attribute, slot.subject.name)}: ${involved.map((v) => `${quoted(v)} (${list(v.sources)})`).join(" vs ")}; not surely about one event at one time`;
  return [{ ...finding(slot, "discrepancy", involved, null, message), confidence }, ...agreed];
}

const weekdayName = (iso: string) => (/^\d{4}-\d{2}-\d{2}$/.test(iso) ? new Date(`${iso}T00:00:00Z`).toLocaleDateString("en-GB", { weekday: "long", timeZone: "UTC" }) : "");

/**
 * "Tuesday, May 14, 2026" when May 14 is a Thursday: the source contradicts itself. Said in the
 * finding that already holds the claim, else as a finding of its own.
 */
function weekdayMismatches(slots: readonly Slot[], drafts: Draft[]): Draft[] {
  const extra: Draft[] = [];
  for (const slot of slots) {
    for (const claim of slot.claims) {
      const named = claim.context.weekdayMismatch;
      if (!named) continue;
      const actual = weekdayName(claim.value.normalized);
      const note = `${claim.source} writes "${claim.value.text}", but ${claim.value.normalized} is a ${actual}, not a ${named}`;
      const holder = drafts.find((d) => (d.kind === "contradiction" || d.kind === "discrepancy") && d.values.some((v) => v.claims.includes(claim.id)));
      // a date whose own weekday is wrong is surely wrong: a possible discrepancy about it is an error
      if (holder?.kind === "discrepancy" && holder.values.some((v) => !v.claims.includes(claim.id) && weekdayName(v.normalized) === named)) {
        Object.assign(holder, { kind: "contradiction", severity: "error", confidence: Math.max(holder.confidence ?? 0, CONTRADICTION_THRESHOLD) });
        holder.message = holder.message.replace(/^possible discrepancy on /, "sources disagree on ").replace(/; not surely about one event at one time$/, "");
      }
      if (holder) holder.message += `; ${note}`;
      // the text says both: no doubt about what it is about
      else extra.push({ kind: "contradiction", attribute: "date", subject: slot.subject, values: [{ text: claim.value.text, normalized: claim.value.normalized, sources: [claim.source], claims: [claim.id], origins: 1 }], consensus: null, severity: "error", message: note, confidence: 1 });
    }
  }
  return extra;
}


export interface Reconciled {
  findings: Finding[];
  /** each source's origin id: syndicated copies of one text share one */
  origins: Map<string, string>;
  /** each source's weight after truth discovery, 0–1 */
  reliability: Map<string, number>;
}

export interface ReconcileOptions {
  /** sources whose word counts for more than any article's (a newsroom's reference facts) */
  trusted?: ReadonlySet<string>;
  /** drafts under check: they never count towards a consensus */
  drafts?: ReadonlySet<string>;
}

/** reconcile: slots → findings, contradictions first, in a stable order with stable ids. */
export function reconcile(slots: readonly Slot[], articles: readonly Pick<ArticleRecord, "id" | "published" | "anchor" | "shingles" | "claims">[], options: ReconcileOptions = {}): Reconciled {
  const origins = findOrigins(articles);
  const originOf = (source: string) => origins.get(source) ?? source;
  const draftIds = options.drafts ?? new Set<string>();
  const trusted = options.trusted ?? new Set<string>();
  const reliability = sourceReliability(slots.map((s) => ({ ...s, claims: s.claims.filter((c) => !draftIds.has(c.source)) })), originOf);
  // what contains what: every place mention of the story's articles says, slotted or not
  const places = placeKnowledge([...articles.flatMap((a) => a.claims), ...slots.flatMap((s) => (s.attribute === "location" ? s.claims : []))]);
  // an article's own date orders its figures; one borrowed from the story says nothing of when it
  // was written; a syndicated copy's figures are the wire's, as of its first publication
  const own = new Map(articles.map((a) => [a.id, a.published ?? (a.anchor.from === "story" ? "" : a.anchor.date) ?? ""]));
  const firstOut = new Map<string, string>();
  for (const [id, date] of own) if (date && (!firstOut.has(originOf(id)) || date < firstOut.get(originOf(id))!)) firstOut.set(originOf(id), date);
  const ctx: Judging = {
    places,
    containers: places.containers,
    dates: new Map(articles.map((a) => [a.id, firstOut.get(originOf(a.id)) ?? own.get(a.id)!])),
    published: new Map(articles.flatMap((a) => (a.published ? [[a.id, a.published] as const] : []))),
    originOf,
    trust: (source) => (draftIds.has(source) ? 0 : trusted.has(source) ? 2 : (reliability.get(source) ?? 1)),
  };
  const judged = slots.flatMap((slot) => judge(slot, ctx).map((draft) => ({ draft, key: slot.key })));
  const internal = weekdayMismatches(slots, judged.map((j) => j.draft)).map((draft) => ({ draft, key: `${draft.subject.id}|weekday` }));
  const drafts = [...judged, ...internal];
  drafts.sort((a, b) => KIND_ORDER[a.draft.kind] - KIND_ORDER[b.draft.kind] || (a.draft.attribute < b.draft.attribute ? -1 : a.draft.attribute > b.draft.attribute ? 1 : 0) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const findings = drafts.map(({ draft }, i) => ({ id: `f${i + 1}`, ...draft }));
  return { findings, origins, reliability };
}
