//! What the simulator knows of each Alexa language: number words, ordinal
//! endings, months, weekdays, date, time and duration words, launch phrases.
//!
//! Compact on purpose (it ships in every bootstrap): each table is one
//! string of space-separated entries, read when a model is loaded. Words are
//! written as people write them; they are folded (accents, hamza forms,
//! nukta…) with the same function as utterances before comparison.
//!
//! Entry syntax of `numbers`: `word:value`, where the value ends in `*` for a
//! multiplier of the preceding small number (`hundred`, 十), `^` for a
//! multiplier of everything before it (`thousand`, 万), or is `&` for a
//! connector word that joins number words (`and`, `und`, `et`, و).
//! `ordinals`: `ending>replacement` rewrites the end of an ordinal word into
//! a cardinal one (`ieth>y`: twentieth → twenty); `^start>` strips a prefix.
//! `inflections`: endings that may follow an ordinal ending (`ersten`).
//! Groups of alternatives are joined with `|`; `_` stands for a space inside
//! a multi-word phrase.

use crate::slots::MONTH_NAMES;

/// One language's tables.
pub(crate) struct Lang {
    pub numbers: &'static str,
    /// Units may come before tens (`zwei-und-vierzig`, `واحد وعشرون`).
    pub units_first: bool,
    pub ordinals: &'static str,
    pub inflections: &'static str,
    /// 12 groups, January first.
    pub months: &'static str,
    /// 7 groups, Monday first.
    pub weekdays: &'static str,
    /// Words that carry no meaning inside a date, time or duration.
    pub fillers: &'static str,
    /// `phrase:code`: `dN` N days from today, `wN`/`weN`/`mN`/`yN` weeks,
    /// weekends, months, years from this one, `now`.
    pub relative: &'static str,
    /// next, this, last (three groups).
    pub next_this_last: &'static str,
    /// week, weekend, month, year (four groups).
    pub periods: &'static str,
    /// Marks after numbers in dates written with counters (ja: 年 月 日).
    pub date_marks: Option<[&'static str; 3]>,
    /// `word:UNIT` for durations: S M H D W MO Y.
    pub duration_units: &'static str,
    /// Words for "one" before a unit (`a week`, `une semaine`).
    pub articles: &'static str,
    /// `word:code`: `MO AF EV NI` periods, `12:00`/`00:00` noon and midnight,
    /// `am`/`pm` markers, `h` hour word, `m` minute word, `half`, `quarter`,
    /// `past`, `to` for "half past five", "quarter to six".
    pub time_words: &'static str,
    /// Launch patterns with `{name}`; one-shot patterns with `{name}` and `{utterance}`.
    pub launch: &'static str,
    pub one_shot: &'static str,
    /// The wake word, dropped at the start of an utterance.
    pub wake: &'static str,
}

const EN: Lang = Lang {
    numbers: "zero:0 oh:0 one:1 two:2 three:3 four:4 five:5 six:6 seven:7 eight:8 nine:9 ten:10 \
        eleven:11 twelve:12 thirteen:13 fourteen:14 fifteen:15 sixteen:16 seventeen:17 eighteen:18 \
        nineteen:19 twenty:20 thirty:30 forty:40 fifty:50 sixty:60 seventy:70 eighty:80 ninety:90 \
        hundred:100* thousand:1000^ million:1000000^ and:&",
    units_first: false,
    ordinals: "first>one second>two third>three fifth>five eighth>eight ninth>nine twelfth>twelve \
        ieth>y th>",
    inflections: "",
    months: MONTH_NAMES[0],
    weekdays: "monday tuesday wednesday thursday friday saturday sunday",
    fillers: "the of on in at for",
    relative: "today:d0 tonight:d0 tomorrow:d1 yesterday:d-1 day_after_tomorrow:d2 now:now \
        right_now:now",
    next_this_last: "next|coming this|current last|past|previous",
    periods: "week weekend month year",
    date_marks: None,
    duration_units: "second:S seconds:S sec:S secs:S minute:M minutes:M min:M mins:M hour:H \
        hours:H day:D days:D week:W weeks:W month:MO months:MO year:Y years:Y",
    articles: "a an",
    time_words: "morning:MO afternoon:AF evening:EV night:NI tonight:NI noon:12:00 midday:12:00 \
        midnight:00:00 am:am a.m:am pm:pm p.m:pm o'clock:h oclock:h half:half quarter:quarter \
        past:past after:past to:to before:to",
    launch: "open_{name} start_{name} launch_{name} play_{name} begin_{name} load_{name} use_{name}",
    one_shot: "ask_{name}_to_{utterance} ask_{name}_for_{utterance} ask_{name}_{utterance} \
        tell_{name}_to_{utterance} tell_{name}_{utterance} open_{name}_and_{utterance} \
        {utterance}_with_{name} {utterance}_using_{name} {utterance}_from_{name}",
    wake: "alexa",
};

const DE: Lang = Lang {
    numbers: "null:0 ein:1 eins:1 eine:1 einen:1 einem:1 zwei:2 zwo:2 drei:3 vier:4 fünf:5 \
        sechs:6 sieben:7 acht:8 neun:9 zehn:10 elf:11 zwölf:12 dreizehn:13 vierzehn:14 \
        fünfzehn:15 sechzehn:16 siebzehn:17 achtzehn:18 neunzehn:19 zwanzig:20 dreißig:30 \
        dreissig:30 vierzig:40 fünfzig:50 sechzig:60 siebzig:70 achtzig:80 neunzig:90 \
        hundert:100* tausend:1000^ million:1000000^ millionen:1000000^ und:&",
    units_first: true,
    ordinals: "erste>eins dritte>drei siebte>sieben achte>acht ste> te>",
    inflections: "n r s m",
    months: MONTH_NAMES[1],
    weekdays: "montag dienstag mittwoch donnerstag freitag samstag|sonnabend sonntag",
    fillers: "der die das den dem am im um des in zum zur ab",
    relative: "heute:d0 morgen:d1 gestern:d-1 übermorgen:d2 vorgestern:d-2 jetzt:now",
    next_this_last: "nächste|nächsten|nächster|nächstes|kommende|kommenden \
        diese|diesen|dieser|dieses letzte|letzten|letzter|letztes|vergangene|vergangenen",
    periods: "woche wochenende monat jahr",
    date_marks: None,
    duration_units: "sekunde:S sekunden:S minute:M minuten:M stunde:H stunden:H tag:D tage:D \
        tagen:D woche:W wochen:W monat:MO monate:MO monaten:MO jahr:Y jahre:Y jahren:Y",
    articles: "ein eine einen einer",
    time_words: "morgens:MO vormittags:MO morgen:MO vormittag:MO nachmittag:AF nachmittags:AF \
        abend:EV abends:EV nacht:NI nachts:NI mittag:12:00 mittags:12:00 mitternacht:00:00 \
        uhr:h halb:half-next viertel:quarter nach:past vor:to",
    launch: "öffne_{name} starte_{name} {name}_öffnen {name}_starten spiele_{name} {name}_spielen",
    one_shot: "frag_{name}_nach_{utterance} frage_{name}_nach_{utterance} frag_{name}_{utterance} \
        frage_{name}_{utterance} sag_{name}_{utterance} sage_{name}_{utterance} \
        bitte_{name}_{utterance} öffne_{name}_und_{utterance} {utterance}_mit_{name}",
    wake: "alexa",
};

const ES: Lang = Lang {
    numbers: "cero:0 un:1 uno:1 una:1 dos:2 tres:3 cuatro:4 cinco:5 seis:6 siete:7 ocho:8 \
        nueve:9 diez:10 once:11 doce:12 trece:13 catorce:14 quince:15 dieci:10 veinte:20 \
        veinti:20 treinta:30 cuarenta:40 cincuenta:50 sesenta:60 setenta:70 ochenta:80 \
        noventa:90 cien:100* ciento:100* doscientos:200 doscientas:200 trescientos:300 \
        trescientas:300 cuatrocientos:400 cuatrocientas:400 quinientos:500 quinientas:500 \
        seiscientos:600 seiscientas:600 setecientos:700 setecientas:700 ochocientos:800 \
        ochocientas:800 novecientos:900 novecientas:900 mil:1000^ millon:1000000^ \
        millones:1000000^ y:&",
    units_first: false,
    ordinals: "primero>uno primer>uno segundo>dos tercero>tres tercer>tres cuarto>cuatro \
        quinto>cinco sexto>seis septimo>siete setimo>siete octavo>ocho noveno>nueve \
        decimo>diez undecimo>once duodecimo>doce vigesimo>veinte trigesimo>treinta",
    inflections: "a>o os>o as>o",
    months: MONTH_NAMES[2],
    weekdays: "lunes martes miércoles jueves viernes sábado domingo",
    fillers: "el la los las de del en que a al para",
    relative: "hoy:d0 mañana:d1 ayer:d-1 pasado_mañana:d2 anteayer:d-2 ahora:now",
    next_this_last: "próximo|próxima|proximo|siguiente|viene este|esta pasado|pasada|anterior",
    periods: "semana fin_semana|finde mes año",
    date_marks: None,
    duration_units: "segundo:S segundos:S minuto:M minutos:M hora:H horas:H día:D días:D \
        semana:W semanas:W mes:MO meses:MO año:Y años:Y",
    articles: "un una",
    time_words: "mañana:MO tarde:AF noche:NI mediodía:12:00 medianoche:00:00 am:am pm:pm \
        hora:h horas:h y_media:half-past media:half cuarto:quarter menos:to",
    launch: "abre_{name} abrir_{name} inicia_{name} iniciar_{name} empieza_{name} juega_{name} \
        pon_{name}",
    one_shot: "pide_a_{name}_que_{utterance} pídele_a_{name}_que_{utterance} \
        pregunta_a_{name}_{utterance} pregúntale_a_{name}_{utterance} dile_a_{name}_que_{utterance} \
        abre_{name}_y_{utterance} {utterance}_con_{name} {utterance}_en_{name}",
    wake: "alexa",
};

const FR: Lang = Lang {
    numbers: "zéro:0 un:1 une:1 deux:2 trois:3 quatre:4 quatr:4 cinq:5 six:6 sept:7 huit:8 \
        neuf:9 dix:10 onze:11 onz:11 douze:12 douz:12 treize:13 treiz:13 quatorze:14 quatorz:14 \
        quinze:15 quinz:15 seize:16 seiz:16 vingt:20 vingts:20 trente:30 trent:30 quarante:40 \
        quarant:40 cinquante:50 cinquant:50 soixante:60 soixant:60 septante:70 huitante:80 \
        nonante:90 quatrevingt:80 quatrevingts:80 cent:100* cents:100* mille:1000^ mill:1000^ \
        million:1000000^ millions:1000000^ et:&",
    units_first: false,
    ordinals: "premier>un premiere>un second>deux seconde>deux cinquieme>cinq neuvieme>neuf \
        ieme> e>",
    inflections: "s",
    months: MONTH_NAMES[3],
    weekdays: "lundi mardi mercredi jeudi vendredi samedi dimanche",
    fillers: "le la les l de du des d en au à a pour",
    relative: "aujourd'hui:d0 aujourd_hui:d0 demain:d1 hier:d-1 après_demain:d2 avant_hier:d-2 \
        maintenant:now",
    next_this_last: "prochain|prochaine|suivant|suivante ce|cette|cet dernier|dernière|passé|passée",
    periods: "semaine week_end|weekend mois année|an",
    date_marks: None,
    duration_units: "seconde:S secondes:S minute:M minutes:M heure:H heures:H jour:D jours:D \
        semaine:W semaines:W mois:MO an:Y ans:Y année:Y années:Y",
    articles: "un une",
    time_words: "matin:MO après_midi:AF soir:EV soirée:EV nuit:NI midi:12:00 minuit:00:00 \
        heure:h heures:h h:h et_demie:half-past demie:half quart:quarter moins:to",
    launch: "ouvre_{name} ouvrir_{name} lance_{name} lancer_{name} démarre_{name} joue_{name}",
    one_shot: "demande_à_{name}_de_{utterance} demande_à_{name}_{utterance} \
        dis_à_{name}_de_{utterance} dis_à_{name}_{utterance} ouvre_{name}_et_{utterance} \
        {utterance}_avec_{name}",
    wake: "alexa",
};

const IT: Lang = Lang {
    numbers: "zero:0 un:1 uno:1 una:1 due:2 tre:3 quattro:4 cinque:5 sei:6 sette:7 otto:8 \
        nove:9 dieci:10 undici:11 undic:11 dodici:12 dodic:12 tredici:13 tredic:13 \
        quattordici:14 quattordic:14 quindici:15 quindic:15 sedici:16 sedic:16 \
        diciassette:17 diciassett:17 diciotto:18 diciott:18 diciannove:19 diciannov:19 \
        venti:20 vent:20 trenta:30 trent:30 quaranta:40 quarant:40 cinquanta:50 cinquant:50 \
        sessanta:60 sessant:60 settanta:70 settant:70 ottanta:80 ottant:80 novanta:90 \
        novant:90 cento:100* cent:100* mille:1000^ mila:1000^ milione:1000000^ \
        milioni:1000000^ e:&",
    units_first: false,
    ordinals: "primo>uno secondo>due terzo>tre quarto>quattro quinto>cinque sesto>sei \
        settimo>sette ottavo>otto nono>nove decimo>dieci esimo>",
    inflections: "a>o i>o e>o",
    months: MONTH_NAMES[4],
    weekdays: "lunedì martedì mercoledì giovedì venerdì sabato domenica",
    fillers: "il lo la i gli le l di del della dello dei in a al nel per",
    relative: "oggi:d0 domani:d1 ieri:d-1 dopodomani:d2 l'altro_ieri:d-2 altro_ieri:d-2 ora:now \
        adesso:now",
    next_this_last: "prossimo|prossima|prossimi|seguente questo|questa|questi scorso|scorsa|passato|passata",
    periods: "settimana fine_settimana|weekend mese anno",
    date_marks: None,
    duration_units: "secondo:S secondi:S minuto:M minuti:M ora:H ore:H giorno:D giorni:D \
        settimana:W settimane:W mese:MO mesi:MO anno:Y anni:Y",
    articles: "un una uno",
    time_words: "mattina:MO mattino:MO pomeriggio:AF sera:EV notte:NI mezzogiorno:12:00 \
        mezzanotte:00:00 ore:h e_mezza:half-past e_mezzo:half-past mezza:half quarto:quarter \
        meno:to",
    launch: "apri_{name} avvia_{name} inizia_{name} gioca_{name} lancia_{name}",
    one_shot: "chiedi_a_{name}_di_{utterance} chiedi_a_{name}_{utterance} dì_a_{name}_di_{utterance} \
        di_a_{name}_di_{utterance} apri_{name}_e_{utterance} {utterance}_con_{name}",
    wake: "alexa",
};

const NL: Lang = Lang {
    numbers: "nul:0 een:1 één:1 twee:2 drie:3 vier:4 vijf:5 zes:6 zeven:7 acht:8 negen:9 \
        tien:10 elf:11 twaalf:12 dertien:13 veertien:14 vijftien:15 zestien:16 zeventien:17 \
        achttien:18 negentien:19 twintig:20 dertig:30 veertig:40 vijftig:50 zestig:60 \
        zeventig:70 tachtig:80 negentig:90 honderd:100* duizend:1000^ miljoen:1000000^ en:&",
    units_first: true,
    ordinals: "eerste>een derde>drie achtste>acht ste> de>",
    inflections: "",
    months: MONTH_NAMES[5],
    weekdays: "maandag dinsdag woensdag donderdag vrijdag zaterdag zondag",
    fillers: "de het van op in om",
    relative: "vandaag:d0 morgen:d1 gisteren:d-1 overmorgen:d2 eergisteren:d-2 nu:now",
    next_this_last: "volgende|komende|aanstaande deze|dit vorige|afgelopen|verleden",
    periods: "week weekend maand jaar",
    date_marks: None,
    duration_units: "seconde:S seconden:S minuut:M minuten:M uur:H uren:H dag:D dagen:D \
        week:W weken:W maand:MO maanden:MO jaar:Y jaren:Y",
    articles: "een",
    time_words: "ochtend:MO morgens:MO middag:AF middags:AF avond:EV avonds:EV nacht:NI \
        nachts:NI middernacht:00:00 uur:h half:half-next kwart:quarter over:past voor:to",
    launch: "open_{name} start_{name} {name}_openen {name}_starten speel_{name}",
    one_shot: "vraag_{name}_om_{utterance} vraag_{name}_naar_{utterance} vraag_{name}_{utterance} \
        zeg_tegen_{name}_{utterance} open_{name}_en_{utterance} {utterance}_met_{name}",
    wake: "alexa",
};

const PT: Lang = Lang {
    numbers: "zero:0 um:1 uma:1 dois:2 duas:2 três:3 quatro:4 cinco:5 seis:6 meia:6 sete:7 \
        oito:8 nove:9 dez:10 onze:11 doze:12 treze:13 catorze:14 quatorze:14 quinze:15 \
        dezesseis:16 dezasseis:16 dezessete:17 dezassete:17 dezoito:18 dezenove:19 \
        dezanove:19 vinte:20 trinta:30 quarenta:40 cinquenta:50 sessenta:60 setenta:70 \
        oitenta:80 noventa:90 cem:100* cento:100* duzentos:200 duzentas:200 trezentos:300 \
        trezentas:300 quatrocentos:400 quatrocentas:400 quinhentos:500 quinhentas:500 \
        seiscentos:600 seiscentas:600 setecentos:700 setecentas:700 oitocentos:800 \
        oitocentas:800 novecentos:900 novecentas:900 mil:1000^ milhão:1000000^ \
        milhões:1000000^ e:&",
    units_first: false,
    ordinals: "primeiro>um segundo>dois terceiro>três quarto>quatro quinto>cinco sexto>seis \
        sétimo>sete oitavo>oito nono>nove décimo>dez vigésimo>vinte trigésimo>trinta",
    inflections: "a>o os>o as>o",
    months: MONTH_NAMES[6],
    weekdays: "segunda|segunda_feira terça|terça_feira quarta|quarta_feira quinta|quinta_feira \
        sexta|sexta_feira sábado domingo",
    fillers: "o a os as de do da dos das em no na para",
    relative: "hoje:d0 amanhã:d1 ontem:d-1 depois_amanhã:d2 anteontem:d-2 agora:now",
    next_this_last: "próximo|próxima|proximo|proxima|que_vem|seguinte este|esta|esse|essa \
        passado|passada|último|última|anterior",
    periods: "semana fim_semana mês ano",
    date_marks: None,
    duration_units: "segundo:S segundos:S minuto:M minutos:M hora:H horas:H dia:D dias:D \
        semana:W semanas:W mês:MO meses:MO ano:Y anos:Y",
    articles: "um uma",
    time_words: "manhã:MO tarde:AF noite:NI meio_dia:12:00 meia_noite:00:00 hora:h horas:h \
        e_meia:half-past quinze:quarter",
    launch: "abra_{name} abrir_{name} abre_{name} inicie_{name} iniciar_{name} comece_{name} \
        jogue_{name}",
    one_shot: "peça_ao_{name}_para_{utterance} peça_à_{name}_para_{utterance} \
        peça_para_{name}_{utterance} pergunte_ao_{name}_{utterance} pergunte_à_{name}_{utterance} \
        diga_ao_{name}_para_{utterance} abra_{name}_e_{utterance} {utterance}_com_{name}",
    wake: "alexa",
};

const JA: Lang = Lang {
    numbers: "〇:0 零:0 一:1 二:2 三:3 四:4 五:5 六:6 七:7 八:8 九:9 十:10* 百:100* 千:1000* \
        万:10000^ 億:100000000^",
    units_first: false,
    ordinals: "^第> 番目> つ目> 番> 目> 日>",
    inflections: "",
    months: MONTH_NAMES[7],
    weekdays: "月曜日|月曜 火曜日|火曜 水曜日|水曜 木曜日|木曜 金曜日|金曜 土曜日|土曜 日曜日|日曜",
    fillers: "の に は",
    relative: "今日:d0 きょう:d0 明日:d1 あした:d1 あす:d1 昨日:d-1 きのう:d-1 明後日:d2 あさって:d2 \
        一昨日:d-2 おととい:d-2 今:now 今週:w0 来週:w1 先週:w-1 今週末:we0 週末:we0 来週末:we1 \
        今月:m0 来月:m1 先月:m-1 今年:y0 来年:y1 去年:y-1 昨年:y-1",
    next_this_last: "来 今 先",
    periods: "週 週末 月 年",
    date_marks: Some(["年", "月", "日"]),
    duration_units: "秒:S 秒間:S 分:M 分間:M 時間:H 日:D 日間:D 週間:W 週:W ヶ月:MO か月:MO カ月:MO \
        ヵ月:MO 年:Y 年間:Y",
    articles: "",
    time_words: "朝:MO 午前中:MO 午後:pm 午前:am 昼:AF 夕方:EV 晩:EV 夜:NI 正午:12:00 真夜中:00:00 \
        時:h 分:m 半:half-past",
    launch: "{name}を開いて {name}を開く {name}をひらいて {name}を起動して {name}を起動 \
        {name}を始めて {name}をスタート {name}を開始",
    one_shot: "{name}で{utterance} {name}に{utterance} {name}を開いて{utterance} {name}を使って{utterance}",
    wake: "アレクサ",
};

const HI: Lang = Lang {
    numbers: "शून्य:0 एक:1 दो:2 तीन:3 चार:4 पांच:5 पाँच:5 छह:6 छः:6 छे:6 सात:7 आठ:8 नौ:9 दस:10 \
        ग्यारह:11 बारह:12 तेरह:13 चौदह:14 पंद्रह:15 पन्द्रह:15 सोलह:16 सत्रह:17 अठारह:18 उन्नीस:19 \
        बीस:20 इक्कीस:21 बाईस:22 तेईस:23 चौबीस:24 पच्चीस:25 छब्बीस:26 सत्ताईस:27 अट्ठाईस:28 \
        उनतीस:29 तीस:30 इकतीस:31 बत्तीस:32 तैंतीस:33 चौंतीस:34 पैंतीस:35 छत्तीस:36 सैंतीस:37 \
        अड़तीस:38 उनतालीस:39 चालीस:40 इकतालीस:41 बयालीस:42 तैंतालीस:43 चवालीस:44 पैंतालीस:45 \
        छियालीस:46 सैंतालीस:47 अड़तालीस:48 उनचास:49 पचास:50 इक्यावन:51 बावन:52 तिरेपन:53 \
        चौवन:54 पचपन:55 छप्पन:56 सत्तावन:57 अट्ठावन:58 उनसठ:59 साठ:60 इकसठ:61 बासठ:62 \
        तिरसठ:63 चौंसठ:64 पैंसठ:65 छियासठ:66 सड़सठ:67 अड़सठ:68 उनहत्तर:69 सत्तर:70 इकहत्तर:71 \
        बहत्तर:72 तिहत्तर:73 चौहत्तर:74 पचहत्तर:75 छिहत्तर:76 सतहत्तर:77 अठहत्तर:78 उन्यासी:79 \
        अस्सी:80 इक्यासी:81 बयासी:82 तिरासी:83 चौरासी:84 पचासी:85 छियासी:86 सत्तासी:87 \
        अट्ठासी:88 नवासी:89 नब्बे:90 इक्यानवे:91 बानवे:92 तिरानवे:93 चौरानवे:94 पचानवे:95 \
        छियानवे:96 सत्तानवे:97 अट्ठानवे:98 निन्यानवे:99 सौ:100* हज़ार:1000^ हजार:1000^ \
        लाख:100000^ करोड़:10000000^",
    units_first: false,
    ordinals: "पहला>एक पहली>एक पहले>एक दूसरा>दो दूसरी>दो दूसरे>दो तीसरा>तीन तीसरी>तीन तीसरे>तीन \
        चौथा>चार चौथी>चार चौथे>चार छठा>छह छठी>छह छठे>छह वां> वाँ> वीं> वें>",
    inflections: "",
    months: MONTH_NAMES[8],
    weekdays: "सोमवार मंगलवार बुधवार गुरुवार|बृहस्पतिवार शुक्रवार शनिवार रविवार|इतवार",
    fillers: "को की के का में पर",
    relative: "आज:d0 कल:d1 परसों:d2 अभी:now",
    next_this_last: "अगले|अगला|अगली इस|यह पिछले|पिछला|पिछली",
    periods: "हफ्ते|हफ़्ते|हफ्ता|हफ़्ता|सप्ताह वीकेंड|सप्ताहांत महीने|महीना साल|वर्ष",
    date_marks: None,
    duration_units: "सेकंड:S मिनट:M घंटे:H घंटा:H घंटों:H दिन:D दिनों:D हफ्ते:W हफ़्ते:W हफ्ता:W \
        सप्ताह:W महीने:MO महीना:MO साल:Y वर्ष:Y",
    articles: "",
    time_words: "सुबह:MO दोपहर:AF शाम:EV रात:NI बजे:h बज:h मिनट:m साढ़े:half-past सवा:quarter-past",
    launch: "{name}_खोलो {name}_खोलें {name}_शुरू_करो {name}_शुरू_करें {name}_चलाओ open_{name}",
    one_shot: "{name}_से_{utterance} {name}_को_{utterance} {name}_खोलो_और_{utterance}",
    wake: "alexa एलेक्सा",
};

const AR: Lang = Lang {
    numbers: "صفر:0 واحد:1 واحدة:1 إحدى:1 أحد:1 اثنان:2 اثنين:2 اثنتان:2 اثنتين:2 اثنا:2 اثنتا:2 \
        ثلاثة:3 ثلاث:3 أربعة:4 أربع:4 خمسة:5 خمس:5 ستة:6 ست:6 سبعة:7 سبع:7 ثمانية:8 ثماني:8 \
        ثمان:8 تسعة:9 تسع:9 عشرة:10 عشر:10 عشرون:20 عشرين:20 ثلاثون:30 ثلاثين:30 أربعون:40 \
        أربعين:40 خمسون:50 خمسين:50 ستون:60 ستين:60 سبعون:70 سبعين:70 ثمانون:80 ثمانين:80 \
        تسعون:90 تسعين:90 مائة:100* مئة:100* مائتان:200 مئتان:200 مائتين:200 مئتين:200 \
        ألف:1000^ آلاف:1000^ ألفان:2000 ألفين:2000 مليون:1000000^ و:& ال:&",
    units_first: true,
    ordinals: "أولى>واحد أول>واحد حادي>واحد ثانية>اثنان ثاني>اثنان ثالثة>ثلاثة ثالث>ثلاثة \
        رابعة>أربعة رابع>أربعة خامسة>خمسة خامس>خمسة سادسة>ستة سادس>ستة سابعة>سبعة سابع>سبعة \
        ثامنة>ثمانية ثامن>ثمانية تاسعة>تسعة تاسع>تسعة عاشرة>عشرة عاشر>عشرة",
    inflections: "",
    months: MONTH_NAMES[9],
    weekdays: "الاثنين|الإثنين|اثنين الثلاثاء|ثلاثاء الأربعاء|أربعاء الخميس|خميس الجمعة|جمعة \
        السبت|سبت الأحد|أحد",
    fillers: "في من يوم عام سنة شهر",
    relative: "اليوم:d0 غدا:d1 غداً:d1 بكرة:d1 أمس:d-1 البارحة:d-1 بعد_غد:d2 بعد_غدا:d2 الآن:now",
    next_this_last: "القادم|القادمة|المقبل|المقبلة|الجاي هذا|هذه|الحالي|الحالية الماضي|الماضية|السابق|السابقة",
    periods: "الأسبوع|أسبوع عطلة_الأسبوع|نهاية_الأسبوع الشهر|شهر العام|السنة|سنة|عام",
    date_marks: None,
    duration_units: "ثانية:S ثوان:S ثواني:S دقيقة:M دقائق:M دقيقتين:M ساعة:H ساعات:H ساعتين:H \
        يوم:D أيام:D يومين:D أسبوع:W أسابيع:W أسبوعين:W شهر:MO أشهر:MO شهور:MO شهرين:MO \
        سنة:Y سنوات:Y سنتين:Y عام:Y أعوام:Y",
    articles: "",
    time_words: "صباحا:MO الصباح:MO صباح:MO ظهرا:12:00 الظهر:12:00 بعد_الظهر:AF مساء:EV المساء:EV \
        مساءً:EV ليلا:NI الليل:NI منتصف_الليل:00:00 الساعة:h ساعة:h دقيقة:m دقائق:m و_نصف:half-past \
        والنصف:half-past و_ربع:quarter-past والربع:quarter-past إلا_ربع:quarter-to",
    launch: "افتح_{name} افتحي_{name} شغل_{name} شغلي_{name} ابدأ_{name} ابدئي_{name}",
    one_shot: "اطلب_من_{name}_{utterance} اسأل_{name}_{utterance} اسألي_{name}_{utterance} \
        افتح_{name}_و{utterance}",
    wake: "أليكسا اليكسا alexa",
};

/// The tables for a locale's language (English for an unknown one).
pub(crate) fn for_locale(locale: &str) -> &'static Lang {
    match locale.split(['-', '_']).next().unwrap_or("") {
        "de" => &DE,
        "es" => &ES,
        "fr" => &FR,
        "it" => &IT,
        "nl" => &NL,
        "pt" => &PT,
        "ja" => &JA,
        "hi" => &HI,
        "ar" => &AR,
        _ => &EN,
    }
}
