"""The reader: a new document in, candidate roles out, each with the words that state it.

Rule-based and offline: the rules are data (``rules.json``), the text is cut into sentences and
list items (:mod:`kidash.reader.text`), actors are found by the map's names, short names and
aliases in their inflected forms and near-spellings, and by the shapes Norwegian organisation
and person names take (:mod:`kidash.reader.names`), dates by Norwegian words
(:mod:`kidash.reader.dates`); :func:`kidash.reader.suggest.suggest` puts them together.
"""
