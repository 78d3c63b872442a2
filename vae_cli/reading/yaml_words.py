"""libyaml's own words (the problem and context of a syntax error), in the reader's language.

A syntax error quotes what libyaml says ("did not find expected key", "while parsing a block
mapping"): the words a search for the problem finds. Each is a `msg` template here, so a French
reader reads them in French; a phrase not listed (a libyaml of another version) stays as
libyaml wrote it. The list is every problem and context libyaml 0.2.5's scanner, parser and
reader can report (src/scanner.c, src/parser.c, src/reader.c).
"""

from __future__ import annotations

from vae_cli.i18n.messages import Message, msg, verbatim

_WORDS: dict[str, Message] = {
    "block sequence entries are not allowed in this context": msg(
        "block sequence entries are not allowed in this context"
    ),
    "control characters are not allowed": msg("control characters are not allowed"),
    "could not find expected ':'": msg("could not find expected ':'"),
    "could not find expected directive name": msg("could not find expected directive name"),
    "did not find URI escaped octet": msg("did not find URI escaped octet"),
    "did not find expected '!'": msg("did not find expected '!'"),
    "did not find expected ',' or ']'": msg("did not find expected ',' or ']'"),
    "did not find expected ',' or '}'": msg("did not find expected ',' or '}'"),
    "did not find expected '-' indicator": msg("did not find expected '-' indicator"),
    "did not find expected <document start>": msg("did not find expected <document start>"),
    "did not find expected <stream-start>": msg("did not find expected <stream-start>"),
    "did not find expected alphabetic or numeric character": msg(
        "did not find expected alphabetic or numeric character"
    ),
    "did not find expected comment or line break": msg(
        "did not find expected comment or line break"
    ),
    "did not find expected digit or '.' character": msg(
        "did not find expected digit or '.' character"
    ),
    "did not find expected hexdecimal number": msg("did not find expected hexdecimal number"),
    "did not find expected key": msg("did not find expected key"),
    "did not find expected node content": msg("did not find expected node content"),
    "did not find expected tag URI": msg("did not find expected tag URI"),
    "did not find expected version number": msg("did not find expected version number"),
    "did not find expected whitespace or line break": msg(
        "did not find expected whitespace or line break"
    ),
    "did not find expected whitespace": msg("did not find expected whitespace"),
    "did not find the expected '>'": msg("did not find the expected '>'"),
    "found a tab character that violates indentation": msg(
        "found a tab character that violates indentation"
    ),
    "found a tab character where an indentation space is expected": msg(
        "found a tab character where an indentation space is expected"
    ),
    "found an incorrect leading UTF-8 octet": msg("found an incorrect leading UTF-8 octet"),
    "found an incorrect trailing UTF-8 octet": msg("found an incorrect trailing UTF-8 octet"),
    "found an indentation indicator equal to 0": msg("found an indentation indicator equal to 0"),
    "found character that cannot start any token": msg(
        "found character that cannot start any token"
    ),
    "found duplicate %YAML directive": msg("found duplicate %YAML directive"),
    "found duplicate %TAG directive": msg("found duplicate %TAG directive"),
    "found extremely long version number": msg("found extremely long version number"),
    "found incompatible YAML document": msg("found incompatible YAML document"),
    "found invalid Unicode character escape code": msg(
        "found invalid Unicode character escape code"
    ),
    "found undefined tag handle": msg("found undefined tag handle"),
    "found unexpected ':'": msg("found unexpected ':'"),
    "found unexpected document indicator": msg("found unexpected document indicator"),
    "found unexpected end of stream": msg("found unexpected end of stream"),
    "found unexpected non-alphabetical character": msg(
        "found unexpected non-alphabetical character"
    ),
    "found unknown directive name": msg("found unknown directive name"),
    "found unknown escape character": msg("found unknown escape character"),
    "incomplete UTF-16 character": msg("incomplete UTF-16 character"),
    "incomplete UTF-16 surrogate pair": msg("incomplete UTF-16 surrogate pair"),
    "incomplete UTF-8 octet sequence": msg("incomplete UTF-8 octet sequence"),
    "input is too long": msg("input is too long"),
    "invalid Unicode character": msg("invalid Unicode character"),
    "invalid leading UTF-8 octet": msg("invalid leading UTF-8 octet"),
    "invalid length of a UTF-8 sequence": msg("invalid length of a UTF-8 sequence"),
    "invalid trailing UTF-8 octet": msg("invalid trailing UTF-8 octet"),
    "mapping keys are not allowed in this context": msg(
        "mapping keys are not allowed in this context"
    ),
    "mapping values are not allowed in this context": msg(
        "mapping values are not allowed in this context"
    ),
    "unexpected low surrogate area": msg("unexpected low surrogate area"),
    "while parsing a %TAG directive": msg("while parsing a %TAG directive"),
    "while parsing a block collection": msg("while parsing a block collection"),
    "while parsing a block mapping": msg("while parsing a block mapping"),
    "while parsing a block node": msg("while parsing a block node"),
    "while parsing a flow mapping": msg("while parsing a flow mapping"),
    "while parsing a flow node": msg("while parsing a flow node"),
    "while parsing a flow sequence": msg("while parsing a flow sequence"),
    "while parsing a node": msg("while parsing a node"),
    "while parsing a quoted scalar": msg("while parsing a quoted scalar"),
    "while parsing a tag directive": msg("while parsing a tag directive"),
    "while parsing a tag": msg("while parsing a tag"),
    "while scanning a %TAG directive": msg("while scanning a %TAG directive"),
    "while scanning a %YAML directive": msg("while scanning a %YAML directive"),
    "while scanning a block scalar": msg("while scanning a block scalar"),
    "while scanning a directive": msg("while scanning a directive"),
    "while scanning a plain scalar": msg("while scanning a plain scalar"),
    "while scanning a quoted scalar": msg("while scanning a quoted scalar"),
    "while scanning a simple key": msg("while scanning a simple key"),
    "while scanning a tag directive": msg("while scanning a tag directive"),
    "while scanning a tag": msg("while scanning a tag"),
    "while scanning an alias": msg("while scanning an alias"),
    "while scanning an anchor": msg("while scanning an anchor"),
    "while scanning for the next token": msg("while scanning for the next token"),
}


def in_words(phrase: str) -> Message:
    """libyaml's `phrase` as a message each language writes its own way."""
    return _WORDS.get(phrase) or verbatim(phrase)
