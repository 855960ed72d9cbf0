/**
 * Zalo's deepest documented webhook body nests about 6 levels (message → attachments → payload →
 * coordinates); anything far beyond is not an event and must not reach recursive code.
 */
export const MAX_WEBHOOK_JSON_DEPTH = 32;

/**
 * True when the JSON text nests objects/arrays deeper than `maxDepth`. One pass over the characters,
 * no recursion and no parsing (brackets inside strings, escaped quotes included, do not count), so it
 * is safe to run on untrusted bytes BEFORE `JSON.parse`: a body nested thousands of levels deep
 * would otherwise be parsed fine and then overflow the stack of `JSON.stringify` or a validator.
 * Malformed text is left to `JSON.parse` to refuse.
 * @example exceedsJsonDepth('{"a":[1]}', 2) === false; exceedsJsonDepth('[[[]]]', 2) === true
 */
export function exceedsJsonDepth(text: string, maxDepth: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c /* \ */) i++;
      else if (c === 0x22 /* " */) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      if (++depth > maxDepth) return true;
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) depth--;
  }
  return false;
}
