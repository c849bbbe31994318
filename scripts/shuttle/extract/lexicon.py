"""Word lists the extractors share: titles, speech verbs, places, words that are not names.

Lists, not rules: a rule elsewhere says "a title before a name"; this module says which
words are titles. Everything is lower-case unless the comment says otherwise.
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(w for w in text.split() if w)


# Honorifics before a surname ("Mr. Blinken"); matched with or without the period.
HONORIFICS = _words("mr mrs ms miss dr mx")

# Heads of a role: the word a title or an appositive ends with ("defense minister").
ROLE_HEADS = _words(
    """
    president vice-president minister secretary secretary-general chancellor premier
    king queen prince emir sheikh sultan pope senator sen. rep. representative governor gov.
    mayor ambassador envoy general gen. commander chief director commissioner speaker
    spokesman spokeswoman spokesperson official leader head correspondent reporter resident
    analyst negotiator mediator adviser advisor aide diplomat coordinator lawmaker member
    founder chairman chairwoman chair ceo coordinator representative officer lt. col. capt.
    maj. adm. admiral colonel captain major lieutenant sergeant rabbi imam cleric professor
    prof. doctor nurse surgeon physician activist journalist photographer mother father
    son daughter brother sister wife husband widow neighbour neighbor survivor witness
    worker teacher student farmer owner manager executive strategist researcher expert
    economist historian scholar writer author editor producer attorney lawyer judge
    prosecutor mufti patriarch bishop cardinal monarch crown counterpart
    """
)

# Capitalised words that are part of a title, never of a name ("Prime Minister").
TITLE_CAPS = _words(
    """
    president vice minister prime secretary state foreign defense defence interior
    finance chancellor premier king queen prince crown emir sheikh sultan pope senator
    sen. rep. representative governor gov. mayor ambassador envoy general gen. lt. col.
    maj. capt. adm. sgt. commander chief director commissioner speaker special deputy
    acting former foreign-minister secretary-general lord lady sir dame rabbi imam
    admiral colonel captain major lieutenant sergeant field marshal supreme leader
    national security adviser advisor house majority minority whip opposition
    spokesperson spokesman spokeswoman
    """
)

# Royal and religious titles stay part of a one-word name ("King Abdullah").
ROYAL_TITLES = _words("king queen prince emir sheikh sultan pope")

NATIONALITIES = _words(
    """
    american u.s. us usa british u.k. uk french german italian spanish russian chinese
    japanese indian pakistani turkish iranian iraqi syrian lebanese jordanian egyptian
    saudi qatari emirati kuwaiti bahraini omani yemeni israeli palestinian gazan arab
    european u.n. un canadian australian dutch belgian swiss greek cypriot ukrainian
    polish irish norwegian swedish danish finnish south african brazilian mexican
    """
)

# Verbs that attribute words to a speaker. "declarative" ones also count for pronoun
# resolution (who last said something); the others introduce fragments ("calling it").
SPEECH_DECLARATIVE = _words(
    """
    said says say told tells added adds adding stated states stating saying telling
    asked asks replied replies answered wrote writes posted tweeted declared declares
    announced insisted insists warned warns argued argues noted notes explained explains
    continued recalled acknowledged acknowledges admitted conceded cautioned urged urges
    stressed stresses emphasized emphasised emphasizes repeated countered observed
    remarked suggested predicted claimed claims alleged concluded denied denies
    confirmed confirms reiterated reiterates responded responds spoke speaking
    affirmed affirms underlined underlines indicated indicates assured assures estimated
    lamented deplored denounced specified
    """
)
# Speech verbs that may come before their speaker: "“…,” said Mr. Blinken", and in
# translated copy "“…”, estimated Mr. Blinken", "“…”, added the secretary of state".
SPEECH_INVERTIBLE = _words(
    """
    said says added adds asked wrote writes continued replied declared estimated affirmed
    underlined indicated insisted assured stressed noted explained warned lamented denounced
    specified insists recalled concluded
    """
)
# Heads of a phrase that names a medium, not a speaker: "the agency said" passes on words
# the sentence has already given to someone ("He rejected “…”, the agency said").
MEDIA_HEADS = _words(
    """
    agency broadcaster newspaper television tv radio channel network outlet daily website
    media wire paper
    """
)
# A document that reports words: "a State Department readout", "a Hamas statement".
DOCUMENT_HEADS = _words(
    """
    statement readout report release communique communiqué post letter transcript summary
    announcement message
    """
)
SPEECH_FRAGMENT = _words(
    """
    calling called call calls describing described describes dubbing dubbed labeling
    labelling labeled labelled terming termed vowing vowed vows pledging pledged promising
    promised branding branded hailing hailed praising praised decrying decried
    condemning condemned
    """
)
SPEECH_VERBS = SPEECH_DECLARATIVE | SPEECH_FRAGMENT

# The first word of every phrase the trip and event patterns look for (trips._TRAVEL_RE,
# trips._MEET_RE, events._EVENT_RE) and of every number in words (numbers.py): the one
# keyword scan (keywords.py) finds them all, and a pattern runs only where they stand.
TRAVEL_FIRST_WORDS = _words(
    """
    arrived arrives arriving landed lands landing touched flew flies flying traveled
    travelled travels traveling travelling travel fly head headed heads heading went came comes
    visited visiting visits visit trip tour stop stops stopover stopped arrival moved going taken
    took takes take brought brings bring held holds holding talks met meeting meetings said says
    spoke speaking told was is left leaves leaving departed departs return returned returning
    back then on expected due spent press news welcome welcomed welcomes welcoming
    """
)
MEET_FIRST_WORDS = _words(
    """
    met meet meets meeting talks sat hosted received attended conversation call spoke
    meetings discussions chaired co-chaired conference
    """
)
EVENT_FIRST_WORDS = _words(
    """
    resign resigned resigns resigning resignation quit quits stepped steps rescue
    rescued rescues rescuing assassinated assassination was were killing killed proposed proposal
    proposes put unveiled offered arrived arrives landed lands touched left departed leaves met
    meets held talks released freed freeing attacked launched fired bombed struck shelled stormed
    invaded agreed accepted rejected endorsed signed approved
    """
)
# "he" and "his", for the sentences whose subject may be the traveller (trips.py).
HE_WORDS = frozenset(("he", "He", "his", "His"))

# Adverbs and auxiliaries that may stand between a speaker and the verb.
SPEECH_FILLERS = _words(
    """
    also later then once again has have had would will nonetheless still even too just
    already previously recently earlier separately further only similarly repeatedly
    however publicly privately simply quickly bluntly flatly
    """
)

# Lower-case words that may stand inside a speaker phrase ("the State Department
# spokesman", "health officials in Gaza", "Israel's military").
NP_WORDS = _words(
    """
    official officials spokesman spokeswoman spokesperson spokespeople office ministry
    department presidency military army government agency forces force police embassy
    minister secretary president diplomat correspondent source sources medics
    witnesses witness residents resident authorities authority health defense defence
    foreign security intelligence senior top former chief leader leaders head
    prime military's statement spokesman's minister's president's prime-minister
    cabinet council commission committee group militants militant wing movement
    officer officers commander commanders negotiator negotiators mediators mediator
    envoy envoys ambassador administration aide aides adviser advisers advisor
    campaigners analysts analyst doctors doctor paramedics hospital director
    rescuers rescue services service team spokesperson's office's agency's
    civil defence state media broadcaster news national rights human aid humanitarian
    u.s. u.n. local palestinian israeli egyptian american arab qatari diplomats ministers
    counterpart counterparts
    """
)
DETERMINERS = _words("the a an this that these those his her their its our one some")
PRONOUNS = _words("he she they it we i")

# Heads that make a phrase an organisation rather than a person.
ORG_HEADS = _words(
    """
    office ministry department presidency military army government agency forces police
    embassy cabinet council commission committee group wing movement administration
    authority authorities house pentagon kremlin court parliament knesset party
    organization organisation union league fund bank programme program service services
    hospital hospitals media broadcaster network company corporation foundation alliance
    coalition brigades command mission delegation secretariat
    """
)
ORG_NAMES = _words(
    """
    hamas hezbollah unrwa idf un u.n. nato eu who unicef ocha wfp pentagon kremlin
    houthis fatah plo pij opec icj icc amnesty
    """
)

# Common nouns that name anonymous groups of speakers: "residents said" has no speaker.
GROUP_NOUNS = _words(
    """
    residents officials witnesses sources medics doctors paramedics rescuers people
    analysts diplomats experts observers critics protesters activists families relatives
    survivors locals villagers soldiers troops militants fighters negotiators mediators
    authorities
    """
)

# Places: countries, territories and cities a Middle East trip may touch. Lower-case;
# a place phrase is matched case-insensitively after trimming "the".
COUNTRIES = frozenset(
    s.strip()
    for s in """
    afghanistan, albania, algeria, andorra, angola, argentina, armenia, australia, austria,
    azerbaijan, bahrain, bangladesh, belarus, belgium, bosnia, brazil, bulgaria, canada,
    chad, chile, china, colombia, croatia, cuba, cyprus, czech republic, denmark, djibouti,
    egypt, eritrea, estonia, ethiopia, finland, france, georgia, germany, greece, hungary,
    iceland, india, indonesia, iran, iraq, ireland, israel, italy, japan, jordan,
    kazakhstan, kenya, kosovo, kuwait, latvia, lebanon, libya, lithuania, luxembourg,
    malaysia, malta, mauritania, mexico, moldova, morocco, netherlands, new zealand,
    nigeria, north korea, norway, oman, pakistan, palestine, philippines, poland, portugal,
    qatar, romania, russia, saudi arabia, serbia, singapore, slovakia, slovenia, somalia,
    south africa, south korea, spain, sudan, sweden, switzerland, syria, taiwan,
    tunisia, turkey, turkiye, türkiye, ukraine, united arab emirates, uae, united kingdom,
    britain, great britain, england, united states, america, uzbekistan, vietnam, yemen,
    gaza, gaza strip, west bank, golan heights, sinai, european union, vatican
    """.split(",")
)
CITIES = frozenset(
    s.strip()
    for s in """
    tel aviv, jerusalem, ramallah, cairo, amman, aqaba, doha, lusail, riyadh, jeddah, al-ula,
    alula, neom, abu dhabi, dubai, ankara, istanbul, beirut, damascus, baghdad, erbil,
    tehran, nicosia, larnaca, athens, rome, paris, london, brussels, berlin, munich, geneva,
    davos, vienna, moscow, beijing, tokyo, new york, washington, manama, muscat,
    kuwait city, sharm el-sheikh, al-arish, el-arish, arish, ismailia, alexandria,
    rafah, khan younis, khan yunis, deir al-balah, deir el-balah, deir-al-balah,
    gaza city, jabaliya, jabalia, nuseirat, bureij, maghazi, beit lahia, beit hanoun,
    jenin, nablus, hebron, tulkarm, bethlehem, jericho, haifa, ashkelon, ashdod, sderot,
    eilat, kerem shalom, be'er sheva, beersheba, tiberias, nazareth, kiryat shmona,
    metula, ben gurion, sidon, tyre, tripoli, sanaa, hodeidah, aden, latakia, aleppo,
    homs, mosul, basra, izmir, antalya, tokyo, seoul, new delhi, islamabad, kyiv, warsaw,
    ottawa, canberra, madrid, lisbon, stockholm, oslo, copenhagen, helsinki, the hague
    """.split(",")
)
REGIONS = frozenset(
    s.strip()
    for s in """
    middle east, mideast, region, gulf, persian gulf, red sea, mediterranean, europe, asia,
    africa, levant, arab world, west, east, north, south, gaza envelope
    """.split(",")
)
PLACES = COUNTRIES | CITIES
# Where a U.S. secretary of state comes home to: never a stop of the trip.
HOME_PLACES = frozenset({"washington", "united states", "america", "u.s.", "us"})

# Capitalised words that are never part of a person's name.
NOT_NAME = (
    _words(
        """
    the a an he she it they we i his her their its our this that these those there
    but and or yet so still however meanwhile after before during while when if as
    in on at with for of to from by about into over under since until though although
    monday tuesday wednesday thursday friday saturday sunday january february march april
    may june july august september october november december jan feb mar apr jun jul aug
    sep sept oct nov dec today yesterday tomorrow
    read comments about more share follow subscribe advertisement related photo video
    street road avenue square city camp hospital school mosque church university
    israeli palestinian american arab muslim jewish christian islamic western eastern
    northern southern central north south east west
    hamas hezbollah houthis fatah unrwa idf nato
    house department ministry office authority agency council court forces army
    government state states united nations national news times post press journal
    reuters afp ap cnn bbc jazeera arabiya crescent cross borders watch international
    jihad knesset brigades corps guard guards post times tribune herald gazette channel
    god allah christmas ramadan
    """
    )
    | NATIONALITIES
    | frozenset(p for p in PLACES if " " not in p)
)

# Words that name the traveller whose trip an article describes.
TRAVELLER_SURNAME = "Blinken"
