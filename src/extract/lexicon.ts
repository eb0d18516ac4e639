/**
 * Small hand-kept word lists shared by the extractors and by search. Curated rather than
 * learned so extraction stays deterministic and fast.
 */

/** Demonym → country key. Also the "key modifier" kept in counted keys ("russian soldier"). */
export const DEMONYMS: Record<string, string> = {
  russian: 'russia', ukrainian: 'ukraine', american: 'united states', british: 'united kingdom',
  chinese: 'china', israeli: 'israel', palestinian: 'palestine', iranian: 'iran', german: 'germany',
  french: 'france', polish: 'poland', syrian: 'syria', lebanese: 'lebanon', belarusian: 'belarus',
  'north korean': 'north korea', 'south korean': 'south korea', korean: 'korea', turkish: 'turkey',
  indian: 'india', pakistani: 'pakistan', afghan: 'afghanistan', iraqi: 'iraq', sudanese: 'sudan',
  yemeni: 'yemen', japanese: 'japan', mexican: 'mexico', canadian: 'canada', australian: 'australia',
  italian: 'italy', spanish: 'spain', dutch: 'netherlands', swedish: 'sweden', finnish: 'finland',
  georgian: 'georgia', moldovan: 'moldova', hungarian: 'hungary', romanian: 'romania', czech: 'czechia',
  slovak: 'slovakia', brazilian: 'brazil', venezuelan: 'venezuela', taiwanese: 'taiwan', saudi: 'saudi arabia',
  egyptian: 'egypt', jordanian: 'jordan', libyan: 'libya', nigerian: 'nigeria', ethiopian: 'ethiopia',
  somali: 'somalia', kenyan: 'kenya', european: 'european union', gazan: 'gaza', haitian: 'haiti',
  armenian: 'armenia', azerbaijani: 'azerbaijan', kazakh: 'kazakhstan', estonian: 'estonia',
  latvian: 'latvia', lithuanian: 'lithuania', irish: 'ireland', greek: 'greece', danish: 'denmark',
  norwegian: 'norway', swiss: 'switzerland', austrian: 'austria', belgian: 'belgium', portuguese: 'portugal',
  ukrainians: 'ukraine', russians: 'russia', israelis: 'israel', palestinians: 'palestine', americans: 'united states',
};

/** Spelling variants and aliases → entity key. Multi-word keys are matched as phrases. */
export const ENTITY_ALIASES: Record<string, string> = {
  kiev: 'kyiv', kyiv: 'kyiv', kharkov: 'kharkiv', odessa: 'odesa', lvov: 'lviv', dnepr: 'dnipro',
  dnipropetrovsk: 'dnipro', zaporozhye: 'zaporizhzhia', zaporizhia: 'zaporizhzhia', artemovsk: 'bakhmut',
  'the kremlin': 'russia', kremlin: 'russia', moscow: 'moscow', 'united states': 'united states', us: 'united states',
  'u.s.': 'united states', usa: 'united states', america: 'united states', uk: 'united kingdom', 'u.k.': 'united kingdom',
  britain: 'united kingdom', 'great britain': 'united kingdom', eu: 'european union', 'european union': 'european union',
  un: 'united nations', 'u.n.': 'united nations', 'united nations': 'united nations', nato: 'nato',
  pows: 'prisoner of war', pow: 'prisoner of war', 'prisoners of war': 'prisoner of war', 'prisoner of war': 'prisoner of war',
  donbass: 'donbas', lugansk: 'luhansk', kherson: 'kherson', crimea: 'crimea', donetsk: 'donetsk',
};

/** Known places and actors worth tagging an article with when mentioned. */
export const GAZETTEER = new Set(
  (
    'ukraine russia kursk kyiv moscow belarus crimea donbas donetsk luhansk kharkiv kherson zaporizhzhia odesa lviv dnipro ' +
    'mariupol bakhmut avdiivka pokrovsk sumy belgorod bryansk poltava chernihiv mykolaiv vuhledar kupiansk toretsk chasiv ' +
    'israel gaza palestine lebanon syria iran iraq yemen turkey china taiwan india pakistan afghanistan sudan ' +
    'germany france poland hungary georgia moldova romania japan korea nato zelensky putin trump biden istanbul'
  ).split(' '),
);

/** Places named in so much of the news that they rarely say which story an article tells. */
export const BACKGROUND_PLACES: ReadonlySet<string> = new Set(['ukraine', 'russia', 'kyiv', 'moscow']);

/** Words after a place name that only say what kind of place it is ("Kursk region"). */
export const PLACE_SUFFIX = /\s+(?:oblast|region|area|province|city|district|krai|republic|border region|governorate)$/i;

/** Synonym heads folded together in counted keys. */
export const HEAD_SYNONYMS: Record<string, string> = {
  serviceman: 'soldier', servicemen: 'soldier', troop: 'soldier', troops: 'soldier', soldier: 'soldier',
  servicemember: 'soldier', 'service member': 'soldier', fighter: 'fighter', combatant: 'fighter',
  'military personnel': 'soldier', personnel: 'soldier', pow: 'prisoner of war', pows: 'prisoner of war',
  'prisoner of war': 'prisoner of war', 'prisoners of war': 'prisoner of war', captive: 'prisoner of war',
  people: 'person', persons: 'person', civilian: 'civilian', child: 'child', children: 'child',
  man: 'man', men: 'man', woman: 'woman', women: 'woman', defender: 'soldier',
};
