import sys
from argparse import ArgumentParser, FileType
from logging import DEBUG, ERROR, INFO, WARN, getLogger

logger = getLogger("lark")

lalr_argparser = ArgumentParser(add_help=False, epilog="Look at the Lark documentation for more info on the options")
lalr_argparser.add_argument("-v", "--verbose", action="count", default=0, help="Increase Logger output level")
lalr_argparser.add_argument("-s", "--start", action="append", default=[])
lalr_argparser.add_argument("-l", "--lexer", default="contextual", choices=("basic", "contextual"))
lalr_argparser.add_argument("-o", "--out", type=FileType("w", encoding="utf-8"), default=sys.stdout,
                            help="the output file (default=stdout)")
lalr_argparser.add_argument("grammar_file", type=FileType("r", encoding="utf-8"), help="A valid .lark file")
options = ["start", "lexer"]


def build_lalr(namespace, make_parser):
    logger.setLevel((ERROR, WARN, INFO, DEBUG)[min(namespace.verbose, 3)])
    if len(namespace.start) == 0:
        namespace.start.append("start")
    kwargs = {n: getattr(namespace, n) for n in options}
    return make_parser(namespace.grammar_file.read(), parser="lalr", **kwargs), namespace.out
