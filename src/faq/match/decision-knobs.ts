/**
 * The decision thresholds over the model's probabilities (docs/matching.md). Set on the dev set
 * (`npm run eval -- --set dev`), never on the test set.
 */
export interface DecisionKnobs {
  /** a direct answer needs at least this probability … */
  answerAbove: number;
  /** … and this lead over the runner-up answer; closer than that the bot asks which one */
  answerLead: number;
  /** below answerAbove but above this: "Có phải bạn muốn hỏi" with the best candidates */
  suggestAbove: number;
  /** the out-of-scope class declines from this probability, or when it leads */
  declineAbove: number;
  /** a small-talk class (greeting, thanks, abuse …) answers from this probability */
  smalltalkAbove: number;
  /** a safety class chosen by the model (no trigger phrase matched) answers from this probability */
  safetyAbove: number;
  /** this share of words no FAQ text uses makes a message out of scope unless the answer is sure */
  unknownDecline: number;
  /** candidates at least this likely are offered in suggestions and fallbacks */
  offerAbove: number;
  /** a second question of the same message is answered from this probability */
  secondAbove: number;
  /**
   * a whole message declined at least this surely is not read question by question: "bảo hiểm xe
   * máy mua ở đâu rẻ, mua online có được không" stays out of scope, its second half alone is no FAQ
   */
  keepDeclineAbove: number;
}

export const DEFAULT_DECISION_KNOBS: DecisionKnobs = {
  answerAbove: 0.4,
  answerLead: 0.15,
  suggestAbove: 0.2,
  declineAbove: 0.45,
  smalltalkAbove: 0.6,
  safetyAbove: 0.7,
  unknownDecline: 0.5,
  offerAbove: 0.08,
  secondAbove: 0.6,
  keepDeclineAbove: 0.6,
};
