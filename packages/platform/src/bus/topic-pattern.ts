/**
 * AMQP topic matching, so the in-process bus routes exactly like the RabbitMQ topic exchange: words are
 * separated by `.`, `*` matches exactly one word, `#` matches zero or more words.
 */
export function topicMatches(pattern: string, routingKey: string): boolean {
  return matchWords(pattern.split('.'), 0, routingKey.split('.'), 0);
}

function matchWords(pattern: string[], p: number, key: string[], k: number): boolean {
  if (p === pattern.length) return k === key.length;
  const word = pattern[p];
  if (word === '#') {
    // Try every number of words `#` could swallow, fewest first.
    for (let next = k; next <= key.length; next++) {
      if (matchWords(pattern, p + 1, key, next)) return true;
    }
    return false;
  }
  if (k === key.length) return false;
  return (word === '*' || word === key[k]) && matchWords(pattern, p + 1, key, k + 1);
}
