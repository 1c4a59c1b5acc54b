"""Every number from the care model, named once, with where it comes from.

A clinician reviewing or tuning Reminisce should only need this file. Sources
are the references in the project's care-model document (section numbers in
brackets); "ours" marks an inference or engineering choice, not a finding.
"""

from __future__ import annotations

# --- Era weighting, the reminiscence bump [care model 3] -------------------------
# Memory for music peaks around 14-17, preference later (17-23): Krumhansl & Zupnick
# 2013; Jakubowski et al. 2020; Rao et al. 2021. The peak and widths are our fit.
BUMP_PEAK_AGE = 17
BUMP_WIDTH_BEFORE_PEAK = 5
BUMP_WIDTH_AFTER_PEAK = 8
# The "cascading bump": the parents' music (Krumhansl & Zupnick 2013).
PARENTS_BUMP_PEAK = 22
PARENTS_MEAN_AGE_AT_BIRTH = 28  # default P; mc = PARENTS_BUMP_PEAK - P = -6
PARENTS_BUMP_WIDTH = 5
PARENTS_BUMP_WEIGHT = 0.3
# Later-life songs (a child's wedding song) must not vanish.
FLOOR_NEAR = 0.10
FLOOR_NEAR_AGES = (-30, 60)
FLOOR_FAR = 0.05

# --- Place and language [care model 3; issue 4] ---------------------------------
# Songs that were hits where the resident lived during these ages weigh more.
PLACE_AGES = (5, 30)
PLACE_OR_LANGUAGE_MATCH = 1.0
NO_PLACE_OR_LANGUAGE_MATCH = 0.3  # ours: enough to keep a Jamaican resident off a US-only list
UNKNOWN_REGION = 0.6  # ours: an imported song with no region tags is neither in nor out

# --- Personal significance beats era [care model 3; Rathbone et al. 2017] --------
# Tiers rank above any era-only candidate; within a tier the era score orders them.
TIER_NAMED_SONG = 3  # a named favourite, inheritance or identity song, or an approved family song
TIER_FAVOURITE_ARTIST = 2
TIER_ERA = 0
FAVOURITE_GENRE_FACTOR = 1.5  # ours

# --- Purpose: tempo and mood [care model 5] -------------------------------------
# Agitation/anxiety under 80 BPM; apathy and mornings 80-120; sleep under 60;
# never over 120 for an agitated person (Gerdner 2000; Garrido et al. 2019 guide).
PURPOSES = ("reminisce", "uplifting", "calm", "sleep")
CALM_MAX_BPM = 80
UPLIFTING_BPM = (80, 120)
SLEEP_MAX_BPM = 60
AGITATION_CEILING_BPM = 120
PURPOSE_FIT_FACTOR = 1.3  # ours: a song that suits the purpose
PURPOSE_MISFIT_FACTOR = 0.5  # ours: allowed, but further down

# --- Risk of low mood [care model 5 and 6; Garrido et al. 2018] -----------------
# High risk: minor-key / sad songs excluded. Moderate: shown with a warning.
SAD_MOODS = frozenset({"melancholy"})

# --- Feedback: the 1-6 response scale [care model 4 and 6] ------------------------
RESPONSE_SCALE = {
    1: "Lack of recognition or interest",
    2: "No sign of recognition, but slight interest when listening",
    3: "Weak sense of familiarity: facial expression, humming",
    4: "Familiarity put into words",
    5: "Strong familiarity put into words",
    6: "A specific memory, with context",
}
PROMOTE_AT = 4  # promote songs rated >= 4 (care model 6.3)
DEMOTE_AT_OR_BELOW = 2  # demote songs rated 1-2 ...
DEMOTE_AFTER_OCCASIONS = 2  # ... on two or more occasions
PIN_AT = 6  # never auto-remove a song that once scored 6; pin it (care model 6.6)
FEEDBACK_DECAY = 0.5  # ours: weight of each older rating in the exponentially weighted mean
PROMOTE_FACTOR_PER_POINT = 0.3  # ours: 4 -> x1.3, 5 -> x1.6, 6 -> x1.9
DEMOTE_FACTOR = 0.25  # ours
JUDGE_AFTER_PLAYS = 5  # judge a song or playlist after >= 5 plays (care model 5)

# --- One-tap cues during a song [care model 4] -----------------------------------
POSITIVE_CUES = (
    "taps in time",
    "nods",
    "sings",
    "hums",
    "smiles",
    "eye contact",
    "talks about a memory",
    "moves or dances",
)
NEGATIVE_CUES = (
    "crying",
    "distressed sounds",
    "distressed face",
    "restless",
    "shallow breathing",
    "agitated",
    "withdrawn",
    "fell asleep",
)
# "Tears are not always bad: record, don't judge automatically" [care model 4].

# --- Per session [care model 4; McDermott, Orrell & Ridder 2015 for MiDAS] -------
MIDAS_ITEMS = ("interest", "response", "initiation", "involvement", "enjoyment")  # in this order
MIDAS_ANCHORS = ("None", "Highest (this person's best)")
MOOD_SCALE = {1: "Very low", 2: "Low", 3: "Neutral", 4: "Good", 5: "Very good"}  # the 5-face scale
SESSION_PURPOSES = ("reminiscence", "morning", "before care task", "agitation", "evening calm", "sleep")
ACTIVITIES = ("listening", "singing along", "playing instruments", "movement")
AUDIO_SETTINGS = ("speaker", "headphones")
PLACES = ("own room", "lounge", "garden", "other")
SESSION_MINUTES = (20, 30)
SUNDOWNING_LEAD_MINUTES = 30  # start calm music ~30 min before the usual onset
VOLUME_CAP_PERCENT = 60  # and prompt a hearing-aid check

# --- Variety and rotation [care model 5 and 6; issue 4] ---------------------------
VARIETY_WINDOW = 15
VARIETY_MAX_PER_ARTIST = 2
SAME_YEAR_FACTOR = 0.8  # ours: each earlier pick from the same year lowers the next one
RECENTLY_PLAYED_FACTOR = 0.6  # ours: played in the last week rotates down
RECENT_DAYS = 7

# --- Playlists [care model 5] ----------------------------------------------------
PLAYLIST_SONGS = (10, 15)
PLAYLIST_MINUTES = (30, 45)
DEFAULT_SONG_MINUTES = 3.0  # ours: for estimating a length when durations are unknown

# --- Wording [care model 6.7] ---------------------------------------------------
MODEST_CLAIM = "Music may improve mood and behaviour while it plays; the benefits fade when it stops."
