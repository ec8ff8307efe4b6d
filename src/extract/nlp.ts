import winkNLP, { type ItemEntity, type ItemSentence } from "wink-nlp";
import model from "wink-eng-lite-web-model";

/** A token with its place in the article text (UTF-16 offsets) and its part of speech. */
export interface Token {
  text: string;
  lower: string;
  start: number;
  end: number;
  pos: string;
  /** wink's entity type when the token is part of one (DATE, CARDINAL, ORDINAL, DURATION, MONEY, …) */
  entity?: string;
  /** index of that entity within the sentence */
  entityIndex?: number;
  /** no space between this token and the previous one ("Ana" "-" "Maria") */
  joined: boolean;
}

export interface Entity {
  type: string;
  text: string;
  start: number;
  end: number;
  first: number;
  last: number;
}

export interface Sentence {
  text: string;
  start: number;
  end: number;
  tokens: Token[];
  entities: Entity[];
}

let nlp: ReturnType<typeof winkNLP> | undefined;

const MAX_SENTENCE_TOKENS = 300;

/**
 * wink-nlp with its English model, loaded once, on first use. Only the annotations extraction
 * reads: sentences, parts of speech and entities; negation, sentiment and custom entities would
 * cost a tenth more of wink's time and change none of them.
 */
function engine(): ReturnType<typeof winkNLP> {
  nlp ??= winkNLP(model, ["sbd", "pos", "ner"]);
  return nlp;
}

/**
 * Sentences of one block of text (a line: a headline without final punctuation must not merge
 * with the next line), with absolute offsets. wink keeps the text losslessly, so a token's offset
 * is the sum of the lengths and preceding spaces before it; indexOf guards against any token
 * whose printed form differs from its source.
 */
export function analyse(block: string, offset: number): Sentence[] {
  if (block.length <= MAX_BLOCK_LENGTH) return analyseBlock(block, offset);
  const sentences: Sentence[] = [];
  for (const [start, end] of piecesOf(block)) for (const sentence of analyseBlock(block.slice(start, end), offset + start)) sentences.push(sentence);
  return sentences;
}

/**
 * The most text wink reads as one document. A line of megabytes (a minified page, a JSON dump)
 * would be one document of a million tokens, whose arrays and garbage cost more than the text:
 * it is read in pieces cut at sentence ends, each at its own offset, so every position holds.
 */
const MAX_BLOCK_LENGTH = 16_384;

/** [start, end) pieces of at most MAX_BLOCK_LENGTH, cut after a sentence's end, else at a space, else anywhere. */
function piecesOf(block: string): [number, number][] {
  const pieces: [number, number][] = [];
  let start = 0;
  while (block.length - start > MAX_BLOCK_LENGTH) {
    const window = block.slice(start, start + MAX_BLOCK_LENGTH);
    // the last ". " (or "! ", "? ", with a closing quote) in the window's second half
    let cut = -1;
    for (const m of window.slice(MAX_BLOCK_LENGTH / 2).matchAll(/[.!?]["'”’)]*\s+(?=["'“‘(]?\p{Lu})/gu)) cut = MAX_BLOCK_LENGTH / 2 + m.index + m[0].length;
    if (cut < 0) cut = window.lastIndexOf(" ") + 1;
    if (cut <= MAX_BLOCK_LENGTH / 2) cut = MAX_BLOCK_LENGTH;
    pieces.push([start, start + cut]);
    start += cut;
  }
  pieces.push([start, block.length]);
  return pieces;
}

function analyseBlock(block: string, offset: number): Sentence[] {
  const wink = engine();
  const its = wink.its;
  // wink slows to a crawl on long runs without a space; it is given a copy with a space every
  // 64 characters of such runs (same length, so every offset holds), and tokens keep the real text
  const forWink = block.replace(/\S{256,}/g, (run) => run.replace(/(\S{63})\S/g, "$1 "));
  const doc = wink.readDoc(forWink);
  const values = doc.tokens().out(its.value) as string[];
  const spaces = doc.tokens().out(its.precedingSpaces) as string[];
  const tags = doc.tokens().out(its.pos) as string[];
  const tokens: Token[] = [];
  let cursor = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!;
    let start = cursor + spaces[i]!.length;
    if (forWink.slice(start, start + value.length) !== value) {
      const found = forWink.indexOf(value, cursor);
      if (found >= 0 && found - cursor < 16) start = found;
    }
    const text = block.slice(start, start + value.length);
    tokens.push({ text, lower: text.toLowerCase(), start: offset + start, end: offset + start + text.length, pos: tags[i]!, joined: i > 0 && start === cursor });
    cursor = start + value.length;
  }
  const entities: { type: string; span: [number, number] }[] = [];
  doc.entities().each((e: ItemEntity) => {
    entities.push({ type: e.out(its.type) as string, span: e.out(its.span) as unknown as [number, number] });
  });
  const spans: [number, number][] = [];
  doc.sentences().each((s: ItemSentence) => {
    const span = s.out(its.span) as unknown as [number, number];
    const previous = spans.at(-1);
    // wink ends a sentence inside "magnitude-9.1": a full stop between two digits is no boundary
    if (previous && tokens[previous[1]]?.text === "." && /\d$/.test(tokens[previous[1] - 1]?.text ?? "") && tokens[span[0]]?.joined && /^\d/.test(tokens[span[0]]!.text)) previous[1] = span[1];
    else spans.push([span[0], span[1]]);
  });
  // no real sentence runs past a few hundred tokens; text that does (a list, a scraped blob) is cut
  // into pieces, so that every step that looks across a sentence stays linear in the text
  for (let k = 0; k < spans.length; k++) {
    const [first, last] = spans[k]!;
    if (last - first + 1 > MAX_SENTENCE_TOKENS) spans.splice(k, 1, [first, first + MAX_SENTENCE_TOKENS - 1], [first + MAX_SENTENCE_TOKENS, last]);
  }
  const sentences: Sentence[] = [];
  let nextEntity = 0;
  for (const [first, last] of spans) {
    const own = tokens.slice(first, last + 1);
    if (own.length === 0) continue;
    const ownEntities: Entity[] = [];
    // entities come in text order: skip those before this sentence, stop at the first after it
    while (nextEntity < entities.length && entities[nextEntity]!.span[0] < first) nextEntity++;
    for (let n = nextEntity; n < entities.length && entities[n]!.span[0] <= last; n++) {
      const e = entities[n]!;
      if (e.span[1] > last) continue;
      const index = ownEntities.length;
      const firstToken = tokens[e.span[0]]!;
      const lastToken = tokens[e.span[1]]!;
      ownEntities.push({ type: e.type, text: block.slice(firstToken.start - offset, lastToken.end - offset), start: firstToken.start, end: lastToken.end, first: e.span[0] - first, last: e.span[1] - first });
      for (let k = e.span[0]; k <= e.span[1]; k++) Object.assign(tokens[k]!, { entity: e.type, entityIndex: index });
    }
    const start = own[0]!.start;
    const end = own.at(-1)!.end;
    sentences.push({ text: block.slice(start - offset, end - offset), start, end, tokens: own, entities: ownEntities });
  }
  return sentences;
}
