"""Word lists and sentence patterns the corpus generator assembles articles from.

Varied on purpose: datelines, quotes in several styles (full sentences, fragments,
split quotes, attribution before and after), speakers known to data/people.yml and
invented ones with roles, casualty and hostage figures near the Ministry's series, trip
claims, dates written as weekdays and as days of the month.
"""

from __future__ import annotations

OUTLETS = (
    ("Associated Press", "ap"),
    ("Reuters", "reuters"),
    ("Agence France-Presse", "afp"),
    ("The New York Times", "nyt"),
    ("The Washington Post", "wapo"),
    ("BBC News", "bbc"),
    ("The Guardian", "guardian"),
    ("Al Jazeera", "aljazeera"),
    ("The Times of Israel", "toi"),
    ("Haaretz", "haaretz"),
    ("CNN", "cnn"),
    ("NPR", "npr"),
    ("Politico", "politico"),
    ("Bloomberg", "bloomberg"),
    ("The Wall Street Journal", "wsj"),
    ("Axios", "axios"),
    ("The National", "thenational"),
    ("Middle East Eye", "mee"),
)

DATELINES = (
    ("TEL AVIV", "Israel"),
    ("JERUSALEM", None),
    ("CAIRO", None),
    ("DOHA", "Qatar"),
    ("AMMAN", "Jordan"),
    ("RIYADH", "Saudi Arabia"),
    ("ANKARA", "Turkey"),
    ("WASHINGTON", None),
    ("BEIRUT", None),
    ("ABU DHABI", "United Arab Emirates"),
    ("RAMALLAH", "West Bank"),
    ("ISTANBUL", None),
)

PLACES = (
    "Israel", "Egypt", "Qatar", "Jordan", "Saudi Arabia", "Turkey", "the West Bank",
    "the United Arab Emirates", "Bahrain", "Lebanon", "Cyprus", "Iraq", "Greece",
)  # fmt: skip

ORDINAL_WORDS = (
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
    "tenth", "11th", "12th",
)  # fmt: skip

NUMBER_WORDS = ("two", "three", "four", "five", "six", "seven", "eight", "nine", "10", "a dozen")

# (full name, surname, role phrase) of people data/people.yml already knows.
KNOWN_SPEAKERS = (
    ("Antony Blinken", "Blinken", "Secretary of State"),
    ("Benjamin Netanyahu", "Netanyahu", "Israeli Prime Minister"),
    ("Yoav Gallant", "Gallant", "Israeli Defense Minister"),
    ("Isaac Herzog", "Herzog", "Israeli President"),
    ("Benny Gantz", "Gantz", "war cabinet member"),
    ("Abdel Fattah al-Sisi", "Sisi", "Egyptian President"),
    ("Sameh Shoukry", "Shoukry", "Egyptian Foreign Minister"),
    ("John Kirby", "Kirby", "White House national security spokesperson"),
    ("Matt Miller", "Miller", "State Department spokesman"),
    ("Philippe Lazzarini", "Lazzarini", "U.N. aid agency chief"),
    ("Volker Turk", "Turk", "U.N. human rights chief"),
    ("Joe Biden", "Biden", "President"),
)

FIRST_NAMES = (
    "Ahmed", "Mohammed", "Yousef", "Layla", "Rania", "Omar", "Khaled", "Samir", "Nour",
    "Hana", "David", "Sarah", "Michael", "Rachel", "Daniel", "Yael", "Avi", "Tamar",
    "Jonathan", "Emily", "Hassan", "Fatima", "Karim", "Mariam", "Ibrahim", "Salma",
    "Eitan", "Noa", "James", "Laura", "Tariq", "Amira", "Mustafa", "Dina", "Ronen",
)  # fmt: skip
LAST_NAMES = (
    "Haddad", "Khalil", "Nasser", "Mansour", "Barakat", "Saleh", "Awad", "Hamdan", "Qasem",
    "Cohen", "Levi", "Mizrahi", "Peretz", "Friedman", "Shapiro", "Katz", "Ben-David",
    "Abu Zaid", "Darwish", "Odeh", "Jaber", "Shamir", "Harel", "Mitchell", "Porter",
    "Reynolds", "Whitaker", "Sullivan", "Hartman", "Bishara", "Tamimi", "Zaqout", "Baker",
)  # fmt: skip
ROLES = (
    "a spokesman for the Israeli military",
    "a senior Hamas official",
    "an aid worker in Rafah",
    "a displaced resident of Khan Younis",
    "an analyst at the Washington Institute",
    "a former U.S. negotiator",
    "a spokeswoman for the U.N. humanitarian office",
    "a doctor at Nasser Hospital",
    "a member of the Israeli parliament",
    "a Qatari foreign ministry spokesman",
    "a mother of four sheltering in Deir al-Balah",
    "an Egyptian official briefed on the talks",
    "a researcher at the International Crisis Group",
    "the father of a hostage",
)

SPEECH_AFTER = ("said", "told reporters", "said in a statement", "added", "told journalists")
SPEECH_FRAGMENT = ("calling it", "describing it as", "vowing", "warning of")

QUOTE_OPENINGS = (
    "We are", "We remain", "We're", "I am", "The United States is", "Everyone here is",
    "Our team is", "We are still", "Today, we are", "As always, we are", "Washington is",
)  # fmt: skip
QUOTE_MIDDLES = (
    "determined to get a ceasefire that brings the hostages home",
    "working every day to get more aid into Gaza",
    "not going to stop until the job is done",
    "focused on preventing this conflict from spreading",
    "clear that civilians must be protected",
    "committed to a path to a Palestinian state",
    "convinced that a deal is still possible",
    "pressing Israel to do more to protect civilians",
    "concerned about the humanitarian situation in the north",
    "ready to move forward if Hamas says yes",
    "insisting that Hamas can never again govern Gaza",
    "looking at every option to end the suffering",
)
QUOTE_ENDS = (
    "and we will keep at it.",
    "and that is what we are doing.",
    "but there is a lot more to do.",
    "even when it is hard.",
    "because the alternative is worse.",
    "and I think the region knows it.",
    "as quickly as possible.",
    "for the sake of everyone in the region.",
)
FRAGMENTS = (
    "absolute victory", "delusional", "a moment of truth", "unacceptable", "a real chance",
    "the last best opportunity", "deeply concerning", "a bridging proposal", "non-starters",
    "a humanitarian catastrophe", "a tragedy", "the best way forward",
)  # fmt: skip

NARRATIVE = (
    "{surname} arrived in {place} after talks with regional leaders on a plan for Gaza "
    "after the war.",
    "The visit comes as negotiations over a ceasefire and the release of hostages remain stalled.",
    "Mediators from Egypt and Qatar have spent weeks trying to bridge the gaps between the "
    "two sides.",
    "Aid groups have warned of famine in northern Gaza, where deliveries have slowed to a trickle.",
    "Israel says it is targeting Hamas militants and blames the group for civilian deaths "
    "because it operates in residential areas.",
    "The United States has provided Israel with weapons and diplomatic cover while urging "
    "it to limit harm to civilians.",
    "Officials in {place} said the talks focused on aid deliveries and the fate of the hostages.",
    "The trip follows a series of calls between Washington and {place} in recent days.",
    "Fighting continued across the territory, with airstrikes reported in the south.",
    "The war has displaced most of Gaza's population, many of them several times.",
    "Hezbollah and Israel have exchanged fire across the border almost daily since October.",
    "Arab leaders have pressed for a path to Palestinian statehood as part of any deal.",
    "Relief agencies say the crossings into Gaza remain largely closed to commercial goods.",
    "Talks resumed in {place} with a new proposal on the table.",
)

EVENT_SENTENCES = (
    "{surname} met {other} in {place} on {day}.",
    "Israel and Hamas agreed to extend the truce by two days on {day}.",
    "Hamas delivered its response to the ceasefire proposal on {day}.",
    "The Rafah crossing reopened briefly on {day} to let aid trucks through.",
    "Israeli forces launched a ground operation in Rafah on {day}.",
    "{surname} held talks with {other} in {place} on {day}.",
)

FIGURE_SENTENCES = (
    "More than {killed_round} Palestinians have been killed in Gaza since the war began, "
    "according to the Health Ministry in the Hamas-run territory.",
    "The Gaza Health Ministry says {killed} people have been killed and {injured} wounded.",
    "At least {killed_round} people have been killed in Gaza, the territory's Health "
    "Ministry said on {day}.",
    "Nearly {killed_round2} Palestinians have been killed, health officials in Gaza said.",
    "Militants killed about 1,200 people in Israel on Oct. 7 and took some 250 others hostage.",
    "Around {held} hostages are still held in Gaza, according to Israeli officials.",
    "About {displaced} million people, most of Gaza's population, have been displaced.",
    "Some {trucks} aid trucks entered Gaza on {day}, according to the United Nations.",
    "{freed} hostages were released on {day} in exchange for Palestinian prisoners.",
)

TRIP_CLAIMS = (
    "It is {surname}'s {nth} trip to the region since the war began.",
    "The visit is his {nth} to the Middle East since Oct. 7.",
    "This is the {nth} visit to the region by Washington's top diplomat since the conflict "
    "erupted.",
)

TITLES = (
    "{surname} in {place} as ceasefire talks stall",
    "Blinken presses for Gaza truce on {nth} trip",
    "Blinken meets {other} amid push for hostage deal",
    "U.S. urges more aid for Gaza as toll rises",
    "Blinken says deal is still possible after talks in {place}",
    "Mideast diplomacy: what Blinken's visit to {place} achieved",
    "Hostage talks resume as Blinken lands in {place}",
)

CLOSERS = (
    "COMMENTS",
    "Read the full article here",
    "With files from Reuters",
    "This story has been updated.",
    "Reporting by the Jerusalem bureau; editing by the world desk.",
)
