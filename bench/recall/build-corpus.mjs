// Writes the labelled recall corpus (corpus.tsv: class, expected 1/0, text) from comment-like sentences written for
// it, the 24 base words of terms.txt, and one hand-chosen or mechanically derived form per base word and evasion
// class. Clean texts are hand-written in clean.txt. Deterministic: rerun after editing and commit both files.
// Run: node bench/recall/build-corpus.mjs > bench/recall/corpus.tsv
import { readFileSync } from 'node:fs';

const here = new URL('.', import.meta.url).pathname;
const frames = [
  'What a load of {} this article is.',
  'Honestly the mayor is a {} and everyone in Mardin knows it.',
  'Stop publishing this {} about the border, you clearly have no idea.',
  'The minister answered like a total {} again on TV last night.',
  'Your reporter is a {}, read the actual report before writing.',
  'Typical {} from the comment section, nothing ever changes here.',
  'I stopped reading at the second paragraph, {}.',
  'Anyone who believes this is a {} plain and simple.',
  'The refugee numbers are wrong and the author is a {}.',
  'Who edits this site? What a {}.',
  'Call it what it is: {}.',
  'My neighbour said the same {} yesterday at the market.',
  'This is {} and the paper should apologise to its readers.',
  'Same old {} from the same old columnist.',
  'Ha, another {} who thinks he understands Iraq.',
  'Read the comments, every second one is a {}.',
  'Is the editor a {} or just lazy?',
  'Turkey deserves better than this {}.',
  'The headline alone is {}.',
  'Oh look, the {} is back with more opinions.',
  'They fired the good journalists and kept the {}.',
  'Seriously, {}, check your sources.',
  'Your whole argument is {} from start to finish.',
  'Nobody asked you, {}.',
];
// base word -> forms per class (mechanical classes are derived below)
const base = ['fuck', 'shit', 'cunt', 'cock', 'dick', 'ass', 'bitch', 'bastard', 'piss', 'pussy', 'whore', 'slut',
  'nigger', 'faggot', 'twat', 'wanker', 'rape', 'retard', 'dildo', 'bollocks', 'cum', 'crap', 'prick', 'douche'];
const hand = {
  inflection: ['fuckers', 'shitting', 'cuntish', 'cocksucking', 'dickish', 'assholes', 'bitchy', 'bastards',
    'pissed', 'pussies', 'whores', 'sluts', 'niggaz', 'faggots', 'twats', 'wankers', 'raped', 'retarded', 'dildos',
    'bollocksed', 'cums', 'crappy', 'pricks', 'douches', 'fuckery', 'shittier', 'bitching', 'whoring', 'slutty',
    'raping'],
  compound: ['shitheads', 'fuckface', 'cuntface', 'cockhead', 'dickhead', 'asshat', 'bitchface', 'bastardry',
    'pisshead', 'pussyhole', 'whorehouse', 'slutbag', 'fuckwit', 'faggotry', 'twatwaffle', 'wankstain', 'dickweed',
    'retardville', 'dildohead', 'shitstorm', 'cumbucket', 'craphole', 'prickface', 'douchebag', 'jackass',
    'fatass', 'horseshit', 'motherfuckers', 'dipshit', 'shitshow'],
  runtogether: ['#fuckoffmedia', 'shutthefuckup', '#FuckThisPaper', '#fuckthispaper', 'gofuckyourself',
    'whatthefuck', '#ShitJournalism', '#shitjournalism', 'piecesofshit', '#BanTheseBitches', 'whatadick',
    '#DickMove', 'youpieceofshit', '#BullshitNews', 'fuckingidiots', '#StopTheBullshit', 'totalbastard',
    '#CuntOfTheDay', 'notyourbitch', 'lyingbastards', '#crapreporting', 'suchaprick', '#PissOff', 'biggestwanker'],
  phonetic: ['fuk', 'fuq', 'phuk', 'phuck', 'shiet', 'shyt', 'kunt', 'kok', 'dik', 'azz', 'bytch', 'basterd',
    'pyss', 'puzzy', 'hore', 'slutt', 'nigga', 'fagget', 'twot', 'wanka', 'raype', 'retart', 'dildoe', 'bollox',
    'kum', 'krap', 'prik', 'doosh'],
  masked: ['f**k', 'sh*t', 'c**t', 'c*ck', 'd*ck', 'a**hole', 'b*tch', 'b*****d', 'p*ss', 'p***y', 'wh*re', 'sl*t',
    'n****r', 'f****t', 'tw*t', 'w****r', 'r*pe', 'r****d', 'd***o', 'b*****ks', 'c*m', 'cr*p', 'pr*ck', 'd****e'],
  newlookalike: ['fսck', 'sհit', 'cսnt', 'cօck', 'ᴅɪᴄᴋ', 'ᴀss', '8itch', '8astard', 'pɪss', 'pvssy', 'wհore',
    'slvt', 'nigger', 'faggօt', 'twat', 'wanker', 'rape', 'retard', 'dildօ', '8ollocks', 'cvm', 'cr@p', 'prɪck',
    'dօuche', 'fvck', 'ꜱʜɪᴛ', '@FuckOff', '@DickHead'],
};
// The plain words in newlookalike that have no look-alike (nigger, twat, wanker, rape, retard) get small capitals.
const small = { n: 'ɴ', i: 'ɪ', g: 'ɢ', e: 'ᴇ', r: 'ʀ', t: 'ᴛ', w: 'ᴡ', a: 'ᴀ', k: 'ᴋ', p: 'ᴘ', d: 'ᴅ' };
hand.newlookalike = hand.newlookalike.map((w) => (base.includes(w) || ['wanker', 'retard'].includes(w)
  ? [...w].map((c, i) => (i % 2 ? small[c] || c : c)).join('') : w));

const cyr = { a: 'а', c: 'с', e: 'е', o: 'о', p: 'р', x: 'х', y: 'у', i: 'і', s: 'ѕ', h: 'һ', k: 'к' };
const accent = { a: 'á', e: 'é', i: 'í', o: 'ö', u: 'ü', c: 'ç', n: 'ñ', s: 'š', r: 'ř', t: 'ť', d: 'ď' };
const leet = { a: '4', e: '3', i: '1', o: '0', s: '$', t: '7' };
const leetAt = { a: '@', s: '5', o: '0', i: '1', e: '3' };
const bang = { i: '!', b: '8', g: '9' };
const mathBold = (w) => [...w].map((c) => String.fromCodePoint(0x1d41a + c.charCodeAt(0) - 97)).join('');
const full = (w) => [...w].map((c) => String.fromCodePoint(0xff41 + c.charCodeAt(0) - 97)).join('');
const sub = (w, table, every = 1) => {
  let n = 0;
  return [...w].map((c) => (table[c] && n++ % every === 0 ? table[c] : c)).join('');
};
const mech = {
  plain: (w) => w,
  case: (w, i) => (i % 2 ? w.toUpperCase() : [...w].map((c, k) => (k % 2 ? c.toUpperCase() : c)).join('')),
  accents: (w) => sub(w, accent, 2),
  lookalike: (w) => sub(w, cyr),
  fullwidth: full,
  mathletters: mathBold,
  combining: (w) => [...w].map((c) => c + '\u0336').join(''),
  zerowidth: (w, i) => [...w].join(i % 2 ? '\u200b' : '\u00ad'),
  stretched: (w) => w.replace(/[aeiou]/, (v) => v.repeat(4)),
  leet: (w, i) => sub(w, i % 2 ? leet : leetAt),
  bang: (w) => (/[ibg]/.test(w) ? sub(w, bang) : sub(w, leet)),
  dotted: (w, i) => (i % 2 ? 'a ' : '') + [...w].join('.'),
  spaced: (w, i) => (i % 2 ? 'I ' : '') + [...w].join(' '),
  hyphenated: (w, i) => (i % 2 ? 'a ' : '') + [...w].join('-'),
  underscored: (w, i) => (i % 2 ? 'u ' : '') + [...w].join('_'),
};
const rows = [];
let f = 0;
const frame = () => frames[f++ % frames.length];
for (const [cls, fn] of Object.entries(mech)) {
  base.forEach((w, i) => {
    const form = fn(w, i);
    if (cls === 'bang' && !/[!89]/.test(form)) return;
    rows.push([cls, 1, frame().replace('{}', () => form)]);
  });
}
for (const [cls, forms] of Object.entries(hand)) {
  for (const form of forms) rows.push([cls, 1, frame().replace('{}', () => form)]);
}
for (const line of readFileSync(here + 'clean.txt', 'utf8').split('\n')) {
  if (line.trim() && !line.startsWith('#')) rows.push(['clean', 0, line.trim()]);
}
process.stdout.write('# class\texpected\ttext (generated by build-corpus.mjs; 1 = must be caught, 0 = must pass)\n');
for (const r of rows) process.stdout.write(r.join('\t') + '\n');
