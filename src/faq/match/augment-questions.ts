/**
 * Automatic variants of the content's own question phrasings, so the model learns how residents
 * write them (shared/resident-style.md): without diacritics, with teencode, with a typo, after a
 * story. Deterministic for a given `random`.
 */
export interface TrainingText {
  text: string;
  /** how much this example counts (the admin's own phrasing counts most) */
  weight: number;
}

export interface AugmentSources {
  /** synonyms.yaml `chat`: teencode key → standard word; inverted here to write teencode */
  chat: Record<string, string>;
  /** stories.yaml: sentences residents tell before a question */
  stories: string[];
}

export function stripMarks(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
}

const pick = <T>(items: readonly T[], random: () => number): T | undefined =>
  items.length === 0 ? undefined : items[Math.floor(random() * items.length)];

export function createAugmenter(sources: AugmentSources): {
  variants(question: string, count: number, random: () => number): TrainingText[];
} {
  const teencodeOf = new Map<string, string[]>();
  for (const [key, standard] of Object.entries(sources.chat)) {
    const word = standard.toLowerCase();
    if (!/^[\p{L} ]+$/u.test(word) || key.length > word.length) continue;
    teencodeOf.set(word, [...(teencodeOf.get(word) ?? []), key]);
  }
  const teencodePattern =
    teencodeOf.size === 0
      ? undefined
      : new RegExp(
          `(^|[^\\p{L}])(${[...teencodeOf.keys()].sort((a, b) => b.length - a.length).join('|')})(?=$|[^\\p{L}])`,
          'gu',
        );
  const teencode = (text: string, random: () => number): string =>
    teencodePattern
      ? text
          .toLowerCase()
          .replace(teencodePattern, (all, before: string, word: string) =>
            random() < 0.7 ? before + (pick(teencodeOf.get(word) ?? [], random) ?? word) : all,
          )
      : text;
  const story = (question: string, random: () => number): string => {
    const first = pick(sources.stories, random);
    if (!first) return question;
    const second = random() < 0.4 ? pick(sources.stories, random) : undefined;
    const joiner = random() < 0.5 ? ', ' : '. ';
    return [first, second, question].filter(Boolean).join(joiner);
  };
  const makers: ((q: string, random: () => number) => TrainingText)[] = [
    (q) => ({ text: stripMarks(q), weight: 0.8 }),
    (q, r) => ({ text: story(q, r), weight: 0.7 }),
    (q, r) => ({ text: teencode(q, r), weight: 0.6 }),
    (q, r) => ({ text: stripMarks(story(q, r)), weight: 0.6 }),
  ];
  return {
    variants(question, count, random) {
      const out: TrainingText[] = [{ text: question, weight: 1 }];
      for (const make of makers.slice(0, Math.max(0, count))) {
        const variant = make(question, random);
        if (variant.text !== question) out.push(variant);
      }
      return out;
    },
  };
}
