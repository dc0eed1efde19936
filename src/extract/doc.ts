// A prepared article: its text and sentences, computed once and shared by every rule family.
import type { Sentence } from "../core/types.js";
import { splitSentences } from "./sentences.js";

export interface Doc {
  text: string;
  sentences: Sentence[];
}

export function makeDoc(text: string): Doc {
  return { text, sentences: splitSentences(text) };
}
