"""The FAQ engine: knowledge base, normaliser, matcher, small talk and language detection.

Nothing here imports the chat side (handlers, bot.core, models): ``psp-bot ask``, the benchmarks
and the tests use it as plain functions, and :mod:`handlers.faq` turns its verdicts into replies.

- ``knowledge``  the data file: entries, validation, the fact audit against the sources
- ``normalise``  how typed Indonesian becomes canonical words (slang, affixes, typos, numerals)
- ``matcher``    ``FaqEngine``: which entry answers a question and how surely
"""
