"""Indonesian affixes: the possible roots of a typed word (``pendaftaran`` → ``daftar``).

Candidates only: the normaliser keeps the one the knowledge base uses, the lexicon checks them
against the dictionary. Standard prefixes and suffixes plus the colloquial ones of chat.
"""

from __future__ import annotations

# "nge"/"ng"/"ny": colloquial active prefixes ("ngurus", "ngdaftar", "nyetor").
_PREFIXES = ("meng", "meny", "mem", "men", "me", "peng", "peny", "pem", "pen", "per", "pe", "ber", "be", "ter", "di", "ke", "se", "nge", "ng", "ny")
_SUFFIXES = ("kan", "an", "i", "in")  # "-in": colloquial -kan/-i ("disiapin", "matiin")
_PARTICLES = ("lah", "kah", "pun", "tah")


_NASAL = {"meny": "s", "peny": "s", "ny": "s", "mem": "p", "pem": "p", "men": "t", "pen": "t", "meng": "k", "peng": "k", "ng": "k"}
# Only meng-/peng- (and chat's ng-) come before a root that begins with a vowel ("mengisi",
# "pengajar", "ngurus"); "men" + vowel is me- + n… or a lost t ("menangani": tangan, not angan),
# "mem" + vowel a lost p ("memakai"), "meny" + vowel a lost s ("menyalakan": nyala, via me-).
_MAY_PRECEDE_VOWEL = frozenset({"meng", "peng", "ng"})


# the prefixes chat's -in goes with, which makes verbs: di-, me- and its nasal forms, per-, chat's nge-/ng-/ny-
_IN_PREFIXES = frozenset({"meng", "meny", "mem", "men", "me", "di", "nge", "ng", "ny", "per"})  # ("perbaikin": perbaiki)


def _strip_prefix(word: str, prefixes: tuple[str, ...] | frozenset[str] = _PREFIXES) -> list[str]:
    found = []
    for prefix in _PREFIXES:
        if prefix in prefixes and word.startswith(prefix) and len(word) - len(prefix) >= 3:
            rest = word[len(prefix) :]
            # Nasal assimilation: meny/peny + s, mem/pem + p, men/pen + t, meng/peng + k.
            sound = _NASAL.get(prefix) if rest[0] in "aiueo" else None
            if sound is None or prefix in _MAY_PRECEDE_VOWEL:
                found.append(rest)
            if sound:
                found.append(sound + rest)
    return found


def stem_candidates(word: str) -> list[str]:
    """Possible roots of ``word``, the word itself first."""
    candidates = [word]
    base = [word]
    for particle in _PARTICLES:
        if word.endswith(particle) and len(word) - len(particle) >= 5:
            base.append(word[: -len(particle)])
    if word.endswith("nya") and len(word) >= 7:
        base.append(word[:-3])
    for stem in base:
        ends = [(stem, "")] + [(stem[: -len(s)], s) for s in _SUFFIXES if stem.endswith(s) and len(stem) - len(s) >= 4]
        for end, suffix in ends:
            candidates.append(end)
            # pe- without a suffix makes a person, not the act: "pelatih" (a trainer) is not
            # "pelatihan" (training), "petugas" (an officer) not "tugas" (a task).
            agent = not suffix and end.startswith("pe")
            # (chat's -in makes verbs, after di-/me-/N- or none: "disiapin", "ngerjain", "matiin"; "penilain" is a
            # typo of "penilaian", not pe- + "nila" + -in)
            for once in [] if agent else _strip_prefix(end, _IN_PREFIXES if suffix == "in" else _PREFIXES):
                candidates.append(once)
                candidates.extend(_strip_prefix(once))  # two prefixes: "diper-", "memper-", "keber-"
    return list(dict.fromkeys(candidates))
