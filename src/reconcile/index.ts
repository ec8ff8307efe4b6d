import type { Article } from "../model/article.js";
import type { Finding, FindingKind, FindingValue } from "../model/finding.js";
import type { Slot, SlotClaim } from "../model/slot.js";
import { canonicalTitle, compatible, supports, type PlaceKnowledge } from "./compatible.js";
import { placeKnowledge } from "./places.js";

type Draft = Omit<Finding, "id">;

// one value per normalised figure: "three" and "at least three" are the same figure, however hedged
const valueKey = (c: SlotClaim) => (c.attribute === "role" ? canonicalTitle(c.value.normalized) : `${c.value.normalized}|${c.value.unit ?? ""}`);

/**
 * Place names in one slot that contain another's words are one value under the shorter name:
 * "Isola del Velm", "Isola Velm" and "Velm" are one place.
 */
function placeFamilies(claims: readonly SlotClaim[]): Map<string, string> {
  const names = [...new Set(claims.map((c) => c.value.normalized))].sort((a, b) => a.length - b.length || (a < b ? -1 : 1));
  const family = new Map<string, string>();
  for (const name of names) family.set(name, names.find((shorter) => shorter.length < name.length && ` ${name} `.includes(` ${shorter} `)) ?? name);
  return family;
}

/** The distinct values of a set of claims, each with the sources and claims behind it. */
function valuesOf(claims: readonly SlotClaim[]): FindingValue[] {
  const byKey = new Map<string, { first: SlotClaim; sources: Set<string>; claims: string[] }>();
  const families = claims[0]?.attribute === "location" ? placeFamilies(claims) : undefined;
  for (const c of claims) {
    const key = families ? families.get(c.value.normalized)! : valueKey(c);
    const entry = byKey.get(key) ?? { first: c, sources: new Set<string>(), claims: [] };
    entry.sources.add(c.source);
    entry.claims.push(c.id);
    byKey.set(key, entry);
  }
  return [...byKey.values()]
    .map(({ first, sources, claims: ids }) => ({
      text: first.value.text,
      normalized: first.attribute === "role" ? canonicalTitle(first.value.normalized) : first.value.normalized,
      ...(first.value.number !== undefined ? { number: first.value.number } : {}),
      ...(first.value.low !== undefined ? { low: first.value.low } : {}),
      ...(first.value.high !== undefined ? { high: first.value.high } : {}),
      ...(first.value.unit ? { unit: first.value.unit } : {}),
      sources: [...sources].sort(),
      claims: ids,
      origins: sources.size,
    }))
    .sort((a, b) => b.sources.length - a.sources.length || (a.normalized < b.normalized ? -1 : a.normalized > b.normalized ? 1 : 0));
}

/**
 * Pairs of claims from different sources that cannot both be true. Two sources that each also
 * give a figure the other can accept do not disagree: the odd figure is about something else
 * ("the closing price on Friday" beside "the deal on Monday"). A title is different: calling one
 * person two incompatible things is an error however often the right title also appears.
 */
function conflicts(slot: Slot, places: PlaceKnowledge): [SlotClaim, SlotClaim][] {
  const pairs: [SlotClaim, SlotClaim][] = [];
  const claims = slot.claims;
  const fits = (a: SlotClaim, b: SlotClaim) => compatible(a, b, slot.spanDays, places);
  const bySource = new Map<string, SlotClaim[]>();
  for (const c of claims) bySource.set(c.source, [...(bySource.get(c.source) ?? []), c]);
  const says = (x: SlotClaim, b: SlotClaim) => x !== b && supports(x, b, slot.spanDays, places);
  const alsoAgree = (a: SlotClaim, b: SlotClaim) =>
    slot.attribute !== "role" && (bySource.get(a.source)!.some((x) => says(x, b)) || bySource.get(b.source)!.some((y) => says(y, a)));
  for (let i = 0; i < claims.length; i++)
    for (let j = i + 1; j < claims.length; j++) {
      const [a, b] = [claims[i]!, claims[j]!];
      if (a.source !== b.source && !fits(a, b) && !alsoAgree(a, b)) pairs.push([a, b]);
    }
  return pairs;
}

const quoted = (v: FindingValue) => `"${v.text}"`;
const list = (sources: readonly string[]) => sources.join(", ");

function finding(slot: Slot, kind: FindingKind, values: FindingValue[], consensus: string | null, message: string): Draft {
  const severity = kind === "contradiction" ? "error" : kind === "uncorroborated" ? "warning" : "info";
  return { kind, attribute: slot.attribute, subject: slot.subject, values, consensus, severity, message };
}

/** A later report revising a toll: values in time order, the newest as consensus. */
function updateFinding(slot: Slot, dates: ReadonlyMap<string, string>): Draft[] {
  const dateOf = (c: SlotClaim) => dates.get(c.source) ?? "";
  const ordered = [...slot.claims].sort((a, b) => (dateOf(a) < dateOf(b) ? -1 : dateOf(a) > dateOf(b) ? 1 : (a.value.number ?? 0) - (b.value.number ?? 0)));
  const latest = ordered.filter((c) => !c.context.partial).at(-1) ?? ordered.at(-1)!;
  const values = valuesOf(ordered);
  values.sort((a, b) => {
    const da = Math.min(...a.claims.map((id) => ordered.findIndex((c) => c.id === id)));
    const db = Math.min(...b.claims.map((id) => ordered.findIndex((c) => c.id === id)));
    return da - db;
  });
  const first = ordered.find((c) => !c.context.partial) ?? ordered[0]!;
  const drafts: Draft[] = [
    finding(slot, "update", values, latest.value.normalized, `${slot.subject.name}: updated from ${first.value.text} to ${latest.value.text} (${latest.source})`),
  ];
  // a figure several sources gave at one time is agreed, even when a later one supersedes it
  for (const value of valuesOf(slot.claims)) {
    if (value.sources.length < 2) continue;
    const latestNote = value.normalized === latest.value.normalized ? " (the latest figure)" : "";
    drafts.push(finding(slot, "agreement", [value], value.normalized, `${value.sources.length} sources agree on ${slot.subject.name}: ${value.text}${latestNote}`));
  }
  return drafts;
}

function judge(slot: Slot, places: PlaceKnowledge, dates: ReadonlyMap<string, string>): Draft[] {
  const values = valuesOf(slot.claims);
  const sources = new Set(slot.claims.map((c) => c.source));
  const top = values[0]!;
  if (sources.size === 1) {
    return [finding(slot, "uncorroborated", values, top.normalized, `only ${list([...sources])} gives the ${slot.attribute} of ${slot.subject.name}: ${values.map(quoted).join(", ")}`)];
  }
  const allClashes = conflicts(slot, places);
  if (allClashes.length === 0) {
    return [finding(slot, "agreement", values, top.normalized, `${sources.size} sources agree on the ${slot.attribute} of ${slot.subject.name}: ${values.map(quoted).join(", ")}`)];
  }
  // a later or provisional figure revising a toll is an update; two final figures of one day disagree
  const isUpdate = ([a, b]: [SlotClaim, SlotClaim]) =>
    (slot.attribute === "count" || slot.attribute === "measure") &&
    (a.context.provisional || b.context.provisional || (slot.volatile && dates.get(a.source) !== dates.get(b.source)));
  const clashes = allClashes.filter((pair) => !isUpdate(pair));
  if (clashes.length === 0) return updateFinding(slot, dates);
  // the consensus is the value most sources back; a tie has none
  const consensus = values.length > 1 && values[1]!.sources.length === top.sources.length ? null : top;
  const clashing = new Set(clashes.flatMap(([a, b]) => [valueKey(a), valueKey(b)]));
  const involved = values.filter((v) => slot.claims.some((c) => clashing.has(valueKey(c)) && v.claims.includes(c.id)));
  let message: string;
  if (consensus) {
    const dissent = involved.filter((v) => v !== consensus);
    // a source that says both is not one of the "others"
    const dissenters = new Set(dissent.flatMap((v) => v.sources));
    const others = new Set(consensus.sources.filter((s) => !dissenters.has(s)));
    message = dissent
      .map((v) => `${list(v.sources)} ${v.sources.length > 1 ? "give" : "gives"} the ${slot.attribute} of ${slot.subject.name} as ${quoted(v)}`)
      .join("; ")
      .concat(`; ${others.size} other source${others.size === 1 ? " says" : "s say"} ${quoted(consensus)}`);
    if (slot.attribute === "role") message = dissent.map((v) => `${list(v.sources)} ${v.sources.length > 1 ? "call" : "calls"} ${slot.subject.name} ${quoted(v)}`).join("; ") + `; ${others.size} other source${others.size === 1 ? " says" : "s say"} ${quoted(consensus)}`;
  } else {
    message = `sources disagree on the ${slot.attribute} of ${slot.subject.name}: ${involved.map((v) => `${quoted(v)} (${list(v.sources)})`).join(" vs ")}`;
  }
  return [finding(slot, "contradiction", values, consensus?.normalized ?? null, message)];
}

const KIND_ORDER: Record<FindingKind, number> = { contradiction: 0, update: 1, agreement: 2, uncorroborated: 3 };

/** reconcile: slots → findings, contradictions first, in a stable order with stable ids. */
export function reconcile(slots: readonly Slot[], articles: readonly Article[]): Finding[] {
  const places = placeKnowledge(slots);
  const dates = new Map(articles.map((a) => [a.id, a.published ?? a.anchor.date ?? ""]));
  const drafts = slots.flatMap((slot) => judge(slot, places, dates).map((draft) => ({ draft, key: slot.key })));
  drafts.sort((a, b) => KIND_ORDER[a.draft.kind] - KIND_ORDER[b.draft.kind] || (a.draft.attribute < b.draft.attribute ? -1 : a.draft.attribute > b.draft.attribute ? 1 : 0) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return drafts.map(({ draft }, i) => ({ id: `f${i + 1}`, ...draft }));
}
