"""``python -m xuequ_rules`` runs the ``xuequ`` command line."""

from xuequ_rules.cli.start import main

main()
