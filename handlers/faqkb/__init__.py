"""The FAQ engine: knowledge base, normaliser, matcher, small talk and language detection.

Nothing here imports the chat side (handlers, bot.core, models): ``psp-bot ask``, the benchmarks
and the tests use it as plain functions, and :mod:`handlers.faq` turns its verdicts into replies.

- ``knowledge``  the data file: entries, validation, the fact audit against the sources
- ``normalise``  how typed Indonesian becomes canonical words (slang, Balinese, numerals, typos,
                 dictated splits, clauses of a long message)
- ``affixes``    the possible roots of an affixed word
- ``lexicon``    published word lists: PySastrawi's dictionary, indoNLP's colloquial lexicon
- ``smalltalk``  greetings, thanks, acknowledgements
- ``language``   English or Indonesian
- ``matcher``    ``FaqEngine``: the verdict on a message (answer, ask back, forward, decline…)
- ``compiled``   the busy modules above compiled to C (mypyc), used while they match their sources
"""

from handlers.faqkb import compiled as _compiled

# The busy modules compiled to C when a build matching these sources is there (see ``compiled``).
ENGINE = _compiled.use(__path__)
