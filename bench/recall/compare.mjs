// Prints recall per evasion class and false positives on the clean texts, side by side: this service's engine
// (results from RecallBench in engine.tsv), the npm obscenity matcher with its own English dataset and recommended
// transformers, and a WordPress-style disallowed-keys check (each term of terms.txt as a case-insensitive
// substring, which is what WordPress's check_comment() does with its "Disallowed Comment Keys").
// Run via bench/recall/run.sh.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { RegExpMatcher, englishDataset, englishRecommendedTransformers } = require('obscenity');
const here = new URL('.', import.meta.url).pathname;
const rows = (f) => readFileSync(here + f, 'utf8').split('\n').filter((l) => l.trim() && !l.startsWith('#'));
const corpus = rows('corpus.tsv').map((l) => l.split('\t'));
const engine = readFileSync(process.argv[2], 'utf8').split('\n').filter((l) => l !== '').map((l) => l.split('\t'));
const terms = rows('terms.txt').map((t) => t.trim().toLowerCase());
const obscenity = new RegExpMatcher({ ...englishDataset.build(), ...englishRecommendedTransformers });
const wordpress = (text) => terms.some((t) => text.toLowerCase().includes(t));

const stats = new Map();
const misses = [];
corpus.forEach(([cls, expected, text], i) => {
  const s = stats.get(cls) ?? { n: 0, engine: 0, masked: 0, obscenity: 0, wordpress: 0 };
  const got = { engine: engine[i][0] === '1', masked: engine[i][1] === '1', obscenity: obscenity.hasMatch(text),
    wordpress: wordpress(text) };
  s.n++;
  for (const k of ['engine', 'masked', 'obscenity', 'wordpress']) s[k] += got[k] ? 1 : 0;
  stats.set(cls, s);
  const ours = cls === 'masked' ? got.masked : got.engine;
  if ((expected === '1') !== ours || (expected === '0' && got.masked)) {
    misses.push(`${expected === '1' ? 'missed' : 'false positive'} [${cls}] ${text}  ${engine[i][2] ?? ''}`);
  }
});
const pct = (a, n) => `${(100 * a / n).toFixed(1)} %`;
console.log('| class | cases | this service | obscenity | WordPress-style |');
console.log('|---|---:|---:|---:|---:|');
const total = { n: 0, engine: 0, obscenity: 0, wordpress: 0 };
for (const [cls, s] of stats) {
  if (cls === 'clean') continue;
  const ours = cls === 'masked' ? s.masked : s.engine;
  console.log(`| ${cls}${cls === 'masked' ? ' (masked: true)' : ''} | ${s.n} | ${pct(ours, s.n)} | ` +
    `${pct(s.obscenity, s.n)} | ${pct(s.wordpress, s.n)} |`);
  if (cls !== 'masked') {
    total.n += s.n; total.engine += s.engine; total.obscenity += s.obscenity; total.wordpress += s.wordpress;
  }
}
console.log(`| **all but masked** | ${total.n} | **${pct(total.engine, total.n)}** | ${pct(total.obscenity, total.n)} | ` +
  `${pct(total.wordpress, total.n)} |`);
const c = stats.get('clean');
console.log(`| **false positives** on ${c.n} clean texts | | **${c.engine}** (${c.masked} with masked: true) | ` +
  `${c.obscenity} | ${c.wordpress} |`);
if (process.env.VERBOSE) misses.forEach((m) => console.error(m));
