import { loadContent } from './src/faq/content/load-content.js';
import { createMatcher } from './src/faq/match/create-matcher.js';
const loaded = loadContent('./content');
const t1 = performance.now();
createMatcher({ nodes: loaded.nodes.map((n) => n.node), synonyms: loaded.synonyms, stories: loaded.stories, children: () => [] });
console.log('matcher', (performance.now() - t1).toFixed(0), 'questions', loaded.nodes.reduce((n, l) => n + l.node.questions.length + 1, 0));
